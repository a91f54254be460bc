// The per-customer features of DESIGN §6 at a reference date, from a columnar table of interactions: a worker reads
// a million interactions into typed arrays (a few tens of MB) rather than a million objects (several hundred MB).
// Everything after the reference date is ignored, so the same code builds the features a churn model is trained on
// (as of a past cutoff) and the ones it scores (as of now).
import { INTERACTION_TYPES, type InteractionType } from '../domain/interaction';
import {
  DIRECTION_INBOUND,
  DIRECTION_OUTBOUND,
  interactionCodes,
  SCALE_CSAT,
  SCALE_NPS,
  typeCode,
  type CodableInteraction,
  type InteractionCodes,
} from '../domain/interactionCodes';
import { DAY_MS } from './time';

export const FEATURE_WINDOWS = [30, 90, 365] as const;
export type FeatureWindow = (typeof FEATURE_WINDOWS)[number];

/** A count feature's code, e.g. "purchase_90d": stable, for reason codes and i18n keys. */
export type CountFeature = `${InteractionType}_${FeatureWindow}d`;

/**
 * Interactions column by column, coded as src/domain/interactionCodes.ts says; `customer` indexes the customer list
 * the features are computed for.
 */
export interface InteractionTable {
  length: number;
  customer: Int32Array;
  /** Index into INTERACTION_TYPES. */
  type: Uint8Array;
  /** Epoch ms. */
  at: Float64Array;
  /** DIRECTION_NONE, DIRECTION_INBOUND or DIRECTION_OUTBOUND. */
  direction: Uint8Array;
  /** Index into CHANNELS, -1 when none was recorded. */
  channel: Int8Array;
  /** Purchase amount in minor units; NaN for a purchase in another currency than the one analysed, 0 otherwise. */
  amount: Float64Array;
  /** Survey score; meaningful when scale is not SCALE_NONE. */
  score: Int8Array;
  scale: Uint8Array;
}

export interface InteractionInput extends CodableInteraction {
  customer: number;
}

const PURCHASE = typeCode('purchase') as number;
const COMPLAINT = typeCode('complaint') as number;

/** Grows typed arrays as rows arrive, so a reader can append page by page without knowing the total. */
export class InteractionTableBuilder {
  private table: InteractionTable;

  constructor(capacity = 1024) {
    this.table = allocate(Math.max(1, capacity));
  }

  get length(): number {
    return this.table.length;
  }

  push(row: InteractionInput): void {
    if (typeCode(row.type) === undefined) throw new RangeError(`interaction ${this.table.length + 1}: unknown type "${row.type}"`);
    if (!Number.isFinite(row.at)) throw new RangeError(`interaction ${this.table.length + 1}: no valid time`);
    this.pushCodes(row.customer, interactionCodes(row));
  }

  /** Appends an interaction already coded (analytics' input pages store these codes: src/data/factPages.ts). */
  pushCodes(customer: number, codes: InteractionCodes): void {
    if (this.table.length === this.table.customer.length) this.table = grow(this.table);
    const t = this.table;
    const i = t.length++;
    t.customer[i] = customer;
    t.type[i] = codes.type;
    t.at[i] = codes.at;
    t.direction[i] = codes.direction;
    t.channel[i] = codes.channel;
    t.amount[i] = codes.amount;
    t.scale[i] = codes.scale;
    t.score[i] = codes.score;
  }

  build(): InteractionTable {
    return this.table;
  }
}

export interface FeatureCustomer {
  /** Epoch ms. */
  createdAt: number;
}

/** A ticket as the features need it: open now, or when it stopped being open (resolved or closed). */
export interface FeatureTicket {
  customer: number;
  createdAt: number;
  /** Null while open or pending; otherwise the time of the change that resolved or closed it. */
  closedAt: number | null;
  complaint: boolean;
}

/** One Float64Array per feature, one value per customer; NaN where a feature has no value (no purchase yet...). */
export interface CustomerFeatures {
  at: number;
  /** False for customers created after the reference date with no activity by then: their other values mean nothing. */
  known: Uint8Array;
  tenureDays: Float64Array;
  purchases: Float64Array;
  /** Sum of purchase amounts in minor units of the analysed currency. */
  revenue: Float64Array;
  /** Days since the last purchase. */
  recencyDays: Float64Array;
  counts: Record<CountFeature, Float64Array>;
  /** (interactions in the last 90 days - in the 90 before) / (their sum), -1..1; 0 when both are 0. */
  trend: Float64Array;
  complaints: Float64Array;
  /** Complaints of the last 90 days with no outbound contact after them. */
  unansweredComplaints: Float64Array;
  openTickets: Float64Array;
  /** Open tickets of the complaint kind. */
  openComplaintTickets: Float64Array;
  lastNps: Float64Array;
  lastCsat: Float64Array;
  /** Share of outbound contacts in the last 365 days answered by the customer (inbound) within RESPONSE_DAYS. */
  responseRate: Float64Array;
  daysSinceLastContact: Float64Array;
  /** Index into CHANNELS of the last interaction with a channel, -1 without one. */
  lastChannel: Int8Array;
}

