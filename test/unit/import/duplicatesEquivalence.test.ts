import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { DuplicateIndex, type DuplicateMatch, type DuplicateOptions, type DuplicateSubject, type SubjectRef } from '../../../src/import/duplicates';

const SEED = 20_251_130;

function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A workspace and a file meant to reach every path of the matcher: Latin names with accents, apostrophes, commas
 * and swapped order, single words, Han names and companies, legal suffixes, shared and differing contacts, typos,
 * and one name repeated past the block cap.
 */
function subjects(seed: number): { existing: DuplicateSubject[]; incoming: DuplicateSubject[] } {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const given = ['James', 'Mary', 'John', 'Zoë', 'Sean', 'Seán', 'Anne-Marie', 'Wei', 'Priya', 'Olga', 'MaryAnn', 'Mary Ann', 'José', 'Ana'];
  const family = ['Smith', "O'Brien", 'Obrien', 'Müller', 'Muller', 'Lee', 'Nguyen', 'García', 'Garcia', 'Wang', 'Li', 'Dubois', 'Van der Berg', 'Ng'];
  const hanFamily = [...'王李张刘陈杨黄赵'];
  const hanGiven = [...'伟芳娜秀英敏静丽强'];
  const words = ['Acme', 'Globex', 'Initech', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Ab', 'Umbrella'];
  const suffixes = ['', ' Inc.', ' Ltd', ' GmbH', ' & Co.', ' Corporation', ' Holdings'];
  const hanCompanies = ['华为技术', '华为', '北京华为技术', '腾讯', '阿里巴巴', '小米科技'];
  const hanSuffixes = ['', '有限公司', '股份有限公司', '集团'];
  const company = (): string | undefined => {
    const roll = random();
    if (roll < 0.25) return undefined;
    if (roll < 0.4) return pick(hanCompanies) + pick(hanSuffixes);
    return `${pick(words)}${random() < 0.5 ? ` ${pick(words)}` : ''}${pick(suffixes)}`;
  };
  const name = (): string => {
    const roll = random();
    if (roll < 0.03) return 'Test';
    if (roll < 0.08) return pick(words);
    if (roll < 0.3) return pick(hanFamily) + pick(hanGiven) + (random() < 0.5 ? pick(hanGiven) : '');
    if (roll < 0.4) return `${pick(family)}, ${pick(given)}`;
    return `${pick(given)} ${pick(family)}`;
  };
  const typo = (text: string): string => {
    if (text.length < 3) return text;
    const at = 1 + Math.floor(random() * (text.length - 2));
    return random() < 0.5 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2);
  };
  let contact = 0;
  const contacts = (): Pick<DuplicateSubject, 'emails' | 'phones'> => {
    const roll = random();
    if (roll < 0.3) return { emails: [], phones: [] };
    if (roll < 0.5) return { emails: [], phones: [`+4420${String(contact++).padStart(7, '0')}`] };
    if (roll < 0.9) return { emails: [`p${contact++}@example.com`], phones: [] };
    return { emails: [`p${contact++}@example.com`, `q${contact}@example.org`], phones: [`+4420${String(contact++).padStart(7, '0')}`] };
  };
  const all: Array<Omit<DuplicateSubject, 'ref'>> = [];
  for (let i = 0; i < 6_000; i++) {
    const original = all.length > 50 && random() < 0.3 ? pick(all) : undefined;
    if (!original) {
      all.push({ name: name(), company: company(), ...contacts() });
      continue;
    }
    const roll = random();
    if (roll < 0.3) all.push({ ...original, name: typo(original.name), ...contacts() });
    else if (roll < 0.5) all.push({ ...original, name: original.name.toUpperCase(), company: random() < 0.5 ? company() : original.company });
    else if (roll < 0.7) all.push({ name: original.name.split(' ').reverse().join(' '), company: original.company ? `${original.company} Co., Ltd.` : undefined, ...contacts() });
    else if (roll < 0.85) all.push({ name: typo(original.name), company: original.company, emails: [], phones: original.phones });
    else all.push({ name: original.name, company: company(), emails: original.emails.slice(0, 1), phones: [] });
  }
  return {
    existing: all.slice(0, 3_000).map((subject, i) => ({ ...subject, ref: { source: 'existing', id: `c${i}` } })),
    incoming: all.slice(3_000).map((subject, i) => ({ ...subject, ref: { source: 'file', row: i + 2 } })),
  };
}

const refText = (ref: SubjectRef) => (ref.source === 'file' ? `f${ref.row}` : ref.id);
const matchText = (match: DuplicateMatch) => `${refText(match.a)}>${refText(match.b)}:${match.reasons.join('+')}:${match.score}`;

/** Every match of every row in the order the index returns them: the workspace added, then the file matched and added. */
function run(options: DuplicateOptions): { matches: number; digest: string } {
  const { existing, incoming } = subjects(SEED);
  const index = new DuplicateIndex(options);
  for (const subject of existing) index.add(subject);
  const hash = createHash('sha256');
  let matches = 0;
  incoming.forEach((subject, i) => {
    const found = i % 7 === 0 ? index.match(subject) : index.matchAndAdd(subject);
    matches += found.length;
    hash.update(`${found.map(matchText).join(',')}\n`);
  });
  return { matches, digest: hash.digest('hex').slice(0, 16) };
}

// Counts and digests of the matches as the implementation before interned keys and typed block lists found them (commit 5090f61).
describe('DuplicateIndex finds exactly what it found before it was optimised', () => {
  test.each([
    [{}, 21_959, '66fd1468c7b092b6'],
    [{ threshold: 0.82 }, 25_852, '796dd5a4af87a5af'],
    [{ threshold: 0.7, maxBlockComparisons: 8 }, 40_441, 'd36ace000c1907ca'],
    [{ threshold: 0.95, maxBlockComparisons: 3 }, 840, '5d93d26051e5bf4b'],
  ])('options %j', (options, matches, digest) => {
    const result = run(options);
    console.info(`duplicate equivalence (seed ${SEED}) ${JSON.stringify(options)}: ${result.matches} matches, digest ${result.digest}`);
    expect(result).toEqual({ matches, digest });
  });
});
