import type { Channel } from '../fields';
import type { CustomerId } from '../ids';
import type { InteractionFields } from '../interaction';
import type { Archetype, Mood } from './archetypes';
import { interestFor, productFor, toMinorUnits, type CurrencyRule, type Product } from './catalog';
import type { RegionCode } from './places';
import { Weighted, type Rng } from './random';
import { OUTCOMES, RESOLUTIONS, SURVEY_COMMENTS, SURVEY_SUBJECT, TEXTS, fill, type Lang, type Line, type TextKey } from './texts';

/** Plays out one customer's two years as interactions, following the customer's archetype. */

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** The history covers the two years (730 days) before `now`. */
export const HISTORY_DAYS = 730;
/** Faders go quiet at least this long before `now` (the churn signal: no activity in the last six months). */
export const FADER_SILENCE_DAYS = 190;

export interface HistoryContext {
  rng: Rng;
  customerId: CustomerId;
  archetype: Archetype;
  mood: Mood;
  region: RegionCode;
  isCompany: boolean;
  source: string;
  /** Share of the customer's interactions written in Chinese. */
  zhShare: number;
  now: number;
  createdAt: number;
  /** Mean spend per purchase, US dollars. */
  spendUsd: number;
  currency: string;
  currencyRule: CurrencyRule;
  /** Multiplies every rate-driven activity to reach the requested mean interactions per customer. */
  intensity: number;
}

export interface History {
  interactions: InteractionFields[];
  purchases: number;
  spentUsd: number;
  complaints: number;
  /** A meeting, a connected call or a reply happened (a lead worth calling a prospect). */
  engaged: boolean;
}

const UTC_OFFSET_MS: Record<RegionCode, number> = { US: -5 * HOUR, GB: 0, DE: HOUR, CN: 8 * HOUR };
/** A runaway rate must not produce a huge customer. */
const MAX_INTERACTIONS = 600;

const NPS_WEIGHTS: Record<Mood, Weighted<number>> = {
  happy: scoreTable(0, [0, 0, 0, 0, 0, 1, 2, 5, 15, 35, 42]),
  neutral: scoreTable(0, [1, 1, 1, 2, 3, 6, 10, 22, 25, 17, 12]),
  unhappy: scoreTable(0, [8, 6, 9, 12, 14, 16, 14, 10, 6, 3, 2]),
};
const CSAT_WEIGHTS: Record<Mood, Weighted<number>> = {
  happy: scoreTable(1, [0, 1, 4, 30, 65]),
  neutral: scoreTable(1, [3, 8, 25, 40, 24]),
  unhappy: scoreTable(1, [25, 30, 28, 12, 5]),
};

function scoreTable(first: number, weights: readonly number[]): Weighted<number> {
  return new Weighted(weights.map((weight, i) => [first + i, weight] as const));
}

type ContactKind = 'callOut' | 'callIn' | 'emailOut' | 'emailIn' | 'note' | 'meeting' | 'inquiry' | 'feedback';
const CONTACTS: Record<'person' | 'company', Weighted<ContactKind>> = {
  person: new Weighted<ContactKind>([
    ['callOut', 18], ['callIn', 9], ['emailOut', 26], ['emailIn', 13], ['note', 12], ['meeting', 5], ['inquiry', 10],
    ['feedback', 7],
  ]),
  company: new Weighted<ContactKind>([
    ['callOut', 20], ['callIn', 9], ['emailOut', 24], ['emailIn', 14], ['note', 10], ['meeting', 14], ['inquiry', 5],
    ['feedback', 4],
  ]),
};

const INBOUND_CHANNELS: Record<'cn' | 'other', Weighted<Channel>> = {
  cn: new Weighted<Channel>([['chat', 40], ['phone', 25], ['web', 20], ['email', 10], ['social', 5]]),
  other: new Weighted<Channel>([['web', 38], ['email', 34], ['phone', 20], ['chat', 4], ['social', 4]]),
};
const PURCHASE_CHANNELS: Record<'person' | 'company', Weighted<Channel>> = {
  person: new Weighted<Channel>([['web', 55], ['in-person', 25], ['phone', 10], ['email', 10]]),
  company: new Weighted<Channel>([['email', 40], ['phone', 20], ['web', 25], ['in-person', 15]]),
};
const SURVEY_CHANNELS = new Weighted<Channel>([['email', 60], ['web', 25], ['sms', 15]]);

