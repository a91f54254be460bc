import MiniSearch from 'minisearch';
import type { LifecycleStage } from '../domain/customer';
import { HEAD_ROWS, listed, type ListedCustomer } from './listedCustomer';
import { PhoneIndex } from './phoneIndex';

// The customer list's query engine: search, filters and sort over a light copy of every customer, held in a
// worker so that neither building the index nor answering a query over 100,000 customers blocks the page.

export interface IndexedCustomer {
  id: string;
  name: string;
  title?: string | undefined;
  company?: string | undefined;
  emails: readonly string[];
  phones: readonly string[];
  tags: readonly string[];
  ownerId?: string | undefined;
  lifecycle: LifecycleStage;
  createdAt: number;
  updatedAt: number;
  alive: 0 | 1;
}

/**
 * What the index keeps of a customer once indexed: the list's row, and what filters and sorts read. Emails and
 * phones live on in the search indexes; keeping them here too cost ~10 MB at 100,000 customers.
 */
interface KeptCustomer extends Pick<IndexedCustomer, 'id' | 'tags' | 'createdAt' | 'updatedAt' | 'alive'> {
  listed: ListedCustomer;
}

export const CUSTOMER_SORTS = ['name', 'updated', 'created', 'churn', 'clv'] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

/** A customer's analytics results the list sorts and filters by (device-local, from the scores table). */
export interface CustomerScore {
  churnProbability?: number | undefined;
  clv?: number | undefined;
  segment?: string | undefined;
}

export interface CustomerQuery {
  text: string;
  tag?: string | undefined;
  ownerId?: string | undefined;
  lifecycle?: LifecycleStage | undefined;
  /** k-means segment code from the last analytics run. */
  segment?: string | undefined;
  sort: CustomerSort;
  descending: boolean;
  /** Soft-deleted customers instead of live ones (the recycle bin). */
  deleted?: boolean;
}

export interface CustomerQueryResult {
  ids: string[];
  /** The first HEAD_ROWS customers of `ids`, as the list shows them. */
  head: ListedCustomer[];
  /** Live customers in the workspace, whatever the query. */
  total: number;
  /** Every tag in use, with how many live customers carry it, most used first. */
  tags: { tag: string; count: number }[];
  /** Every segment of the last analytics run, with how many live customers are in it, largest first. */
  segments: { segment: string; count: number }[];
}

const HAN = /\p{Script=Han}/u;
/** Query words this short are matched by scanning each customer's terms instead of the full-text index. */
const SHORT_WORD = 2;
const WORD = /[\p{L}\p{N}]+/gu;
/** A query word that may be part of a phone number. */
const DIGITS = /^\d+$/;

/**
 * Words as a user would type them. Chinese has no spaces between words, so each Han character is a term: a query of
 * any part of a Chinese name (芳, 王芳) then matches, its characters combined with AND.
 */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const word of text.toLocaleLowerCase().match(WORD) ?? []) {
    if (!HAN.test(word)) {
      terms.push(word);
      continue;
    }
    let latin = '';
    for (const char of word) {
      if (HAN.test(char)) {
        if (latin) terms.push(latin);
        latin = '';
        terms.push(char);
      } else latin += char;
    }
    if (latin) terms.push(latin);
  }
  return terms;
}

function searchText(customer: IndexedCustomer): { name: string; company: string; contact: string } {
  return {
    name: customer.name,
    company: customer.company ?? '',
    contact: customer.emails.join(' '),
  };
}

const compareText = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }).compare;

const RECORD_SORTS: Record<Exclude<CustomerSort, ScoreSort>, (a: KeptCustomer, b: KeptCustomer) => number> = {
  name: (a, b) => compareText(a.listed.name, b.listed.name),
  updated: (a, b) => a.updatedAt - b.updatedAt,
  created: (a, b) => a.createdAt - b.createdAt,
};

type ScoreSort = 'churn' | 'clv';
const SCORE_OF: Record<ScoreSort, (score: CustomerScore | undefined) => number | undefined> = {
  churn: (score) => score?.churnProbability,
  clv: (score) => score?.clv,
};
const isScoreSort = (sort: CustomerSort): sort is ScoreSort => sort === 'churn' || sort === 'clv';
const orderingKey = (sort: CustomerSort, descending: boolean) => `${sort}:${descending}`;

