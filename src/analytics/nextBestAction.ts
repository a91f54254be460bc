// Next best action: whom to contact first, through which channel, and why. Inputs are plain per-customer facts
// (CLV and churn probability come from the models, the rest from the timeline), so the ranking is easy to test and
// to explain on screen through its reason codes.
import type { Channel } from '../domain/fields';
import { countBelow } from './sorted';

export interface CustomerOutlook {
  customerKey: string;
  /** Expected value over the CLV horizon, in any unit shared by all customers. */
  clv: number;
  /** 0..1. */
  churnProbability: number;
  openComplaints: number;
  /** Days since the last interaction of any kind; null if there has been none. */
  daysSinceLastContact: number | null;
  preferredChannel?: Channel;
  lastChannel?: Channel;
  consentEmail: boolean;
  consentSms: boolean;
  consentPhone: boolean;
}

export type ActionReason = 'value_at_risk' | 'high_churn_risk' | 'open_complaint' | 'long_silence' | 'no_permitted_channel';

export interface NextBestAction {
  customerKey: string;
  /** 0..1, higher first. */
  priority: number;
  /** clv x churn probability. */
  valueAtRisk: number;
  channel: Channel | null;
  reasons: ActionReason[];
}

export interface NextBestActionOptions {
  /** Longest list returned. */
  limit?: number;
  /** Silence from this many days counts as long (and weighs fully in the priority). */
  silenceDays?: number;
  /** A churn probability from this counts as high. */
  highChurnProbability?: number;
  /** Value at risk in this top share of customers counts as a reason on its own. */
  topValueShare?: number;
}

/**
 * Priority weights: value at risk (as a percentile rank, so one very large account does not flatten everyone else)
 * matters most, then open complaints (saturating at 3), then silence.
 */
const WEIGHTS = { value: 0.6, complaints: 0.25, silence: 0.15 } as const;
const COMPLAINTS_SATURATE = 3;

/** Channels that need the customer's consent flag. Others (meeting, chat...) are used only if the customer chose them. */
const CONSENT: Partial<Record<Channel, 'consentEmail' | 'consentSms' | 'consentPhone'>> = {
  email: 'consentEmail',
  sms: 'consentSms',
  phone: 'consentPhone',
};

/** Customers with at least one reason to act, highest priority first (ties: value at risk, then key). */
export function nextBestActions(customers: readonly CustomerOutlook[], options: NextBestActionOptions = {}): NextBestAction[] {
  const silenceDays = options.silenceDays ?? 90;
  const highChurn = options.highChurnProbability ?? 0.5;
  const topValueShare = options.topValueShare ?? 0.2;
  customers.forEach((customer, i) => checkOutlook(customer, i));
  const atRisk = customers.map((customer) => customer.clv * customer.churnProbability);
  const sorted = Float64Array.from(atRisk).sort();
  const n = customers.length;
  const actions: NextBestAction[] = [];
  customers.forEach((customer, i) => {
    const valueAtRisk = atRisk[i] as number;
    const valueRank = n > 1 ? countBelow(sorted, valueAtRisk) / (n - 1) : valueAtRisk > 0 ? 1 : 0;
    const silence = customer.daysSinceLastContact === null ? 1 : Math.min(customer.daysSinceLastContact / silenceDays, 1);
    const reasons: ActionReason[] = [];
    if (valueAtRisk > 0 && valueRank >= 1 - topValueShare) reasons.push('value_at_risk');
    if (customer.churnProbability >= highChurn) reasons.push('high_churn_risk');
    if (customer.openComplaints > 0) reasons.push('open_complaint');
    if (silence >= 1) reasons.push('long_silence');
    if (reasons.length === 0) return;
    const channel = suggestChannel(customer);
    if (channel === null) reasons.push('no_permitted_channel');
    const priority =
      WEIGHTS.value * valueRank +
      WEIGHTS.complaints * (Math.min(customer.openComplaints, COMPLAINTS_SATURATE) / COMPLAINTS_SATURATE) +
      WEIGHTS.silence * silence;
    actions.push({ customerKey: customer.customerKey, priority, valueAtRisk, channel, reasons });
  });
  actions.sort(
    (x, y) =>
      y.priority - x.priority || y.valueAtRisk - x.valueAtRisk || (x.customerKey < y.customerKey ? -1 : x.customerKey > y.customerKey ? 1 : 0),
  );
  return actions.slice(0, options.limit ?? actions.length);
}

/**
 * The customer's preferred channel, else the one last used, else (with the customer's consent) phone, email, sms
 * for a complaint - it deserves a call - and email, phone, sms otherwise. Null when nothing is permitted.
 */
export function suggestChannel(customer: CustomerOutlook): Channel | null {
  const fallbacks: Channel[] = customer.openComplaints > 0 ? ['phone', 'email', 'sms'] : ['email', 'phone', 'sms'];
  const chosen = [customer.preferredChannel, customer.lastChannel].filter((channel) => channel !== undefined);
  for (const channel of [...chosen, ...fallbacks]) {
    const flag = CONSENT[channel];
    if (flag === undefined ? chosen.includes(channel) : customer[flag]) return channel;
  }
  return null;
}

function checkOutlook(customer: CustomerOutlook, index: number): void {
  const where = `customer ${index + 1} (${customer.customerKey})`;
  if (!(customer.clv >= 0)) throw new RangeError(`${where}: clv must be >= 0, got ${customer.clv}`);
  if (!(customer.churnProbability >= 0 && customer.churnProbability <= 1)) {
    throw new RangeError(`${where}: churn probability must be in 0..1, got ${customer.churnProbability}`);
  }
  if (!(Number.isInteger(customer.openComplaints) && customer.openComplaints >= 0)) {
    throw new RangeError(`${where}: open complaints must be a whole number >= 0, got ${customer.openComplaints}`);
  }
  if (customer.daysSinceLastContact !== null && !(customer.daysSinceLastContact >= 0)) {
    throw new RangeError(`${where}: days since last contact must be >= 0, got ${customer.daysSinceLastContact}`);
  }
}
