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
  return sortedWords(plain(name));
}

function sortedWords(text: string): string {
  return isHan(text) ? text.replace(/\s/g, '') : text.split(' ').sort().join(' ');
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
function blockingKeys(text: string, compact: string): string[] {
  if (!text) return [];
  if (isHan(text)) {
    const chars = Array.from(compact);
    return [...new Set([`h:${compact}`, `h2:${chars[0]}${chars.at(-1)}`, `h3:${chars.slice(0, 2).join('')}`])];
  }
  const words = text.split(' ');
  const first = words[0] ?? '';
  const last = words.at(-1) ?? '';
  if (words.length === 1) return [`x:${compact}`];
  return [`l:${first}|${last[0]}`, `l:${last}|${first[0]}`, `e:${first}|${last.slice(-2)}`, `e:${last}|${first.slice(-2)}`, `x:${compact}`];
}

/** Character pairs of a text, sorted, for the Dice coefficient. */
function bigrams(text: string): string[] {
  if (text.length < 2) return [text];
  const pairs: string[] = [];
  for (let i = 1; i < text.length; i++) pairs.push(text.slice(i - 1, i + 1));
  return pairs.sort();
}

/** Dice coefficient of sorted character pairs: shared words count, a shared first word alone makes no match. */
function diceSimilarity(left: readonly string[], right: readonly string[]): number {
  let shared = 0;
  for (let i = 0, j = 0; i < left.length && j < right.length; ) {
    const a = left[i] as string;
    const b = right[j] as string;
    if (a === b) {
      shared++;
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return (2 * shared) / (left.length + right.length);
}

/** One name starting the other ("华为" / "华为技术", "acme" / "acme holdings") is the same company; else Dice. */
function companySimilarity(a: Comparable, b: Comparable): number {
  const [short, long] = a.company.length <= b.company.length ? [a.company, b.company] : [b.company, a.company];
  if (long.startsWith(short) && short.length >= (isHan(short) ? 2 : 3)) return 1;
  return diceSimilarity(a.companyPairs, b.companyPairs);
}

interface Comparable {
  name: string;
  /** The name's letters in their original order without spaces ("SarahLee" = "Sarah Lee"). */
  compact: string;
  company: string;
  companyPairs: string[];
}

const NO_PAIRS: string[] = [];

function prepare(subject: Pick<DuplicateSubject, 'name' | 'company'>): Comparable {
  const text = plain(subject.name);
  const company = subject.company ? comparableCompany(subject.company) : '';
  return { name: sortedWords(text), compact: text.replace(/\s/g, ''), company, companyPairs: company ? bigrams(company) : NO_PAIRS };
}

/**
 * How far the evidence beside the name goes: companies alike or not when both have one (name alone counts × 0.9),
 * and × 0.9 when both have emails or phones and share none (two "Wang Wei" with different numbers are most
 * likely two people). The name is compared only when this leaves the threshold reachable.
 */
const NAME_ONLY = 0.9;
const CONTACTS_DIFFER = 0.9;

function evidenceFactor(a: Comparable, b: Comparable, contactsDiffer: boolean): number {
  const company = a.company && b.company ? 0.6 + 0.4 * companySimilarity(a, b) : NAME_ONLY;
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

/** The block lists a subject joins: its evidence with each key, and companies also by their first two letters. */
function indexKeys(prepared: Prepared): string[] {
  const { evidence, keys, companyStart } = prepared;
  return evidence === 2 ? keys.flatMap((key) => [`2${key}`, `3${key}|${companyStart}`]) : keys.map((key) => evidence + key);
}

/** The block lists that can hold a match above `threshold`. */
function scanKeys(prepared: Prepared, threshold: number): string[] {
  const { evidence, keys, companyStart } = prepared;
  if (evidence === 0 || threshold <= NAME_ONLY * CONTACTS_DIFFER) return keys.flatMap((key) => [`0${key}`, `1${key}`, `2${key}`]);
  if (evidence === 1) return keys.map((key) => `0${key}`);
  // Companies as alike as the threshold then demands (Dice > 0.8) practically always start alike.
  const companyStartsAlike = (threshold / CONTACTS_DIFFER - 0.6) / 0.4 > 0.8;
  return keys.flatMap((key) => [`0${key}`, companyStartsAlike ? `3${key}|${companyStart}` : `2${key}`]);
}

function nameSimilarity(a: Comparable, b: Comparable): number {
  const sorted = jaroWinkler(a.name, b.name);
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
  const [left, right] = [prepare(a), prepare(b)];
  return nameSimilarity(left, right) * evidenceFactor(left, right, contactsDiffer);
}

interface Prepared extends Comparable {
  subject: DuplicateSubject;
  hasContacts: boolean;
  evidence: Evidence;
  keys: string[];
  companyStart: string;
}

function prepareSubject(subject: DuplicateSubject): Prepared {
  const comparable = prepare(subject);
  const keys = blockingKeys(plain(subject.name), comparable.compact);
  const companyStart = Array.from(comparable.company).slice(0, 2).join('');
  return { ...comparable, subject, hasContacts: hasContacts(subject), evidence: evidenceOf(subject), keys, companyStart };
}

function refKey(ref: SubjectRef): string {
  return ref.source === 'file' ? `f:${ref.row}` : `e:${ref.id}`;
}

function push(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (list) list.push(index);
  else map.set(key, [index]);
}

/**
 * Duplicate candidates found in time linear in the number of subjects: exact lookups by email and phone, and
 * fuzzy name (+ company) comparison only within blocking keys. Subjects are added as they arrive, so the file's
 * rows are matched against the workspace and against the rows before them, batch by batch.
 */
export class DuplicateIndex {
  private readonly subjects: Prepared[] = [];
  private readonly byEmail = new Map<string, number[]>();
  private readonly byPhone = new Map<string, number[]>();
  private readonly byBlock = new Map<string, number[]>();
  private readonly threshold: number;
  private readonly maxBlock: number;
  /** Which subjects the current `match` already compared, by call stamp: cheaper than a Set per call. */
  private comparedAt = new Uint32Array(1024);
  private stamp = 0;

  constructor(options: DuplicateOptions = {}) {
    this.threshold = options.threshold ?? 0.85;
    this.maxBlock = options.maxBlockComparisons ?? 100;
  }

  add(subject: DuplicateSubject): void {
    this.addPrepared(prepareSubject(subject));
  }

  /** Everything already in the index that `subject` may duplicate, strongest first. */
  match(subject: DuplicateSubject): DuplicateMatch[] {
    return this.matchPrepared(prepareSubject(subject));
  }

  /** What a row of the file duplicates among the workspace and the rows before it; then the row joins the index. */
  matchAndAdd(subject: DuplicateSubject): DuplicateMatch[] {
    const prepared = prepareSubject(subject);
    const matches = this.matchPrepared(prepared);
    this.addPrepared(prepared);
    return matches;
  }

  private addPrepared(prepared: Prepared): void {
    const index = this.subjects.length;
    const { subject } = prepared;
    this.subjects.push(prepared);
    for (const email of new Set(subject.emails)) push(this.byEmail, email, index);
    for (const phone of new Set(subject.phones)) push(this.byPhone, phone, index);
    for (const key of indexKeys(prepared)) push(this.byBlock, key, index);
  }

  private matchPrepared(prepared: Prepared): DuplicateMatch[] {
    const { subject } = prepared;
    const found = new Map<number, DuplicateMatch>();
    const note = (index: number, reason: MatchReason, score: number) => {
      const other = this.subjects[index];
      if (!other) return;
      const match = found.get(index);
      if (!match) found.set(index, { a: subject.ref, b: other.subject.ref, reasons: [reason], score });
      else if (!match.reasons.includes(reason)) match.reasons.push(reason);
    };
    for (const email of new Set(subject.emails)) for (const index of this.byEmail.get(email) ?? []) note(index, 'email', 1);
    for (const phone of new Set(subject.phones)) for (const index of this.byPhone.get(phone) ?? []) note(index, 'phone', 1);
    const stamp = ++this.stamp;
    if (this.comparedAt.length < this.subjects.length) {
      const grown = new Uint32Array(this.subjects.length * 2);
      grown.set(this.comparedAt);
      this.comparedAt = grown;
    }
    const { subjects, comparedAt, threshold, maxBlock } = this;
    for (const key of scanKeys(prepared, threshold)) {
      const members = this.byBlock.get(key) ?? [];
      for (let at = Math.max(0, members.length - maxBlock); at < members.length; at++) {
        const index = members[at] as number;
        const other = subjects[index];
        if (!other || comparedAt[index] === stamp || found.has(index)) continue;
        comparedAt[index] = stamp;
        const factor = evidenceFactor(prepared, other, prepared.hasContacts && other.hasContacts);
        if (factor < threshold) continue;
        const score = nameSimilarity(prepared, other) * factor;
        if (score >= threshold) note(index, 'name_company', Math.round(score * 1000) / 1000);
      }
    }
    return [...found.values()].sort((x, y) => y.score - x.score);
  }
}

/** Joins matches into groups of subjects that are (transitively) duplicates of one another. */
export function groupDuplicates(matches: readonly DuplicateMatch[]): DuplicateGroup[] {
  const parent = new Map<string, string>();
  const refs = new Map<string, SubjectRef>();
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(key, root);
    return root;
  };
  for (const { a, b } of matches) {
    for (const ref of [a, b]) {
      const key = refKey(ref);
      if (!parent.has(key)) {
        parent.set(key, key);
        refs.set(key, ref);
      }
    }
    parent.set(find(refKey(a)), find(refKey(b)));
  }
  const groups = new Map<string, DuplicateGroup>();
  for (const [key, ref] of refs) {
    const root = find(key);
    const group = groups.get(root) ?? { members: [], matches: [], score: 0 };
    group.members.push(ref);
    groups.set(root, group);
  }
  for (const match of matches) {
    const group = groups.get(find(refKey(match.a)));
    if (!group) continue;
    group.matches.push(match);
    group.score = Math.max(group.score, match.score);
  }
  return [...groups.values()];
}