export const RESPONSE_DAYS = 14;
const TREND_DAYS = 90;
const UNANSWERED_DAYS = 90;

export const COUNT_FEATURES: readonly CountFeature[] = INTERACTION_TYPES.flatMap((type) =>
  FEATURE_WINDOWS.map((window): CountFeature => `${type}_${window}d`),
);

/** The customer features that are one number each (beside the per-type counts): stable codes, worded by the UI. */
export const NAMED_FEATURES = [
  'tenure_days',
  'recency_days',
  'purchases',
  'revenue',
  'trend',
  'complaints',
  'unanswered_complaints',
  'open_tickets',
  'last_nps',
  'last_csat',
  'response_rate',
  'days_since_contact',
] as const;
export type NamedFeature = (typeof NAMED_FEATURES)[number];

/** Each customer's interactions, oldest first (ties in table order): rows[start[c]] to rows[start[c + 1] - 1]. */
export interface InteractionOrder {
  start: Int32Array;
  rows: Int32Array;
}

/**
 * Features as of `at`. `order` is the table's interactionOrder for these customers: a caller computing features at
 * several dates passes it in, so the sort — the larger part of the cost — is done once.
 */
export function customerFeatures(
  customers: readonly FeatureCustomer[],
  interactions: InteractionTable,
  tickets: readonly FeatureTicket[],
  at: number,
  order: InteractionOrder = interactionOrder(interactions, customers.length),
): CustomerFeatures {
  if (!Number.isFinite(at)) throw new RangeError(`features: the reference date ${at} is not a time`);
  const n = customers.length;
  const column = () => new Float64Array(n);
  const missing = () => new Float64Array(n).fill(NaN);
  const features: CustomerFeatures = {
    at,
    known: new Uint8Array(n),
    tenureDays: column(),
    purchases: column(),
    revenue: column(),
    recencyDays: missing(),
    counts: Object.fromEntries(COUNT_FEATURES.map((name) => [name, column()])) as Record<CountFeature, Float64Array>,
    trend: column(),
    complaints: column(),
    unansweredComplaints: column(),
    openTickets: column(),
    openComplaintTickets: column(),
    lastNps: missing(),
    lastCsat: missing(),
    responseRate: missing(),
    daysSinceLastContact: missing(),
    lastChannel: new Int8Array(n).fill(-1),
  };
  const countColumns = INTERACTION_TYPES.map((type) => FEATURE_WINDOWS.map((window) => features.counts[`${type}_${window}d`]));
  if (order.start.length !== n + 1) throw new RangeError(`features: the interaction order is for ${order.start.length - 1} customers, not ${n}`);
  const days = (ms: number) => (at - ms) / DAY_MS;
  for (let c = 0; c < n; c++) {
    const customer = customers[c] as FeatureCustomer;
    // Oldest first, so the rows up to the reference date are a prefix.
    const from = order.start[c] as number;
    let to = from;
    for (const end = order.start[c + 1] as number; to < end && (interactions.at[order.rows[to] as number] as number) <= at; ) to++;
    const rows = order.rows.subarray(from, to);
    const firstSeen = Math.min(customer.createdAt, rows.length ? (interactions.at[rows[0] as number] as number) : Infinity);
    if (firstSeen > at) continue;
    features.known[c] = 1;
    features.tenureDays[c] = days(firstSeen);
    let recent = 0;
    let earlier = 0;
    let outbound = 0;
    let answered = 0;
    let lastPurchase = -Infinity;
    let lastOutbound = -Infinity;
    let lastContact = -Infinity;
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k] as number;
      const time = interactions.at[row] as number;
      const type = interactions.type[row] as number;
      const age = days(time);
      lastContact = time;
      const windows = countColumns[type] as Float64Array[];
      for (let w = 0; w < FEATURE_WINDOWS.length; w++) {
        if (age <= (FEATURE_WINDOWS[w] as number)) (windows[w] as Float64Array)[c] = ((windows[w] as Float64Array)[c] as number) + 1;
      }
      if (age <= TREND_DAYS) recent++;
      else if (age <= 2 * TREND_DAYS) earlier++;
      if (type === PURCHASE) {
        features.purchases[c] = (features.purchases[c] as number) + 1;
        const amount = interactions.amount[row] as number;
        if (!Number.isNaN(amount)) features.revenue[c] = (features.revenue[c] as number) + amount;
        lastPurchase = time;
      }
      if (type === COMPLAINT) features.complaints[c] = (features.complaints[c] as number) + 1;
      const scale = interactions.scale[row] as number;
      if (scale === SCALE_NPS) features.lastNps[c] = interactions.score[row] as number;
      else if (scale === SCALE_CSAT) features.lastCsat[c] = interactions.score[row] as number;
      const channel = interactions.channel[row] as number;
      if (channel >= 0) features.lastChannel[c] = channel;
      if (interactions.direction[row] === DIRECTION_OUTBOUND) {
        lastOutbound = time;
        if (age <= 365) {
          outbound++;
          if (answeredWithin(interactions, rows, k, at)) answered++;
        }
      }
    }
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k] as number;
      const time = interactions.at[row] as number;
      if (interactions.type[row] === COMPLAINT && days(time) <= UNANSWERED_DAYS && lastOutbound < time) {
        features.unansweredComplaints[c] = (features.unansweredComplaints[c] as number) + 1;
      }
    }
    features.trend[c] = recent + earlier > 0 ? (recent - earlier) / (recent + earlier) : 0;
    if (lastPurchase > -Infinity) features.recencyDays[c] = days(lastPurchase);
    if (lastContact > -Infinity) features.daysSinceLastContact[c] = days(lastContact);
    if (outbound > 0) features.responseRate[c] = answered / outbound;
  }
  tickets.forEach((ticket, i) => {
    if (!(ticket.customer >= 0 && ticket.customer < n)) throw new RangeError(`ticket ${i + 1}: customer ${ticket.customer} is not in the list`);
    const open = ticket.createdAt <= at && (ticket.closedAt === null || ticket.closedAt > at);
    if (!open) return;
    features.openTickets[ticket.customer] = (features.openTickets[ticket.customer] as number) + 1;
    if (ticket.complaint) features.openComplaintTickets[ticket.customer] = (features.openComplaintTickets[ticket.customer] as number) + 1;
  });
  return features;
}