/** Gamma-Gamma spend: ν ~ Gamma(q, rate γ) per customer, each purchase ~ Gamma(p, rate ν), mean p·γ/(q−1). */
const SPEND_P = 5;
const SPEND_Q = 4;

class Timeline {
  readonly interactions: InteractionFields[] = [];
  purchases = 0;
  spentUsd = 0;
  complaints = 0;
  engaged = false;
  readonly rng: Rng;
  readonly now: number;
  readonly createdAt: number;
  /** Nothing is recorded after this (a fader's follow-ups that would break the silence are dropped). */
  until: number;
  private readonly ctx: HistoryContext;
  private readonly offset: number;
  private readonly spendRate: number;
  private readonly interest: Product;
  private lastBought: Product | undefined;
  private readonly inbound: Weighted<Channel>;
  private readonly who: 'person' | 'company';

  constructor(ctx: HistoryContext) {
    this.ctx = ctx;
    this.rng = ctx.rng;
    this.now = ctx.now;
    this.createdAt = ctx.createdAt;
    this.until = ctx.now;
    this.offset = UTC_OFFSET_MS[ctx.region];
    this.who = ctx.isCompany ? 'company' : 'person';
    this.inbound = INBOUND_CHANNELS[ctx.region === 'CN' ? 'cn' : 'other'];
    const gammaRate = ctx.spendUsd > 0 ? (ctx.spendUsd * (SPEND_Q - 1)) / SPEND_P : 1;
    this.spendRate = this.rng.gamma(SPEND_Q, 1 / gammaRate);
    this.interest = interestFor(this.rng, ctx.spendUsd > 0 ? ctx.spendUsd : this.rng.uniform(100, 2000));
  }

  get full(): boolean {
    return this.interactions.length >= MAX_INTERACTIONS;
  }

  lang(): Lang {
    return this.ctx.zhShare > 0 && this.rng.chance(this.ctx.zhShare) ? 'zh' : 'en';
  }

  /** What a contact is about: mostly the product the customer is interested in, or the one they bought last. */
  private topic(): Product {
    if (this.lastBought && this.rng.chance(0.5)) return this.lastBought;
    return this.rng.chance(0.75) ? this.interest : interestFor(this.rng, this.rng.uniform(50, 3000));
  }

  /**
   * Moves a moment into the customer's local working hours (business contacts skip weekends; others fall between
   * 7:00 and 23:00), not before `notBefore` (a reply comes after what it answers), inside [createdAt, now].
   */
  place(t: number, business: boolean, notBefore = this.createdAt): number {
    let day = Math.floor((t + this.offset) / DAY);
    if (business) {
      const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
      if (weekday === 6) day += 2;
      else if (weekday === 0) day += 1;
    }
    const hour = business ? 8.5 + this.rng.next() * 9 : 7 + this.rng.next() * 16;
    let at = Math.floor(day * DAY + hour * HOUR) - this.offset;
    if (at > this.now) at = Math.floor(Math.min(t, this.now));
    if (at < notBefore) at = notBefore + 10 * 60_000 + this.rng.int(3 * HOUR);
    return Math.max(this.createdAt, Math.min(at, this.now));
  }

  private push(fields: InteractionFields): void {
    if (!this.full && fields.at <= this.until) this.interactions.push(fields);
  }

  /** A contact described by one of the texts; returns its time. */
  text(
    type: 'call' | 'email' | 'meeting' | 'note' | 'inquiry' | 'feedback' | 'complaint',
    line: Record<Lang, readonly Line[]>,
    t: number,
    direction: 'inbound' | 'outbound' | undefined,
    channel: Channel | undefined,
    options: { outcome?: string | undefined; about?: Product | undefined; notBefore?: number | undefined } = {},
  ): number {
    const lang = this.lang();
    const [subject, body] = this.rng.pick(line[lang]);
    const business = type !== 'feedback' && type !== 'complaint' && direction !== 'inbound';
    const fields: InteractionFields = {
      customerId: this.ctx.customerId,
      type,
      at: this.place(t, business, options.notBefore),
    };
    if (direction) fields.direction = direction;
    if (channel) fields.channel = channel;
    if (subject.includes('{p}') || body.includes('{p}')) {
      const product = options.about ?? this.topic();
      const name = lang === 'zh' ? product.zh : product.en;
      fields.subject = fill(subject, name);
      fields.body = fill(body, name);
    } else {
      fields.subject = subject;
      fields.body = body;
    }
    if (options.outcome !== undefined) fields.outcome = options.outcome;
    this.push(fields);
    return fields.at;
  }