export class CustomerIndex {
  private readonly rows = new Map<string, KeptCustomer>();
  private readonly search = new MiniSearch<{ id: string; name: string; company: string; contact: string }>({
    fields: ['name', 'company', 'contact'],
    tokenize,
    processTerm: (term) => term,
    searchOptions: { boost: { name: 3, company: 1.5 }, combineWith: 'AND' },
  });
  /** Every customer in each sort order, kept until the next change: sorting 100,000 names takes a few hundred ms. */
  private readonly sorted = new Map<CustomerSort, KeptCustomer[]>();
  /** Per sort and direction: the order, each customer's place in it, and the live customers' ids in it. */
  private readonly orderings = new Map<string, Ordering>();
  private scores = new Map<string, CustomerScore>();
  /**
   * Each customer's search terms, space-separated, for queries of short words only (see `query`). One string, not
   * a list: at 100,000 customers the lists took ~15 MB more.
   */
  private readonly terms = new Map<string, string>();
  /**
   * The customers with a term beginning with each one- and two-character prefix: a short query reads its list
   * instead of every customer's terms. Lists only grow between rebuilds; an entry is checked against the customer's
   * current terms when read, and a list found mostly stale is rewritten.
   */
  private readonly shortPrefixes = new Map<string, string[]>();
  /** Phones are searched apart from the full-text index, which their distinct suffixes would fill (phoneIndex.ts). */
  private readonly phones = new PhoneIndex();
  /** Counts every answer carries, whatever the query: kept until the next change instead of recounted per keystroke. */
  private totals: Pick<CustomerQueryResult, 'total' | 'tags' | 'segments'> | undefined;

  get size(): number {
    return this.rows.size;
  }

  /** Adds or replaces customers; a removed id (no longer in the read model) is given in `removed`. */
  upsert(customers: readonly IndexedCustomer[], removed: readonly string[] = []): void {
    this.sorted.clear();
    this.orderings.clear();
    this.totals = undefined;
    for (const id of removed) this.remove(id);
    for (const customer of customers) {
      const { id, tags, createdAt, updatedAt, alive } = customer;
      this.remove(id);
      this.rows.set(id, { id, listed: listed(customer), tags, createdAt, updatedAt, alive });
      const text = searchText(customer);
      this.search.add({ id, ...text });
      this.phones.set(id, customer.phones);
      const terms = [...new Set(tokenize(`${text.name} ${text.company} ${text.contact}`))];
      this.terms.set(id, terms.join(' '));
      const prefixes = new Set<string>();
      for (const term of terms) for (let length = 1; length <= SHORT_WORD; length++) if (term.length >= length) prefixes.add(term.slice(0, length));
      for (const prefix of prefixes) {
        const list = this.shortPrefixes.get(prefix);
        if (list) list.push(id);
        else this.shortPrefixes.set(prefix, [id]);
      }
    }
  }

  /** Replaces every customer's scores (after an analytics run). */
  setScores(scores: Map<string, CustomerScore>): void {
    this.scores = scores;
    this.totals = undefined;
    for (const sort of ['churn', 'clv'] as const) {
      this.sorted.delete(sort);
      this.orderings.delete(orderingKey(sort, false));
      this.orderings.delete(orderingKey(sort, true));
    }
  }

  clear(): void {
    this.sorted.clear();
    this.orderings.clear();
    this.totals = undefined;
    this.rows.clear();
    this.terms.clear();
    this.shortPrefixes.clear();
    this.search.removeAll();
    this.phones.clear();
  }

