import { describe, expect, test } from 'vitest';
import {
  DuplicateIndex,
  comparableCompany,
  comparableName,
  duplicateScore,
  groupDuplicates,
  jaroWinkler,
  type DuplicateMatch,
  type DuplicateSubject,
  type MatchReason,
} from '../../../src/import/duplicates';

const file = (row: number, name: string, extra: Partial<DuplicateSubject> = {}): DuplicateSubject => ({
  ref: { source: 'file', row },
  name,
  emails: [],
  phones: [],
  ...extra,
});

describe('scoring', () => {
  test('Jaro-Winkler reproduces the textbook values', () => {
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.961111, 6);
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 6);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.813333, 6);
    expect(jaroWinkler('', '')).toBe(1);
    expect(jaroWinkler('王芳', '王方')).toBeCloseTo(0.7, 6);
  });

  test('names and companies compare without case, accents, punctuation, word order or legal suffixes', () => {
    expect(comparableName('  Zoë  MÜLLER-Lüdenscheidt ')).toBe('ludenscheidt muller zoe');
    expect(comparableName("Smith, John")).toBe(comparableName('john smith'));
    expect(comparableName('王 芳')).toBe('王芳');
    expect(comparableCompany('Müller, Schmidt & Co. GmbH')).toBe('muller schmidt');
    expect(comparableCompany('北京华为技术有限公司')).toBe('北京华为技术');
  });

  test.each([
    [{ name: "John O'Brien", company: 'Globex' }, { name: 'Jon Obrien', company: 'Globex Corporation' }, 0.975758],
    [{ name: 'Mary Smith', company: 'Acme Inc.' }, { name: 'Mary Smith', company: 'ACME' }, 1],
    [{ name: 'John Smith' }, { name: 'Smith, John' }, 0.9],
    [{ name: 'John Smith', company: 'Acme' }, { name: 'John Smith', company: 'Globex' }, 0.6],
    [{ name: 'Ann Lee', company: 'Stark Vandelay Ltd' }, { name: 'Ann Lee', company: 'Stark Wayne Ltd' }, 0.6 + (0.4 * 12) / 23],
    [{ name: '王芳', company: '华为技术有限公司' }, { name: '王芳', company: '华为' }, 1],
    [{ name: 'SarahLee' }, { name: 'Sarah Lee' }, 0.9],
    [{ name: 'Wang Wei', emails: ['a@x.cn'] }, { name: 'Wang Wei', emails: ['b@y.cn'] }, 0.81],
    [{ name: 'Wang Wei', company: 'Acme', emails: ['a@x.cn'] }, { name: 'Wang Wei', company: 'Acme', phones: ['+8613812345678'] }, 0.9],
    [{ name: '王芳' }, { name: '王方' }, 0.63],
  ])('duplicateScore(%j, %j) = %d', (a, b, score) => {
    expect(duplicateScore(a, b)).toBeCloseTo(score, 6);
  });
});