  callOut(t: number, key: TextKey = 'callOut'): void {
    const outcome = this.rng.pick(OUTCOMES.call);
    if (outcome === 'connected') this.engaged = true;
    this.text('call', TEXTS[key], t, 'outbound', 'phone', { outcome });
  }

  callIn(t: number): void {
    this.engaged = true;
    this.text('call', TEXTS.callIn, t, 'inbound', 'phone', { outcome: 'connected' });
  }

  emailOut(t: number, key: TextKey = 'emailOut', about?: Product, notBefore?: number): void {
    const product = about ?? (key === 'thanks' || key === 'shipped' ? this.lastBought : undefined);
    this.text('email', TEXTS[key], t, 'outbound', 'email', { about: product, notBefore });
  }

  emailIn(t: number, key: TextKey = 'emailIn'): void {
    this.engaged = true;
    const channel = this.ctx.region === 'CN' && this.rng.chance(0.4) ? 'chat' : 'email';
    this.text('email', TEXTS[key], t, 'inbound', channel);
  }

  meeting(t: number, key: TextKey = 'meeting'): void {
    this.engaged = true;
    const outcome = this.rng.chance(0.7) ? this.rng.pick(OUTCOMES.meeting) : undefined;
    this.text('meeting', TEXTS[key], t, undefined, this.rng.chance(0.6) ? 'in-person' : 'meeting', { outcome });
  }

  note(t: number, key: TextKey = 'note'): void {
    this.text('note', TEXTS[key], t, undefined, undefined);
  }

  inquiry(t: number): void {
    const outcome = this.rng.pick(OUTCOMES.inquiry);
    this.text('inquiry', TEXTS.inquiry, t, 'inbound', this.inbound.draw(this.rng), { outcome });
  }

  feedback(t: number, mood: Mood): void {
    const good = mood === 'happy' || (mood === 'neutral' && this.rng.chance(0.6));
    this.text('feedback', TEXTS[good ? 'feedbackGood' : 'feedbackBad'], t, 'inbound', this.inbound.draw(this.rng));
  }

  /** A complaint; usually followed by a call that sorts it out, less often for a customer already on the way out. */
  complaint(t: number, fading: boolean): void {
    this.complaints++;
    const outcome = this.rng.pick(fading ? OUTCOMES.fadingComplaint : OUTCOMES.complaint);
    const about = this.lastBought ?? this.interest;
    const at = this.text('complaint', TEXTS.complaint, t, 'inbound', this.inbound.draw(this.rng), { outcome, about });
    if (this.rng.chance(fading ? 0.5 : 0.8)) {
      const callAt = at + this.rng.uniform(0.1, 3) * DAY;
      this.text('call', RESOLUTIONS[outcome], callAt, 'outbound', 'phone', { outcome: 'connected', about, notBefore: at });
    }
  }

  survey(t: number, scale: 'nps' | 'csat', mood: Mood, notBefore?: number): void {
    const lang = this.lang();
    const score = (scale === 'nps' ? NPS_WEIGHTS : CSAT_WEIGHTS)[mood].draw(this.rng);
    const fields: InteractionFields = {
      customerId: this.ctx.customerId,
      type: 'survey',
      direction: 'inbound',
      channel: SURVEY_CHANNELS.draw(this.rng),
      at: this.place(t, false, notBefore),
      subject: SURVEY_SUBJECT[scale][lang],
      score,
      scoreScale: scale,
    };
    if (this.rng.chance(0.4)) fields.body = this.rng.pick(SURVEY_COMMENTS[surveyBand(scale, score)][lang]);
    this.push(fields);
  }