  query(query: CustomerQuery): CustomerQueryResult {
    const wantAlive = query.deleted ? 0 : 1;
    const keep = (row: KeptCustomer) =>
      row.alive === wantAlive &&
      (query.tag === undefined || row.tags.includes(query.tag)) &&
      (query.ownerId === undefined || row.listed.ownerId === query.ownerId) &&
      (query.lifecycle === undefined || row.listed.lifecycle === query.lifecycle) &&
      (query.segment === undefined || this.scores.get(row.id)?.segment === query.segment);
    const text = query.text.trim();
    const words = tokenize(text);
    const totals = this.currentTotals();
    let rows: KeptCustomer[];
    if (words.length > 0 && words.every((word) => word.length <= SHORT_WORD)) {
      // One or two letters begin a large share of all words: scoring every match (as the full-text search does for
      // a prefix) takes long at 100,000 customers and ranks nothing useful. The list's own order serves better.
      rows = this.inListOrder(query, this.withShortWords(words)).filter(keep);
    } else if (text) {
      const textWords = words.filter((word) => !DIGITS.test(word));
      // A word of digits begins a suffix of a phone or any other term (an email of digits, a company's number).
      const digitMatches = words
        .filter((word) => DIGITS.test(word))
        .map((digits) => new Set([...this.phones.withPrefix(digits), ...this.search.search(digits, { prefix: true }).map((hit) => hit.id as string)]));
      const inEvery = (id: string) => digitMatches.every((matches) => matches.has(id));
      if (textWords.length) {
        // Every term but the one being typed is whole; the last is a prefix, and long terms forgive a typo.
        const hits = this.search.search(textWords.join(' '), {
          prefix: true,
          fuzzy: (term) => (term.length > 4 && !HAN.test(term) ? 0.2 : false),
        });
        rows = hits
          .map((hit) => hit.id as string)
          .filter(inEvery)
          .map((id) => this.rows.get(id))
          .filter((row): row is KeptCustomer => row !== undefined && keep(row));
      } else {
        // Digits rank nothing: the matches in the list's order.
        const [first, ...others] = digitMatches;
        rows = this.inListOrder(query, [...(first ?? [])].filter((id) => others.every((matches) => matches.has(id)))).filter(keep);
      }
    } else {
      const ordering = this.ordering(query);
      const unfiltered = !query.deleted && query.tag === undefined && query.ownerId === undefined && query.lifecycle === undefined && query.segment === undefined;
      // The whole live list, asked for on every emptied search box, is the same until the next change.
      if (unfiltered) return { ...ordering.live(), ...totals };
      rows = ordering.rows.filter(keep);
    }
    return { ids: rows.map((row) => row.id), head: rows.slice(0, HEAD_ROWS).map((row) => row.listed), ...totals };
  }

  /**
   * Works out what a search in the query's order will need, so that the first keystroke does not pay for it (the
   * places of 100,000 customers take ~60 ms).
   */
  prepare(query: CustomerQuery): void {
    this.ordering(query).position();
  }

  /** The customers of `ids` in the query's order (their places looked up once, then sorted). */
  private inListOrder(query: CustomerQuery, ids: Iterable<string>): KeptCustomer[] {
    const ordering = this.ordering(query);
    const position = ordering.position();
    const places = Int32Array.from(ids, (id) => position.get(id) ?? -1).sort();
    const rows: KeptCustomer[] = [];
    for (const place of places) {
      const row = ordering.rows[place];
      if (row) rows.push(row);
    }
    return rows;
  }

  /**
   * Customers having, for every word, a term that begins with it (words of at most SHORT_WORD characters); a word
   * of digits may begin a suffix of one of their phones instead.
   */
  private withShortWords(words: readonly string[]): string[] {
    // A term begins the string or follows a space; the needle is made once per word, not once per customer checked.
    const hasTermStarting = (word: string) => {
      const spaced = ` ${word}`;
      return (id: string) => {
        const terms = this.terms.get(id);
        return terms !== undefined && (terms.startsWith(word) || terms.includes(spaced));
      };
    };
    const matching = (word: string) => {
      const hasTerm = hasTermStarting(word);
      return DIGITS.test(word) ? (id: string) => hasTerm(id) || this.phones.has(id, word) : hasTerm;
    };
    // The rarest word's list holds every answer, unless the word is digits that phones may match too; each entry is
    // checked against the current terms.
    const size = (word: string) => this.shortPrefixes.get(word)?.length ?? 0;
    const textWords = words.filter((word) => !DIGITS.test(word));
    const from = (textWords.length ? textWords : words).reduce((best, word) => (size(word) < size(best) ? word : best));
    const list = this.shortPrefixes.get(from) ?? [];
    const current = [...new Set(list.filter(hasTermStarting(from)))];
    if (current.length < list.length / 2) this.shortPrefixes.set(from, current);
    const candidates = DIGITS.test(from) ? [...new Set([...current, ...this.phones.withPrefix(from)])] : current;
    const others = words.filter((word) => word !== from).map(matching);
    return others.length ? candidates.filter((id) => others.every((matches) => matches(id))) : candidates;
  }

