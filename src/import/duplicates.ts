import { PostingLists } from './postingLists';
import { isHan } from './values';

/** A row of the file being imported, or a customer already in the workspace. */
export type SubjectRef = { source: 'file'; row: number } | { source: 'existing'; id: string };

/** What duplicate detection compares; emails and phones already normalised (lower-case, E.164). */
export interface DuplicateSubject {
  ref: SubjectRef;
  name: string;
  company?: string | undefined;
  emails: readonly string[];
  phones: readonly string[];
}

export type MatchReason = 'email' | 'phone' | 'name_company';

export interface DuplicateMatch {
  /** The subject being matched (the newer row). */
  a: SubjectRef;
  b: SubjectRef;
  reasons: MatchReason[];
  /** 1 for a shared email or phone; the name (+ company) similarity otherwise. */
  score: number;
}

export interface DuplicateGroup {
  members: SubjectRef[];
  matches: DuplicateMatch[];
  score: number;
}

export interface DuplicateOptions {
  /** Lowest name (+ company) score reported as a possible duplicate. */
  threshold?: number;
  /**
   * How many members of one blocking key a new subject is compared with (the newest). Keys are built so common
   * ones stay small; the cap keeps a pathological file (10,000 rows named "Test") from going quadratic.
   */
  maxBlockComparisons?: number;
}

/** Flags of matched positions, reused across calls: duplicate detection runs millions of comparisons. */
let matchedFlags = new Uint8Array(64);