  /**
   * A purchase of a Gamma-distributed amount (times `trend`); sometimes followed by a shipping note, a thank-you, a
   * CSAT survey or, for the less happy, a complaint.
   */
  purchase(t: number, mood: Mood, trend = 1): number {
    const amountUsd = this.rng.gamma(SPEND_P, 1 / this.spendRate) * trend;
    const { product, quantity } = productFor(this.rng, amountUsd);
    const lang = this.lang();
    const channel = PURCHASE_CHANNELS[this.who].draw(this.rng);
    const orderNo = `SO-${this.rng.between(100000, 999999)}`;
    const name = lang === 'zh' ? product.zh : product.en.charAt(0).toUpperCase() + product.en.slice(1);
    const at = this.place(t, channel !== 'web');
    const fields: InteractionFields = {
      customerId: this.ctx.customerId,
      type: 'purchase',
      direction: 'inbound',
      channel,
      at,
      subject: lang === 'zh' ? `订单 ${orderNo}` : `Order ${orderNo}`,
      body: lang === 'zh' ? `${name} × ${quantity}` : `${quantity} × ${name}`,
      amountMinor: toMinorUnits(amountUsd, this.ctx.currencyRule),
      currency: this.ctx.currency,
    };
    if (this.rng.chance(0.3)) fields.outcome = this.rng.pick(OUTCOMES.purchase);
    this.push(fields);
    this.purchases++;
    this.spentUsd += amountUsd;
    this.lastBought = product;
    if (this.rng.chance(0.12)) this.emailOut(at + this.rng.uniform(0.2, 3) * DAY, 'shipped', product, at);
    if (this.rng.chance(0.08)) this.emailOut(at + this.rng.uniform(3, 10) * DAY, 'thanks', product, at);
    if (this.rng.chance(0.06)) this.survey(at + this.rng.uniform(1, 10) * DAY, 'csat', mood, at);
    const complaintChance = mood === 'happy' ? 0.008 : mood === 'neutral' ? 0.025 : 0.08;
    if (this.rng.chance(complaintChance)) this.complaint(Math.max(at + 2 * HOUR, t + this.rng.uniform(2, 14) * DAY), false);
    return at;
  }

  /** Everyday contacts (calls, e-mails, notes, meetings, questions, feedback) at up to `perDay` per day. */
  contacts(from: number, to: number, perDay: number, mood: Mood, shape?: (t: number) => number): void {
    for (const t of this.poisson(from, to, perDay, shape)) this.contact(t, mood);
  }

  contact(t: number, mood: Mood): void {
    switch (CONTACTS[this.who].draw(this.rng)) {
      case 'callOut':
        return this.callOut(t);
      case 'callIn':
        return this.callIn(t);
      case 'emailOut':
        return this.emailOut(t);
      case 'emailIn':
        return this.emailIn(t);
      case 'note':
        return this.note(t);
      case 'meeting':
        return this.meeting(t);
      case 'inquiry':
        return this.inquiry(t);
      case 'feedback':
        return this.feedback(t, mood);
    }
  }

  /** NPS surveys about every six months; the customer answers some of them. */
  surveys(from: number, to: number, answerRate: number, mood: Mood): void {
    for (let t = from + this.rng.uniform(45, 150) * DAY; t < to; t += this.rng.uniform(150, 210) * DAY) {
      if (this.rng.chance(answerRate)) this.survey(t, 'nps', mood);
    }
  }

  /**
   * Times of a Poisson process on [from, to) with peak rate `perDay`; `shape(t)` in [0, 1] thins it into a varying
   * rate (Lewis & Shedler).
   */
  poisson(from: number, to: number, perDay: number, shape?: (t: number) => number): number[] {
    const times: number[] = [];
    if (perDay <= 0 || to <= from) return times;
    const meanGap = DAY / perDay;
    for (let t = from + this.rng.exponential(meanGap); t < to; t += this.rng.exponential(meanGap)) {
      if (times.length + this.interactions.length >= MAX_INTERACTIONS) break;
      if (!shape || this.rng.next() < shape(t)) times.push(t);
    }
    return times;
  }

