import Dexie from 'dexie';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../domain/customer';
import type { Channel } from '../domain/fields';
import { channelCode, channelOf, interactionCodes } from '../domain/interactionCodes';
import type { CustomerRow, InteractionRow, RapportDb } from './db';

// Columnar copies of the few fields analytics reads from every live customer and interaction, kept by the projection
// in the same transaction as the rows themselves. Reading a million interaction rows (each with its notes, ids and
// stamps) out of IndexedDB took most of a 100-second analytics run at 100,000 customers; the same facts as a few
// hundred pages of typed arrays read in a second or two.
// Pages are the leaves of a B-tree on the record id: a page holds the records from its `first` id up to the next
// page's, so writing one record rewrites one small page, and records written in id order (a demo load, an import,
// UUIDv7 ids) go to the last page, which splits when full.

/** Bump when a codec changes: the engine then builds every page again from the read model's tables. */
export const FACTS_VERSION = 1;
/** Records per page when a page is written whole; a page that grows past twice this splits. */
export const FACT_PAGE_SIZE = 2048;

export const FACT_KINDS = ['customers', 'interactions'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

type NumberColumn = Float64Array | Int8Array | Uint8Array;
type NumberColumnType = Float64ArrayConstructor | Int8ArrayConstructor | Uint8ArrayConstructor;

export interface FactPageRow {
  kind: FactKind;
  /** The lowest id the page may hold: '' for a kind's first page, so every id has a page. */
  first: string;
  ids: string[];
  numbers: Record<string, NumberColumn>;
  strings: Record<string, string[]>;
}

interface Facts {
  numbers: number[];
  strings: string[];
}

interface Codec<Row> {
  numbers: readonly (readonly [string, NumberColumnType])[];
  strings: readonly string[];
  /** A record's facts, or null for one analytics leaves out (soft-deleted). */
  encode: (row: Row) => Facts | null;
}

const LIFECYCLE_INDEX = new Map(LIFECYCLE_STAGES.map((stage, i) => [stage, i]));
const CONSENT_EMAIL = 1;
const CONSENT_SMS = 2;
const CONSENT_PHONE = 4;

const customerCodec: Codec<CustomerRow> = {
  numbers: [
    ['createdAt', Float64Array],
    ['lifecycle', Uint8Array],
    ['preferredChannel', Int8Array],
    ['consent', Uint8Array],
  ],
  strings: [],
  encode: (row) =>
    row.alive !== 1
      ? null
      : {
          numbers: [
            row.createdAt,
            LIFECYCLE_INDEX.get(row.lifecycle) as number,
            channelCode(row.preferredChannel),
            (row.consentEmail ? CONSENT_EMAIL : 0) | (row.consentSms ? CONSENT_SMS : 0) | (row.consentPhone ? CONSENT_PHONE : 0),
          ],
          strings: [],
        },
};

// Interactions are coded by the domain's one coding (src/domain/interactionCodes.ts), the one analytics'
// InteractionTable holds, so a page is read into that table as it is.
const interactionCodec: Codec<InteractionRow> = {
  numbers: [
    ['type', Uint8Array],
    ['at', Float64Array],
    ['direction', Uint8Array],
    ['channel', Int8Array],
    ['amount', Float64Array],
    ['score', Int8Array],
    ['scale', Uint8Array],
  ],
  strings: ['customerId', 'currency'],
  encode: (row) => {
    if (row.alive !== 1) return null;
    // A score counts only with its scale: a survey answer, as the schema requires of one.
    const survey = row.type === 'survey' && row.score !== undefined && row.scoreScale !== undefined;
    const codes = interactionCodes({
      type: row.type,
      at: row.at,
      direction: row.direction,
      channel: row.channel,
      amount: row.amountMinor,
      score: survey ? row.score : undefined,
      scale: survey ? row.scoreScale : undefined,
    });
    return {
      numbers: [codes.type, codes.at, codes.direction, codes.channel, codes.amount, codes.score, codes.scale],
      strings: [row.customerId, row.type === 'purchase' ? (row.currency ?? '') : ''],
    };
  },
};

const CODECS: { [K in FactKind]: Codec<K extends 'customers' ? CustomerRow : InteractionRow> } = {
  customers: customerCodec,
  interactions: interactionCodec,
};

/** A page's records as plain arrays while it is patched. */
interface Entries {
  ids: string[];
  numbers: number[][];
  strings: string[][];
}

function emptyEntries(codec: Codec<never>): Entries {
  return { ids: [], numbers: codec.numbers.map(() => []), strings: codec.strings.map(() => []) };
}

function entriesOf(page: FactPageRow, codec: Codec<never>): Entries {
  return {
    ids: page.ids,
    numbers: codec.numbers.map(([name]) => Array.from(page.numbers[name] as NumberColumn)),
    strings: codec.strings.map((name) => page.strings[name] as string[]),
  };
}

function pageOf(kind: FactKind, first: string, entries: Entries, codec: Codec<never>, from = 0, to = entries.ids.length): FactPageRow {
  return {
    kind,
    first,
    ids: entries.ids.slice(from, to),
    numbers: Object.fromEntries(codec.numbers.map(([name, Type], k) => [name, Type.from((entries.numbers[k] as number[]).slice(from, to))])),
    strings: Object.fromEntries(codec.strings.map((name, k) => [name, (entries.strings[k] as string[]).slice(from, to)])),
  };
}

function append(entries: Entries, id: string, facts: Facts): void {
  entries.ids.push(id);
  facts.numbers.forEach((value, k) => (entries.numbers[k] as number[]).push(value));
  facts.strings.forEach((value, k) => (entries.strings[k] as string[]).push(value));
}

function appendFrom(entries: Entries, source: Entries, i: number): void {
  entries.ids.push(source.ids[i] as string);
  source.numbers.forEach((column, k) => (entries.numbers[k] as number[]).push(column[i] as number));
  source.strings.forEach((column, k) => (entries.strings[k] as string[]).push(column[i] as string));
}

interface Change {
  id: string;
  facts: Facts | null;
}

/** The page's records with the changes merged in by id (both in id order): O(page + changes). */
function merge(page: Entries, changes: readonly Change[], codec: Codec<never>): Entries {
  const out = emptyEntries(codec);
  let i = 0;
  for (const { id, facts } of changes) {
    while (i < page.ids.length && (page.ids[i] as string) < id) appendFrom(out, page, i++);
    if (i < page.ids.length && page.ids[i] === id) i++;
    if (facts) append(out, id, facts);
  }
  while (i < page.ids.length) appendFrom(out, page, i++);
  return out;
}

/** The index of the page holding `id`: the last whose first id is not above it. */
function pageIndex(firsts: readonly string[], id: string): number {
  let low = 0;
  let high = firsts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((firsts[mid] as string) <= id) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** A kind's pages, or those after the page whose first id is `after`. */
function kindRange(db: RapportDb, kind: FactKind, after?: string) {
  return db.factPages.where('[kind+first]').between([kind, after ?? ''], [kind, Dexie.maxKey], after === undefined, true);
}

/**
 * Brings a kind's pages in step with rows just written to its table. Call it inside the transaction that writes
 * them (with `factPages` in its scope), so the pages and the table never disagree.
 */
export async function applyFacts(db: RapportDb, kind: FactKind, rows: readonly { id: string }[], pageSize = FACT_PAGE_SIZE): Promise<void> {
  if (rows.length === 0) return;
  const codec = CODECS[kind] as Codec<{ id: string }>;
  const firsts = ((await kindRange(db, kind).primaryKeys()) as unknown as [FactKind, string][]).map(([, first]) => first);
  if (firsts[0] !== '') firsts.unshift('');
  const changes = rows.map((row) => ({ id: row.id, facts: codec.encode(row) })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byPage = new Map<string, Change[]>();
  for (const change of changes) {
    const first = firsts[pageIndex(firsts, change.id)] as string;
    let list = byPage.get(first);
    if (!list) byPage.set(first, (list = []));
    // The same record twice in one batch: the later write wins.
    if (list.at(-1)?.id === change.id) list.pop();
    list.push(change);
  }
  const stored = await db.factPages.bulkGet([...byPage.keys()].map((first) => [kind, first]));
  const puts: FactPageRow[] = [];
  const deletes: [FactKind, string][] = [];
  [...byPage].forEach(([first, list], k) => {
    const page = stored[k];
    const entries = merge(page ? entriesOf(page, codec) : emptyEntries(codec), list, codec);
    if (entries.ids.length === 0 && first !== '') {
      deletes.push([kind, first]);
      return;
    }
    if (entries.ids.length <= 2 * pageSize) {
      puts.push(pageOf(kind, first, entries, codec));
      return;
    }
    for (let from = 0; from < entries.ids.length; from += pageSize) {
      puts.push(pageOf(kind, from === 0 ? first : (entries.ids[from] as string), entries, codec, from, from + pageSize));
    }
  });
  await db.factPages.bulkPut(puts);
  await db.factPages.bulkDelete(deletes);
}

/**
 * Writes every page again from the read model's tables (a new device table, a codec change, rows written without
 * the projection): the tables are read in id order, so the pages are cut in order too.
 */
export async function buildFacts(db: RapportDb, pageSize = FACT_PAGE_SIZE): Promise<void> {
  await db.device.delete('factsVersion');
  for (const kind of FACT_KINDS) {
    const codec = CODECS[kind] as Codec<{ id: string }>;
    const table = db.table<{ id: string }, string>(kind);
    await kindRange(db, kind).delete();
    let entries = emptyEntries(codec);
    let written = 0;
    const flush = async () => {
      await db.factPages.put(pageOf(kind, written === 0 ? '' : (entries.ids[0] as string), entries, codec));
      written++;
      entries = emptyEntries(codec);
    };
    let last: string | undefined;
    for (;;) {
      const rows = await (last === undefined ? table.orderBy('id') : table.where('id').above(last)).limit(pageSize).toArray();
      if (rows.length === 0) break;
      for (const row of rows) {
        const facts = codec.encode(row);
        if (!facts) continue;
        append(entries, row.id, facts);
        if (entries.ids.length === pageSize) await flush();
      }
      last = rows[rows.length - 1]?.id;
    }
    if (entries.ids.length > 0) await flush();
  }
  await db.device.put({ key: 'factsVersion', value: FACTS_VERSION });
}

/** True when the pages hold every record of the tables (built at this version and kept since). */
export async function factsReady(db: RapportDb): Promise<boolean> {
  return (await db.device.get('factsVersion'))?.value === FACTS_VERSION;
}

/** Pages read per request by `forEachFactPage`: a few MB, so a reader can report progress and stop between them. */
const READ_BATCH = 32;

/** Calls `onPage` for each of a kind's pages in id order. */
export async function forEachFactPage(db: RapportDb, kind: FactKind, onPage: (page: FactPageRow) => void, signal?: AbortSignal): Promise<void> {
  let last: string | undefined;
  for (;;) {
    signal?.throwIfAborted();
    const pages = await kindRange(db, kind, last).limit(READ_BATCH).toArray();
    pages.forEach(onPage);
    if (pages.length < READ_BATCH) return;
    last = pages[pages.length - 1]?.first;
  }
}

/** How many pages a kind has (counted on the keys: no page is read). */
export function countFactPages(db: RapportDb, kind: FactKind): Promise<number> {
  return kindRange(db, kind).count();
}

export interface CustomerFacts {
  id: string;
  createdAt: number;
  lifecycle: LifecycleStage;
  preferredChannel?: Channel;
  consentEmail: boolean;
  consentSms: boolean;
  consentPhone: boolean;
}

/** The customer at position `i` of a customers page. */
export function customerFactsAt(page: FactPageRow, i: number): CustomerFacts {
  const { createdAt, lifecycle, preferredChannel, consent } = page.numbers as Record<string, NumberColumn>;
  const channel = channelOf(preferredChannel?.[i] as number);
  const bits = consent?.[i] as number;
  return {
    id: page.ids[i] as string,
    createdAt: createdAt?.[i] as number,
    lifecycle: LIFECYCLE_STAGES[lifecycle?.[i] as number] as LifecycleStage,
    ...(channel !== undefined ? { preferredChannel: channel } : {}),
    consentEmail: (bits & CONSENT_EMAIL) !== 0,
    consentSms: (bits & CONSENT_SMS) !== 0,
    consentPhone: (bits & CONSENT_PHONE) !== 0,
  };
}

export interface InteractionFactColumns {
  ids: string[];
  customerId: string[];
  /** The purchase's currency; '' for other interactions. */
  currency: string[];
  type: Uint8Array;
  at: Float64Array;
  direction: Uint8Array;
  channel: Int8Array;
  amount: Float64Array;
  score: Int8Array;
  scale: Uint8Array;
}

/** An interactions page's columns, typed. */
export function interactionColumns(page: FactPageRow): InteractionFactColumns {
  return { ids: page.ids, ...page.strings, ...page.numbers } as unknown as InteractionFactColumns;
}