describe('DuplicateIndex', () => {
  test('exact on email and phone, fuzzy on name + company, against the workspace and earlier rows', () => {
    const index = new DuplicateIndex();
    index.add({ ref: { source: 'existing', id: 'c1' }, name: 'Mary Smith', company: 'Acme', emails: ['mary@acme.com'], phones: [] });
    index.add({ ref: { source: 'existing', id: 'c2' }, name: 'Li Wei', emails: [], phones: ['+8613812345678'] });
    expect(index.match(file(2, 'M. Smith', { emails: ['mary@acme.com'] }))).toEqual([
      { a: { source: 'file', row: 2 }, b: { source: 'existing', id: 'c1' }, reasons: ['email'], score: 1 },
    ]);
    expect(index.match(file(3, 'Wei Li', { phones: ['+8613812345678'] }))).toEqual([
      { a: { source: 'file', row: 3 }, b: { source: 'existing', id: 'c2' }, reasons: ['phone'], score: 1 },
    ]);
    expect(index.match(file(4, 'Marry Smith', { company: 'ACME Inc' }))).toEqual([
      { a: { source: 'file', row: 4 }, b: { source: 'existing', id: 'c1' }, reasons: ['name_company'], score: 0.979 },
    ]);
    expect(index.match(file(5, 'Mary Jones', { company: 'Acme' }))).toEqual([]);
  });

  test('groups join matches transitively and keep every match with its reasons; a group scores its weakest join', () => {
    const matches = [
      { a: { source: 'file', row: 3 }, b: { source: 'existing', id: 'c1' }, reasons: ['email'], score: 1 },
      { a: { source: 'file', row: 7 }, b: { source: 'file', row: 3 }, reasons: ['name_company'], score: 0.91 },
      { a: { source: 'file', row: 9 }, b: { source: 'file', row: 8 }, reasons: ['phone'], score: 1 },
    ] as const;
    const groups = groupDuplicates(matches.map((m) => ({ ...m, reasons: [...m.reasons] })));
    expect(groups.map((g) => [g.members, g.matches.length, g.score])).toEqual([
      [[{ source: 'file', row: 3 }, { source: 'existing', id: 'c1' }, { source: 'file', row: 7 }], 2, 0.91],
      [[{ source: 'file', row: 9 }, { source: 'file', row: 8 }], 1, 1],
    ]);
  });

  test('a row with a name alone joins one namesake, not every namesake into one group', () => {
    // Row 1 is "张鹏" with no email or phone: rows 2, 3 and 4 are three different 张鹏 (their contacts differ, so they
    // do not match each other), each similar to row 1. Row 5 shares row 4's email, so it is row 4.
    const link = (a: number, b: number, reasons: MatchReason[], score: number): DuplicateMatch => ({ a: { source: 'file', row: a }, b: { source: 'file', row: b }, reasons, score });
    const groups = groupDuplicates([link(2, 1, ['name_company'], 0.9), link(3, 1, ['name_company'], 0.9), link(4, 1, ['name_company'], 0.92), link(5, 4, ['email'], 1)]);
    expect(groups.map((g) => [g.members.map((m) => (m.source === 'file' ? m.row : m.id)), g.matches.length, g.score])).toEqual([[[1, 4, 5], 2, 0.92]]);
    // Three rows all alike join as one.
    const alike = groupDuplicates([link(2, 1, ['name_company'], 0.95), link(3, 1, ['name_company'], 0.9), link(3, 2, ['name_company'], 0.88)]);
    expect(alike.map((g) => [g.members.length, g.matches.length, g.score])).toEqual([[3, 3, 0.9]]);
  });

  test('20,000 generated rows with planted duplicates: every exact one found, nearly every fuzzy one (timed)', () => {
    const seed = 20_240_305;
    let state = seed;
    const random = () => {
      // mulberry32
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const given = ['James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Carlos', 'Ana', 'Wei', 'Hiroshi', 'Priya', 'Olga'];
    const family = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores'];
    const hanFamily = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
    const hanGiven = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英'];
    const words = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Soylent', 'Tyrell', 'Cyberdyne', 'Aperture', 'Gringotts', 'Monarch', 'Oscorp', 'Wonka', 'Zorg', 'Nakatomi', 'Massive', 'Dynamic'];
    const companies = Array.from({ length: 400 }, () => `${pick(words)} ${pick(words)} ${pick(['Inc', 'Ltd', 'GmbH', 'Trading'])}`);
    const typo = (name: string) => {
      const at = 1 + Math.floor(random() * (name.length - 2));
      return name.slice(0, at) + name.slice(at + 1);
    };
    const subjects: DuplicateSubject[] = [];
    const planted: Array<{ row: number; of: number; kind: 'email' | 'typo' }> = [];
    for (let row = 2; subjects.length < 20_000; row++) {
      const original = subjects.length > 100 && random() < 0.05 ? subjects[Math.floor(random() * subjects.length)] : undefined;
      if (original && original.ref.source === 'file') {
        const kind = random() < 0.5 ? 'email' : 'typo';
        planted.push({ row, of: original.ref.row, kind });
        // A Han name with one character dropped is another name; its duplicate is the same name at the company's
        // longer legal name.
        const variant = /^\p{Script=Han}+$/u.test(original.name)
          ? file(row, original.name, { company: `${original.company} Co., Ltd.` })
          : file(row, typo(original.name), { company: original.company });
        subjects.push(kind === 'email' ? file(row, original.name.toUpperCase(), { emails: original.emails }) : variant);
        continue;
      }
      const han = random() < 0.3;
      const name = han ? pick(hanFamily) + pick(hanGiven) + (random() < 0.5 ? pick(hanGiven) : '') : `${pick(given)} ${pick(family)}`;
      subjects.push(file(row, name, { company: pick(companies), emails: [`person${row}@example.com`], phones: [`+1555${String(row).padStart(7, '0')}`] }));
    }

    const started = performance.now();
    const index = new DuplicateIndex();
    const found = new Map<number, Set<number>>();
    for (const subject of subjects) {
      for (const match of index.match(subject)) {
        if (match.a.source === 'file' && match.b.source === 'file') {
          const set = found.get(match.a.row) ?? new Set<number>();
          set.add(match.b.row);
          found.set(match.a.row, set);
        }
      }
      index.add(subject);
    }
    const elapsed = performance.now() - started;
    const hit = (p: (typeof planted)[number]) => found.get(p.row)?.has(p.of) === true;
    const emailPlanted = planted.filter((p) => p.kind === 'email');
    const typoPlanted = planted.filter((p) => p.kind === 'typo');
    const typoRecall = typoPlanted.filter(hit).length / typoPlanted.length;
    console.info(
      `duplicate detection, 20,000 rows (seed ${seed}): ${elapsed.toFixed(0)} ms; planted ${emailPlanted.length} by email ` +
        `(found ${emailPlanted.filter(hit).length}), ${typoPlanted.length} with a typo or a longer company name (recall ${typoRecall.toFixed(3)}); ` +
        `${found.size} rows flagged in all`,
    );
    expect(emailPlanted.filter(hit)).toHaveLength(emailPlanted.length);
    expect(typoRecall).toBeGreaterThan(0.99);
  }, 60_000);
});