  /**
   * How the relationship began (by the customer's source); returns when the first purchase may happen.
   * `buys` false: a lead, who opens with a question or a first meeting and buys nothing.
   */
  opening(buys: boolean): number {
    const t = this.createdAt;
    const later = t + this.rng.exponential(6 * DAY) + HOUR;
    switch (this.ctx.source) {
      case 'trade show':
        this.meeting(t, 'tradeShow');
        return later;
      case 'cold call':
        this.callOut(t, 'leadFollowUp');
        return later;
      case 'import':
        this.note(t);
        return t + this.rng.exponential(20 * DAY);
      case 'walk-in':
        if (buys && this.rng.chance(0.6)) return t;
        this.meeting(t);
        return later;
      default:
        if (buys && this.rng.chance(0.45)) return t;
        this.inquiry(t);
        return later;
    }
  }

  /** A lead's follow-ups: a few calls, e-mails or a meeting, each some days after the one before. */
  followUps(from: number, count: number, meanGapDays: number, until: number): number {
    let t = from;
    for (let i = 0; i < count; i++) {
      t += this.rng.exponential(meanGapDays * DAY) + 2 * HOUR;
      if (t > until) break;
      const roll = this.rng.next();
      if (roll < 0.45) this.callOut(t, 'leadFollowUp');
      else if (roll < 0.75) this.emailOut(t, 'leadFollowUp');
      else if (roll < 0.88) this.emailIn(t);
      else this.meeting(t);
    }
    return t;
  }
}

function surveyBand(scale: 'nps' | 'csat', score: number): 'high' | 'middle' | 'low' {
  if (scale === 'nps') return score >= 9 ? 'high' : score >= 7 ? 'middle' : 'low';
  return score >= 5 ? 'high' : score >= 4 ? 'middle' : 'low';
}

/** Plays out the archetype: every interaction lies in [createdAt, now]; the list is not yet sorted. */
export function playHistory(ctx: HistoryContext): History {
  const line = new Timeline(ctx);
  PLAYS[ctx.archetype](line, ctx);
  return {
    interactions: line.interactions,
    purchases: line.purchases,
    spentUsd: line.spentUsd,
    complaints: line.complaints,
    engaged: line.engaged,
  };
}

type Play = (line: Timeline, ctx: HistoryContext) => void;

const capRate = (perDay: number): number => Math.min(perDay, 0.5);