/** Whether the customer wrote back (an inbound interaction) within RESPONSE_DAYS of the outbound row at position k. */
function answeredWithin(interactions: InteractionTable, rows: Int32Array, k: number, at: number): boolean {
  const sent = interactions.at[rows[k] as number] as number;
  const deadline = Math.min(sent + RESPONSE_DAYS * DAY_MS, at);
  for (let next = k + 1; next < rows.length; next++) {
    const row = rows[next] as number;
    const time = interactions.at[row] as number;
    if (time > deadline) return false;
    if (interactions.direction[row] === DIRECTION_INBOUND && time > sent) return true;
  }
  return false;
}

/** Sorts the table's rows by customer (a counting sort), then each customer's by time. */
export function interactionOrder(interactions: InteractionTable, n: number): InteractionOrder {
  const start = new Int32Array(n + 1);
  for (let i = 0; i < interactions.length; i++) {
    const c = interactions.customer[i] as number;
    if (!(c >= 0 && c < n)) throw new RangeError(`interaction ${i + 1}: customer ${c} is not in the list`);
    start[c + 1] = (start[c + 1] as number) + 1;
  }
  for (let c = 0; c < n; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const fill = start.slice(0, n);
  const rows = new Int32Array(start[n] as number);
  for (let i = 0; i < interactions.length; i++) {
    const c = interactions.customer[i] as number;
    rows[fill[c] as number] = i;
    fill[c] = (fill[c] as number) + 1;
  }
  const { at } = interactions;
  for (let c = 0; c < n; c++) {
    const from = start[c] as number;
    const to = start[c + 1] as number;
    if (to - from > INSERTION_SORT_MAX) {
      rows.subarray(from, to).sort((a, b) => (at[a] as number) - (at[b] as number) || a - b);
      continue;
    }
    // A customer has a handful of rows, already in table order: an insertion sort that moves a row only past later
    // times keeps that order among equal times, and beats a comparator sort's call overhead by far.
    for (let k = from + 1; k < to; k++) {
      const row = rows[k] as number;
      const time = at[row] as number;
      let j = k - 1;
      while (j >= from && (at[rows[j] as number] as number) > time) {
        rows[j + 1] = rows[j] as number;
        j--;
      }
      rows[j + 1] = row;
    }
  }
  return { start, rows };
}

const INSERTION_SORT_MAX = 64;

function allocate(capacity: number): InteractionTable {
  return {
    length: 0,
    customer: new Int32Array(capacity),
    type: new Uint8Array(capacity),
    at: new Float64Array(capacity),
    direction: new Uint8Array(capacity),
    channel: new Int8Array(capacity),
    amount: new Float64Array(capacity),
    score: new Int8Array(capacity),
    scale: new Uint8Array(capacity),
  };
}

function grow(table: InteractionTable): InteractionTable {
  const next = allocate(table.customer.length * 2);
  next.length = table.length;
  next.customer.set(table.customer);
  next.type.set(table.type);
  next.at.set(table.at);
  next.direction.set(table.direction);
  next.channel.set(table.channel);
  next.amount.set(table.amount);
  next.score.set(table.score);
  next.scale.set(table.scale);
  return next;
}