  /** Every customer in the query's sort order; customers without a score stay last either way. */
  private ordering(query: CustomerQuery): Ordering {
    const key = orderingKey(query.sort, query.descending);
    let ordering = this.orderings.get(key);
    if (!ordering) {
      let rows = this.inOrder(query.sort);
      if (query.descending) {
        // An unknown risk is not the highest nor the lowest.
        const sort = query.sort;
        const scored = isScoreSort(sort) ? rows.filter((row) => SCORE_OF[sort](this.scores.get(row.id)) !== undefined) : rows;
        rows = [...[...scored].reverse(), ...rows.slice(scored.length)];
      }
      this.orderings.set(key, (ordering = new Ordering(rows)));
    }
    return ordering;
  }

  private inOrder(sort: CustomerSort): KeptCustomer[] {
    let rows = this.sorted.get(sort);
    if (!rows) {
      const byId = (a: KeptCustomer, b: KeptCustomer) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
      if (isScoreSort(sort)) {
        const value = (row: KeptCustomer) => SCORE_OF[sort](this.scores.get(row.id));
        const all = [...this.rows.values()];
        const scored = all.filter((row) => value(row) !== undefined).sort((a, b) => (value(a) as number) - (value(b) as number) || byId(a, b));
        rows = [...scored, ...all.filter((row) => value(row) === undefined).sort(byId)];
      } else {
        const key = RECORD_SORTS[sort];
        rows = [...this.rows.values()].sort((a, b) => key(a, b) || byId(a, b));
      }
      this.sorted.set(sort, rows);
    }
    return rows;
  }

  private remove(id: string): void {
    if (this.rows.delete(id)) this.search.discard(id);
    this.terms.delete(id);
    this.phones.remove(id);
  }

  /** Live customers in the workspace. */
  liveCount(): number {
    return this.currentTotals().total;
  }

  private currentTotals(): Pick<CustomerQueryResult, 'total' | 'tags' | 'segments'> {
    return (this.totals ??= { total: this.countAlive(), tags: this.tagCounts(), segments: this.segmentCounts() });
  }

  private countAlive(): number {
    let count = 0;
    for (const row of this.rows.values()) count += row.alive;
    return count;
  }

  private segmentCounts(): { segment: string; count: number }[] {
    const counts = new Map<string, number>();
    for (const row of this.rows.values()) {
      const segment = row.alive ? this.scores.get(row.id)?.segment : undefined;
      if (segment !== undefined) counts.set(segment, (counts.get(segment) ?? 0) + 1);
    }
    return [...counts].map(([segment, count]) => ({ segment, count })).sort((a, b) => b.count - a.count || compareText(a.segment, b.segment));
  }

  private tagCounts(): { tag: string; count: number }[] {
    const counts = new Map<string, number>();
    for (const row of this.rows.values()) if (row.alive) for (const tag of row.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || compareText(a.tag, b.tag));
  }
}

/** One order of every customer, with what queries in that order need, each worked out once and kept. */
class Ordering {
  private positions: Map<string, number> | undefined;
  private liveResult: Pick<CustomerQueryResult, 'ids' | 'head'> | undefined;

  constructor(readonly rows: readonly KeptCustomer[]) {}

  position(): Map<string, number> {
    this.positions ??= new Map(this.rows.map((row, i) => [row.id, i]));
    return this.positions;
  }

  live(): Pick<CustomerQueryResult, 'ids' | 'head'> {
    if (!this.liveResult) {
      const rows = this.rows.filter((row) => row.alive === 1);
      this.liveResult = { ids: rows.map((row) => row.id), head: rows.slice(0, HEAD_ROWS).map((row) => row.listed) };
    }
    return this.liveResult;
  }
}