const PLAYS: Record<Archetype, Play> = {
  /** Steady purchases at a customer-specific rate, happy, answer surveys. */
  loyal(line, { rng, now, createdAt, mood, intensity }) {
    const first = Math.min(line.opening(true), now);
    const rate = capRate(rng.gammaMean(intensity / 55, 2.5));
    line.purchase(first, mood);
    for (const t of line.poisson(first, now, rate)) line.purchase(t, mood);
    line.contacts(createdAt, now, intensity / 85, mood);
    line.surveys(createdAt, now, 0.4, mood);
  },

  /** Buying more often and more each time as the months pass; an expansion conversation near the end. */
  growing(line, { rng, now, createdAt, mood, intensity }) {
    const first = Math.min(line.opening(true), now);
    const span = Math.max(DAY, now - createdAt);
    const progress = (t: number): number => (t - createdAt) / span;
    const peak = capRate(rng.gammaMean(intensity / 30, 2.5));
    line.purchase(first, mood, 0.7);
    for (const t of line.poisson(first, now, peak, (t) => 0.18 + 0.82 * progress(t))) {
      line.purchase(t, mood, 0.7 + 0.8 * progress(t));
    }
    line.contacts(createdAt, now, intensity / 60, mood, (t) => 0.3 + 0.7 * progress(t));
    if (rng.chance(0.5)) {
      const t = createdAt + span * rng.uniform(0.7, 1);
      if (rng.chance(0.5)) line.meeting(t, 'upsell');
      else line.note(t, 'upsell');
    }
    line.surveys(createdAt, now, 0.4, mood);
  },

  /**
   * Buys less and less, complains, gives a low NPS, and goes quiet at least six months before now (churn).
   */
  fader(line, { rng, now, createdAt, mood, intensity }) {
    const latest = now - FADER_SILENCE_DAYS * DAY;
    const span = Math.max(30 * DAY, (latest - createdAt) * rng.uniform(0.4, 1));
    const end = Math.min(latest, createdAt + span);
    const progress = (t: number): number => (t - createdAt) / span;
    // Replies, thank-yous and complaint calls may follow the last purchase by some days, never into the silence.
    line.until = end + 7 * DAY;
    const first = Math.min(line.opening(true), end);
    const peak = capRate(rng.gammaMean(intensity / 30, 2.5));
    line.purchase(first, mood);
    for (const t of line.poisson(first, end, peak, (t) => 1 - 0.8 * progress(t))) line.purchase(t, mood);
    line.contacts(createdAt, end, intensity / 90, mood, (t) => 1 - 0.7 * progress(t));
    line.surveys(createdAt, createdAt + span * 0.6, 0.35, mood);
    // The decline: complaints, a detractor's NPS, sometimes a goodbye.
    const declineFrom = createdAt + span * 0.55;
    let firstComplaint = end;
    if (rng.chance(0.8)) {
      const count = rng.between(1, 3);
      for (let i = 0; i < count; i++) {
        const t = rng.uniform(declineFrom, end);
        firstComplaint = Math.min(firstComplaint, t);
        line.complaint(t, true);
      }
    }
    if (rng.chance(0.65)) line.survey(rng.uniform(Math.min(firstComplaint, end - DAY), end), 'nps', 'unhappy');
    if (rng.chance(0.3)) line.feedback(rng.uniform(declineFrom, end), 'unhappy');
    if (rng.chance(0.3)) line.emailIn(end, 'goodbye');
  },

  /** One purchase, perhaps a question before it and a survey or a thank-you after it. */
  oneTime(line, { rng, now, mood }) {
    const at = line.purchase(Math.min(line.opening(true), now), mood);
    if (rng.chance(0.3)) line.survey(at + rng.uniform(1, 10) * DAY, 'csat', mood, at);
    if (rng.chance(0.3)) line.emailOut(at + rng.uniform(2, 30) * DAY, 'thanks', undefined, at);
    if (rng.chance(mood === 'unhappy' ? 0.25 : 0.04)) line.complaint(Math.min(now, at + rng.uniform(2, 20) * DAY), false);
    if (rng.chance(0.1)) line.feedback(Math.min(now, at + rng.uniform(3, 30) * DAY), mood);
  },

  /** Came in during the last three months; a few follow-ups, nothing bought yet. */
  newLead(line, { rng, now, createdAt }) {
    line.opening(false);
    line.followUps(createdAt, rng.between(0, 3), 6, now);
  },

  /** A lead from long ago that went nowhere: a few attempts, then closed. */
  staleLead(line, { rng, now, createdAt }) {
    line.opening(false);
    const last = line.followUps(createdAt, rng.between(0, 3), 10, Math.min(now, createdAt + 90 * DAY));
    if (rng.chance(0.5)) line.note(Math.min(now, last + rng.uniform(5, 30) * DAY), 'closeLead');
  },

  /** Rare, large orders, each after a meeting, a call and a quote. */
  bigTicket(line, { rng, now, createdAt, mood, intensity }) {
    const first = line.opening(true);
    const rate = capRate(rng.gammaMean(intensity / 120, 3));
    const deals = line.poisson(first + 14 * DAY, now, rate);
    if (deals.length === 0 || rng.chance(0.5)) deals.unshift(Math.min(now, first + rng.uniform(14, 60) * DAY));
    for (const t of deals) {
      if (rng.chance(0.85)) line.meeting(t - rng.uniform(10, 45) * DAY);
      if (rng.chance(0.8)) line.callOut(t - rng.uniform(3, 20) * DAY);
      if (rng.chance(0.75)) line.emailOut(t - rng.uniform(2, 10) * DAY, 'quote');
      line.purchase(t, mood);
      const after = t + rng.uniform(7, 30) * DAY;
      if (after <= now && rng.chance(0.5)) {
        if (rng.chance(0.5)) line.meeting(after);
        else line.callOut(after);
      }
    }
    line.contacts(createdAt, now, intensity / 130, mood);
    line.surveys(createdAt, now, 0.3, mood);
  },

  /** Buys now and then (long, irregular gaps), rarely in touch otherwise. */
  occasional(line, { rng, now, createdAt, mood, intensity }) {
    const first = Math.min(line.opening(true), now);
    const rate = capRate(rng.gammaMean(intensity / 100, 1.5));
    line.purchase(first, mood);
    for (const t of line.poisson(first, now, rate)) line.purchase(t, mood);
    line.contacts(createdAt, now, intensity / 160, mood);
    line.surveys(createdAt, now, 0.15, mood);
  },
};