/**
 * Jaro-Winkler similarity 0..1 over UTF-16 units: a Han character of the basic plane (every common one) counts as one,
 * a rare one beyond it as two.
 */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  if (matchedFlags.length < a.length + b.length) matchedFlags = new Uint8Array(2 * (a.length + b.length));
  const flags = matchedFlags;
  flags.fill(0, 0, a.length + b.length);
  const bOffset = a.length;
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const code = a.charCodeAt(i);
    const end = Math.min(b.length, i + window + 1);
    for (let j = Math.max(0, i - window); j < end; j++) {
      if (flags[bOffset + j] === 0 && b.charCodeAt(j) === code) {
        flags[i] = flags[bOffset + j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (flags[i] === 0) continue;
    while (flags[bOffset + k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

function plain(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Names compared without case, accents, punctuation or word order ("Smith, John" = "John Smith"); Han without spaces. */
export function comparableName(name: string): string {
  const text = plain(name);
  return sortedWords(text, isHan(text));
}

function sortedWords(text: string, han: boolean): string {
  return han ? text.replace(/\s/g, '') : text.split(' ').sort().join(' ');
}

const LEGAL_SUFFIXES = /\b(inc|incorporated|llc|ltd|limited|corp|corporation|co|company|gmbh|ag|sa|sas|bv|plc|pty)\b/g;
const CHINESE_SUFFIXES = /(股份有限公司|有限责任公司|有限公司|集团|公司)$/;

export function comparableCompany(company: string): string {
  return plain(company).replace(LEGAL_SUFFIXES, '').replace(CHINESE_SUFFIXES, '').replace(/\s+/g, ' ').trim();
}

/**
 * Keys that put likely duplicates in the same small bucket: a Han name by its whole text, its family + last
 * character and its first two characters; a Latin name by each main word with the other's initial and with the
 * other's last two letters (so one typo anywhere in either word, or swapped order, still shares a key), and by its
 * letters without spaces ("MaryAnn Lee" / "Mary Ann Lee"). Only subjects sharing a key are compared.
 */
function blockingKeys(text: string, compact: string, han: boolean): string[] {
  if (!text) return [];
  if (han) {
    const chars = Array.from(compact);
    return [...new Set([`h:${compact}`, `h2:${chars[0]}${chars.at(-1)}`, `h3:${chars.slice(0, 2).join('')}`])];
  }
  const words = text.split(' ');
  const first = words[0] ?? '';
  const last = words.at(-1) ?? '';
  if (words.length === 1) return [`x:${compact}`];
  return [`l:${first}|${last[0]}`, `l:${last}|${first[0]}`, `e:${first}|${last.slice(-2)}`, `e:${last}|${first.slice(-2)}`, `x:${compact}`];
}

/**
 * Character pairs of a text as numbers (first unit × 65536 + second), sorted: numbers order as the two-unit strings
 * would, and a text of one unit is its unit × 65536 (never a pair, as normalised text holds no U+0000).
 */
function pairCodes(text: string): Uint32Array {
  if (text.length < 2) return Uint32Array.of(text.charCodeAt(0) * 65536);
  const pairs = new Uint32Array(text.length - 1);
  for (let i = 1; i < text.length; i++) pairs[i - 1] = text.charCodeAt(i - 1) * 65536 + text.charCodeAt(i);
  return pairs.sort();
}

/** Dice coefficient of sorted character pairs: shared words count, a shared first word alone makes no match. */
function diceSimilarity(left: Uint32Array, right: Uint32Array): number {
  let shared = 0;
  for (let i = 0, j = 0; i < left.length && j < right.length; ) {
    const a = left[i] as number;
    const b = right[j] as number;
    if (a === b) {
      shared++;
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return (2 * shared) / (left.length + right.length);
}

/** What a company is compared by; none when nothing is left of it once normalised. */
interface CompanyForm {
  text: string;
  pairs: Uint32Array;
  /** How long it must be to make a longer name starting with it the same company: 2 Han characters, else 3 letters. */
  sameAsLongerFrom: number;
  /** Its first two characters, which a company block key holds. */
  start: string;
}

function companyForm(company: string): CompanyForm | undefined {
  const text = comparableCompany(company);
  if (!text) return undefined;
  return { text, pairs: pairCodes(text), sameAsLongerFrom: isHan(text) ? 2 : 3, start: firstCharacters(text, 2) };
}

/** The first `count` code points, as `Array.from(text).slice(0, count)` would join them, without the array. */
function firstCharacters(text: string, count: number): string {
  let end = 0;
  for (let n = 0; n < count && end < text.length; n++) end += (text.codePointAt(end) as number) > 0xffff ? 2 : 1;
  return text.slice(0, end);
}

/** One name starting the other ("华为" / "华为技术", "acme" / "acme holdings") is the same company; else Dice. */
function companySimilarity(a: CompanyForm, b: CompanyForm): number {
  const [short, long] = a.text.length <= b.text.length ? [a, b] : [b, a];
  if (long.text.startsWith(short.text) && short.text.length >= short.sameAsLongerFrom) return 1;
  return diceSimilarity(a.pairs, b.pairs);
}

interface NameForm {
  /** The name without case, accents, punctuation or word order. */
  sorted: string;
  /** The name's letters in their original order without spaces ("SarahLee" = "Sarah Lee"). */
  compact: string;
}

function nameForm(name: string): NameForm & { keys: string[] } {
  const text = plain(name);
  const han = isHan(text);
  const compact = text.replace(/\s/g, '');
  return { sorted: sortedWords(text, han), compact, keys: blockingKeys(text, compact, han) };
}

/**
 * How far the evidence beside the name goes: companies alike or not when both have one (name alone counts × 0.9),
 * and × 0.9 when both have emails or phones and share none (two "Wang Wei" with different numbers are most
 * likely two people). The name is compared only when this leaves the threshold reachable.
 */
const NAME_ONLY = 0.9;
const CONTACTS_DIFFER = 0.9;

function evidenceFactor(a: CompanyForm | undefined, b: CompanyForm | undefined, contactsDiffer: boolean): number {
  const company = a && b ? 0.6 + 0.4 * companySimilarity(a, b) : NAME_ONLY;
  return contactsDiffer ? company * CONTACTS_DIFFER : company;
}

/**
 * Subjects are blocked apart by the evidence they carry: 0 no email or phone, 1 contacts but no company, 2 both.
 * Two subjects with different contacts reach the threshold only through (nearly) the same company, so they are
 * compared only when their companies start alike; in a book where nearly everyone has an email most pairs are never looked at.
 */
type Evidence = 0 | 1 | 2;

function evidenceOf(subject: DuplicateSubject): Evidence {
  if (!hasContacts(subject)) return 0;
  return subject.company ? 2 : 1;
}

/**
 * Block lists by number: a name key's id k holds the subjects of each evidence in lists 4k, 4k + 1 and 4k + 2; a
 * name key with the company's first two characters (evidence 2 only) has an id j of its own, list 4j + 3.
 */
const COMPANY_BLOCK = 3;

function nameSimilarity(a: NameForm, b: NameForm): number {
  const sorted = jaroWinkler(a.sorted, b.sorted);
  return sorted === 1 ? 1 : Math.max(sorted, jaroWinkler(a.compact, b.compact));
}

type Contacts = Pick<DuplicateSubject, 'emails' | 'phones'>;

function hasContacts(subject: Contacts): boolean {
  return subject.emails.length > 0 || subject.phones.length > 0;
}

function shareContacts(a: Contacts, b: Contacts): boolean {
  return a.emails.some((email) => b.emails.includes(email)) || a.phones.some((phone) => b.phones.includes(phone));
}

type Scored = Pick<DuplicateSubject, 'name' | 'company'> & Partial<Contacts>;

/** The fuzzy score of two subjects, 0..1: name similarity times the evidence beside it. */
export function duplicateScore(a: Scored, b: Scored): number {
  const [ca, cb] = [{ emails: a.emails ?? [], phones: a.phones ?? [] }, { emails: b.emails ?? [], phones: b.phones ?? [] }];
  const contactsDiffer = hasContacts(ca) && hasContacts(cb) && !shareContacts(ca, cb);
  const companies = [a.company ? companyForm(a.company) : undefined, b.company ? companyForm(b.company) : undefined] as const;
  return nameSimilarity(nameForm(a.name), nameForm(b.name)) * evidenceFactor(...companies, contactsDiffer);
}

/** A name as the index keeps it: compared forms and the ids of its blocking keys. */
interface IndexedName extends NameForm {
  keys: Int32Array;
}

/** A subject on its way into the index: its name and company forms, and the ids of its company blocks (one per name key, evidence 2 only). */
interface Candidate {
  subject: DuplicateSubject;
  name: IndexedName;
  company: CompanyForm | undefined;
  hasContacts: boolean;
  evidence: Evidence;
  companyKeys: readonly number[];
}

const NO_KEYS: readonly number[] = [];

const strongestFirst = (x: DuplicateMatch, y: DuplicateMatch) => y.score - x.score;

function refKey(ref: SubjectRef): string {
  return ref.source === 'file' ? `f:${ref.row}` : `e:${ref.id}`;
}

/** The id of a key: ids count up from 0 in the order keys are first seen. */
function intern(ids: Map<string, number>, key: string): number {
  let id = ids.get(key);
  if (id === undefined) ids.set(key, (id = ids.size));
  return id;
}

/** Whether `values[at]` is its first occurrence: each email or phone counts once without a Set per subject (most have one). */
function firstOccurrence(values: readonly string[], at: number): boolean {
  return values.indexOf(values[at] as string) === at;
}

/**
 * Duplicate candidates found in time linear in the number of subjects: exact lookups by email and phone, and
 * fuzzy name (+ company) comparison only within blocking keys. Subjects are added as they arrive, so the file's
 * rows are matched against the workspace and against the rows before them, batch by batch.
 *
 * Each distinct name and company is normalised once (a workspace repeats both a lot); keys, emails and phones are
 * interned into integers with their subject lists in typed arrays; and what is kept per subject sits in a few
 * arrays. With an object or array per subject and key, copying them out of the young generation cost more than
 * the matching.
 */
export class DuplicateIndex {
  private readonly refs: SubjectRef[] = [];
  private readonly nameOf: IndexedName[] = [];
  private readonly companyOf: Array<CompanyForm | undefined> = [];
  private readonly contactsOf: boolean[] = [];
  private readonly names = new Map<string, IndexedName>();
  private readonly companies = new Map<string, CompanyForm | undefined>();
  private readonly keyIds = new Map<string, number>();
  /** Company block ids by the company's first two characters, then by name key id. */
  private readonly companyKeyIds = new Map<string, Map<number, number>>();
  private companyKeyCount = 0;
  private readonly emailIds = new Map<string, number>();
  private readonly phoneIds = new Map<string, number>();
  private readonly blocks = new PostingLists();
  private readonly byEmail = new PostingLists();
  private readonly byPhone = new PostingLists();
  private readonly threshold: number;
  private readonly maxBlock: number;
  /** Companies as alike as the threshold demands of subjects with different contacts (Dice > 0.8) practically always start alike. */
  private readonly companyStartsAlike: boolean;
  /** Which subjects the current `match` already compared or matched, by call stamp: cheaper than a Set per call. */
  private comparedAt = new Uint32Array(1024);
  private stamp = 0;

  constructor(options: DuplicateOptions = {}) {
    this.threshold = options.threshold ?? 0.85;
    this.maxBlock = options.maxBlockComparisons ?? 100;
    this.companyStartsAlike = (this.threshold / CONTACTS_DIFFER - 0.6) / 0.4 > 0.8;
  }

  add(subject: DuplicateSubject): void {
    this.addCandidate(this.candidate(subject));
  }

  /** Everything already in the index that `subject` may duplicate, strongest first. */
  match(subject: DuplicateSubject): DuplicateMatch[] {
    return this.matchCandidate(this.candidate(subject));
  }

  /** What a row of the file duplicates among the workspace and the rows before it; then the row joins the index. */
  matchAndAdd(subject: DuplicateSubject): DuplicateMatch[] {
    const candidate = this.candidate(subject);
    const matches = this.matchCandidate(candidate);
    this.addCandidate(candidate);
    return matches;
  }

  /** Keys are interned even by `match`: an id no list uses costs a map entry, and keeps one path. */
  private candidate(subject: DuplicateSubject): Candidate {
    let name = this.names.get(subject.name);
    if (!name) {
      const form = nameForm(subject.name);
      const keys = Int32Array.from(form.keys, (key) => intern(this.keyIds, key));
      name = { sorted: form.sorted, compact: form.compact, keys };
      this.names.set(subject.name, name);
    }
    let company: CompanyForm | undefined;
    if (subject.company) {
      company = this.companies.get(subject.company);
      if (company === undefined && !this.companies.has(subject.company)) {
        company = companyForm(subject.company);
        this.companies.set(subject.company, company);
      }
    }
    const evidence = evidenceOf(subject);
    let companyKeys = NO_KEYS;
    if (evidence === 2) {
      const start = company?.start ?? '';
      let byKey = this.companyKeyIds.get(start);
      if (!byKey) this.companyKeyIds.set(start, (byKey = new Map()));
      const ids: number[] = [];
      for (const key of name.keys) {
        let id = byKey.get(key);
        if (id === undefined) byKey.set(key, (id = this.companyKeyCount++));
        ids.push(id);
      }
      companyKeys = ids;
    }
    return { subject, name, company, hasContacts: hasContacts(subject), evidence, companyKeys };
  }

  // The methods below run for every subject and candidate, so they loop rather than create closures.

  private addCandidate({ subject, name, company, hasContacts, evidence, companyKeys }: Candidate): void {
    const index = this.refs.length;
    this.refs.push(subject.ref);
    this.nameOf.push(name);
    this.companyOf.push(company);
    this.contactsOf.push(hasContacts);
    const { emails, phones } = subject;
    for (let at = 0; at < emails.length; at++) if (firstOccurrence(emails, at)) this.byEmail.add(intern(this.emailIds, emails[at] as string), index);
    for (let at = 0; at < phones.length; at++) if (firstOccurrence(phones, at)) this.byPhone.add(intern(this.phoneIds, phones[at] as string), index);
    for (let at = 0; at < name.keys.length; at++) {
      const key = name.keys[at] as number;
      this.blocks.add(4 * key + evidence, index);
      if (evidence === 2) this.blocks.add(4 * (companyKeys[at] as number) + COMPANY_BLOCK, index);
    }
  }

  private matchCandidate(candidate: Candidate): DuplicateMatch[] {
    const { subject, name, evidence, companyKeys } = candidate;
    const found = new Map<number, DuplicateMatch>();
    this.stamp++;
    if (this.comparedAt.length < this.refs.length) {
      const grown = new Uint32Array(this.refs.length * 2);
      grown.set(this.comparedAt);
      this.comparedAt = grown;
    }
    const { emails, phones } = subject;
    for (let at = 0; at < emails.length; at++) if (firstOccurrence(emails, at)) this.noteAll(found, subject.ref, this.byEmail, this.emailIds.get(emails[at] as string), 'email');
    for (let at = 0; at < phones.length; at++) if (firstOccurrence(phones, at)) this.noteAll(found, subject.ref, this.byPhone, this.phoneIds.get(phones[at] as string), 'phone');
    // The lists that can hold a match above the threshold.
    const anyEvidence = evidence === 0 || this.threshold <= NAME_ONLY * CONTACTS_DIFFER;
    for (let at = 0; at < name.keys.length; at++) {
      const key = name.keys[at] as number;
      this.scan(found, candidate, 4 * key);
      if (anyEvidence) {
        this.scan(found, candidate, 4 * key + 1);
        this.scan(found, candidate, 4 * key + 2);
      } else if (evidence === 2) this.scan(found, candidate, this.companyStartsAlike ? 4 * (companyKeys[at] as number) + COMPANY_BLOCK : 4 * key + 2);
    }
    return [...found.values()].sort(strongestFirst);
  }

  /** Every subject in an email's or phone's list is a match. */
  private noteAll(found: Map<number, DuplicateMatch>, ref: SubjectRef, lists: PostingLists, list: number | undefined, reason: MatchReason): void {
    if (list === undefined) return;
    const count = lists.newest(list, Infinity);
    for (let at = 0; at < count; at++) this.note(found, ref, lists.read[at] as number, reason, 1);
  }

  /** The newest members of a block list not compared yet, matched by name (+ company). */
  private scan(found: Map<number, DuplicateMatch>, candidate: Candidate, list: number): void {
    const { comparedAt, stamp, companyOf, contactsOf, nameOf, threshold } = this;
    const count = this.blocks.newest(list, this.maxBlock);
    const members = this.blocks.read;
    for (let at = 0; at < count; at++) {
      const index = members[at] as number;
      if (comparedAt[index] === stamp) continue;
      comparedAt[index] = stamp;
      const factor = evidenceFactor(candidate.company, companyOf[index], candidate.hasContacts && (contactsOf[index] as boolean));
      if (factor < threshold) continue;
      const score = nameSimilarity(candidate.name, nameOf[index] as IndexedName) * factor;
      if (score >= threshold) this.note(found, candidate.subject.ref, index, 'name_company', Math.round(score * 1000) / 1000);
    }
  }

  private note(found: Map<number, DuplicateMatch>, ref: SubjectRef, index: number, reason: MatchReason, score: number): void {
    this.comparedAt[index] = this.stamp;
    const match = found.get(index);
    if (!match) found.set(index, { a: ref, b: this.refs[index] as SubjectRef, reasons: [reason], score });
    else if (!match.reasons.includes(reason)) match.reasons.push(reason);
  }
}

/** Subjects joined by union-find: `root` of a key, and `join` of two roots (the second joins the first). */
class Sets {
  private readonly parent = new Map<string, string>();

  root(key: string): string {
    let root = key;
    for (let up = this.parent.get(root); up !== undefined && up !== root; up = this.parent.get(root)) root = up;
    if (root !== key) this.parent.set(key, root);
    return root;
  }

  join(into: string, other: string): void {
    this.parent.set(other, into);
  }
}

const isExact = (match: DuplicateMatch) => match.reasons.includes('email') || match.reasons.includes('phone');

/**
 * Joins matches into groups to review. Subjects sharing an email or phone are one person, however they chain. A
 * similar name joins two groups only when every person in one is similar to every person in the other: a sparse
 * row (a name alone) is similar to every namesake in the file, and chaining through it would put dozens of
 * different people in one group. A group's score is its weakest joining match, so 1 means every join is certain.
 */
export function groupDuplicates(matches: readonly DuplicateMatch[]): DuplicateGroup[] {
  const order = new Map<string, SubjectRef>();
  for (const { a, b } of matches) {
    for (const ref of [a, b]) if (!order.has(refKey(ref))) order.set(refKey(ref), ref);
  }
  const people = new Sets();
  for (const match of matches) {
    if (!isExact(match)) continue;
    const [a, b] = [people.root(refKey(match.a)), people.root(refKey(match.b))];
    if (a !== b) people.join(a, b);
  }
  // Similar-name links between people, strongest first.
  const similar = new Map<string, number>();
  const pairKey = (x: string, y: string) => (x < y ? `${x} ${y}` : `${y} ${x}`);
  for (const match of matches) {
    if (isExact(match)) continue;
    const [a, b] = [people.root(refKey(match.a)), people.root(refKey(match.b))];
    if (a === b) continue;
    const key = pairKey(a, b);
    similar.set(key, Math.max(similar.get(key) ?? 0, match.score));
  }
  const groups = new Sets();
  const peopleOf = new Map<string, string[]>();
  const scoreOf = new Map<string, number>();
  const allSimilar = (left: readonly string[], right: readonly string[]) => left.every((x) => right.every((y) => similar.has(pairKey(x, y))));
  for (const [key, score] of [...similar].sort((x, y) => y[1] - x[1])) {
    const [a = '', b = ''] = key.split(' ');
    const [ga, gb] = [groups.root(a), groups.root(b)];
    if (ga === gb) continue;
    const [left, right] = [peopleOf.get(ga) ?? [ga], peopleOf.get(gb) ?? [gb]];
    if (!allSimilar(left, right)) continue;
    groups.join(ga, gb);
    peopleOf.set(ga, [...left, ...right]);
    peopleOf.delete(gb);
    scoreOf.set(ga, Math.min(scoreOf.get(ga) ?? 1, scoreOf.get(gb) ?? 1, score));
  }
  const byRoot = new Map<string, DuplicateGroup>();
  const groupOf = (ref: SubjectRef) => groups.root(people.root(refKey(ref)));
  for (const ref of order.values()) {
    const root = groupOf(ref);
    const group = byRoot.get(root) ?? { members: [], matches: [], score: scoreOf.get(root) ?? 1 };
    group.members.push(ref);
    byRoot.set(root, group);
  }
  for (const match of matches) {
    const root = groupOf(match.a);
    if (root === groupOf(match.b)) byRoot.get(root)?.matches.push(match);
  }
  return [...byRoot.values()].filter((group) => group.members.length > 1);
}
