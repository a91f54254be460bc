import { z } from 'zod';
import type { Channel } from './fields';
import type { InteractionType } from './interaction';
import type { FieldIssue } from './validation';

// A campaign's rules: who is in its audience (a saved filter of the customer list or an analytics segment), the
// message each member gets (a template with merge fields), the link that opens the device's mail, SMS or phone app,
// how a touch and a response are logged (interactions carrying the campaign's id), and its rates. Pure, so every
// figure the campaign page shows can be checked by hand in Node.

/** How a campaign reaches its audience. */
export const CAMPAIGN_CHANNELS = ['email', 'sms', 'phone', 'visit', 'event'] as const;
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];

export function isCampaignChannel(value: unknown): value is CampaignChannel {
  return typeof value === 'string' && (CAMPAIGN_CHANNELS as readonly string[]).includes(value);
}

// ── audience ────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The customer list's filters (tag, owner, stage) and the analytics segments (k-means and RFM, from this device's
 * last run), combined with AND. Kept as JSON text in the campaign's `segmentQuery`. An empty filter means everyone.
 */
export const AudienceFilterSchema = z.object({
  tag: z.string().min(1).max(40).optional(),
  ownerId: z.string().min(1).max(64).optional(),
  lifecycle: z.enum(['lead', 'prospect', 'customer', 'churned']).optional(),
  segment: z.string().min(1).max(120).optional(),
  rfmSegment: z.string().min(1).max(60).optional(),
});
export type AudienceFilter = z.infer<typeof AudienceFilterSchema>;
export const AUDIENCE_FILTER_KEYS = ['tag', 'ownerId', 'lifecycle', 'segment', 'rfmSegment'] as const;

/** The filter as stored: keys in a fixed order and empty values left out, so equal filters are equal text. */
export function serializeAudienceFilter(filter: AudienceFilter): string {
  const out: Record<string, string> = {};
  for (const key of AUDIENCE_FILTER_KEYS) {
    const value = filter[key];
    if (value) out[key] = value;
  }
  return JSON.stringify(out);
}

/** A stored filter; null when the text is not a filter (malformed, or written by a newer app with unknown keys). */
export function parseAudienceFilter(text: string | undefined): AudienceFilter | null {
  if (text === undefined || text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = AudienceFilterSchema.strict().safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The part of a customer the audience filter reads. */
export interface AudienceCustomer {
  id: string;
  tags: readonly string[];
  ownerId?: string | undefined;
  lifecycle: string;
  deletedAt?: number | undefined;
}

/** The part of this device's analytics results the filter reads. */
export interface AudienceScore {
  segment?: string | undefined;
  rfmSegment?: string | undefined;
}

/** Whether the filter's analytics conditions (segments) hold for a customer's scores. */
export function matchesAudienceScore(score: AudienceScore | undefined, filter: AudienceFilter): boolean {
  return (filter.segment === undefined || score?.segment === filter.segment) && (filter.rfmSegment === undefined || score?.rfmSegment === filter.rfmSegment);
}

export function matchesAudience(customer: AudienceCustomer, score: AudienceScore | undefined, filter: AudienceFilter): boolean {
  return (
    customer.deletedAt === undefined &&
    (filter.tag === undefined || customer.tags.includes(filter.tag)) &&
    (filter.ownerId === undefined || customer.ownerId === filter.ownerId) &&
    (filter.lifecycle === undefined || customer.lifecycle === filter.lifecycle) &&
    matchesAudienceScore(score, filter)
  );
}

/**
 * The campaign's audience: live customers the filter selects now, plus every live customer the campaign already
 * reached. A lead who converts leaves a "leads" filter, but must stay in the campaign that converted them, or its
 * rates would fall as it succeeds. Input order is kept.
 */
export function resolveAudience<C extends AudienceCustomer>(
  customers: readonly C[],
  scoreOf: (customerId: string) => AudienceScore | undefined,
  filter: AudienceFilter,
  reached: ReadonlySet<string>,
): C[] {
  return customers.filter((customer) => customer.deletedAt === undefined && (reached.has(customer.id) || matchesAudience(customer, scoreOf(customer.id), filter)));
}

// ── message templates ───────────────────────────────────────────────────────────────────────────────────────

export const MERGE_FIELDS = ['name', 'firstName', 'lastName', 'company', 'title', 'email', 'phone', 'owner', 'sender'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export type MergeValues = Record<MergeField, string>;
export const TEMPLATE_MAX = 5_000;

export function isMergeField(value: string): value is MergeField {
  return (MERGE_FIELDS as readonly string[]).includes(value);
}

export interface TemplateIssue {
  code: 'unknown_merge_field' | 'unclosed_merge_field';
  /** The name as written between the braces (trimmed); '' for `{{}}` or an unclosed `{{`. */
  name: string;
  /** Index in the template of the field's opening `{{`. */
  at: number;
}

type Part = { text: string } | { field: string; at: number } | { unclosed: number };

function parseTemplate(template: string): Part[] {
  const parts: Part[] = [];
  let from = 0;
  for (;;) {
    const open = template.indexOf('{{', from);
    if (open < 0) break;
    const close = template.indexOf('}}', open + 2);
    if (open > from) parts.push({ text: template.slice(from, open) });
    if (close < 0) {
      parts.push({ unclosed: open });
      from = template.length;
      break;
    }
    parts.push({ field: template.slice(open + 2, close).trim(), at: open });
    from = close + 2;
  }
  if (from < template.length) parts.push({ text: template.slice(from) });
  return parts;
}

/** Every field a template names that is not a merge field, and a `{{` never closed, in the order written. */
export function checkTemplate(template: string): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  for (const part of parseTemplate(template)) {
    if ('unclosed' in part) issues.push({ code: 'unclosed_merge_field', name: '', at: part.unclosed });
    else if ('field' in part && !isMergeField(part.field)) issues.push({ code: 'unknown_merge_field', name: part.field, at: part.at });
  }
  return issues;
}

export type RenderedTemplate = { ok: true; text: string; /** Fields used that this customer has no value for. */ missing: MergeField[] } | { ok: false; issues: TemplateIssue[] };

/** The template with each `{{field}}` replaced by this customer's value ('' when they have none: see `missing`). */
export function renderTemplate(template: string, values: MergeValues): RenderedTemplate {
  const issues = checkTemplate(template);
  if (issues.length) return { ok: false, issues };
  const missing = new Set<MergeField>();
  let text = '';
  for (const part of parseTemplate(template)) {
    if ('text' in part) text += part.text;
    else if ('field' in part && isMergeField(part.field)) {
      const value = values[part.field];
      if (!value) missing.add(part.field);
      text += value;
    }
  }
  return { ok: true, text, missing: MERGE_FIELDS.filter((field) => missing.has(field)) };
}

const HAN_NAME = /^\p{Script=Han}{2,4}$/u;

/**
 * A person's given and family name from one name field. Latin-script names: the first word and the last. Chinese
 * names (2-4 Han characters, no spaces) put the family name first: one character, or two in a four-character name
 * (欧阳娜娜), the usual compound surnames. A company, or a one-word name, is its own first name.
 */
export function splitName(name: string, kind: 'person' | 'company'): { firstName: string; lastName: string } {
  const trimmed = name.trim();
  if (kind === 'company') return { firstName: trimmed, lastName: '' };
  if (HAN_NAME.test(trimmed)) {
    const chars = Array.from(trimmed);
    const familyLength = chars.length === 4 ? 2 : 1;
    return { firstName: chars.slice(familyLength).join(''), lastName: chars.slice(0, familyLength).join('') };
  }
  const words = trimmed.split(/\s+/).filter(Boolean);
  if (words.length < 2) return { firstName: trimmed, lastName: '' };
  return { firstName: words[0] ?? '', lastName: words[words.length - 1] ?? '' };
}

/** The part of a customer the merge fields read. */
export interface MergeCustomer {
  kind: 'person' | 'company';
  name: string;
  company?: string | undefined;
  title?: string | undefined;
  emails: readonly string[];
  phones: readonly string[];
}

/** A customer's merge values; `owner` is their owner's name and `sender` the name of the member sending. */
export function mergeValuesOf(customer: MergeCustomer, names: { owner?: string | undefined; sender?: string | undefined }): MergeValues {
  const { firstName, lastName } = splitName(customer.name, customer.kind);
  return {
    name: customer.name.trim(),
    firstName,
    lastName,
    company: customer.company ?? '',
    title: customer.title ?? '',
    email: customer.emails[0] ?? '',
    phone: customer.phones[0] ?? '',
    owner: names.owner ?? '',
    sender: names.sender ?? '',
  };
}

// ── reaching a customer ─────────────────────────────────────────────────────────────────────────────────────

export type ContactLink = { kind: 'link'; href: string } | { kind: 'missing'; need: 'email' | 'phone' } | { kind: 'in-person' };

/** Encodes text for a URI query (RFC 6068: line breaks as CRLF, every reserved character escaped). */
function queryText(text: string): string {
  return encodeURIComponent(text.replace(/\r\n|\r|\n/g, '\r\n'));
}

/**
 * The link that opens the device's app for this channel, with the message filled in: `mailto:` (subject and body),
 * `sms:` (body), `tel:`. Visits and events have no link: the touch is logged by hand. The first address or number
 * is used; a customer without one cannot be reached on that channel.
 */
export function contactLink(channel: CampaignChannel, customer: Pick<MergeCustomer, 'emails' | 'phones'>, message: { subject?: string; body: string }): ContactLink {
  if (channel === 'visit' || channel === 'event') return { kind: 'in-person' };
  if (channel === 'email') {
    const email = customer.emails[0];
    if (!email) return { kind: 'missing', need: 'email' };
    const query = [message.subject ? `subject=${queryText(message.subject)}` : '', message.body ? `body=${queryText(message.body)}` : ''].filter(Boolean).join('&');
    // An address needs escaping only of the characters that would end it (RFC 6068 §2).
    const to = email.replace(/[%?&#/]/g, (char) => encodeURIComponent(char));
    return { kind: 'link', href: `mailto:${to}${query ? `?${query}` : ''}` };
  }
  const phone = customer.phones[0];
  if (!phone) return { kind: 'missing', need: 'phone' };
  if (channel === 'sms') return { kind: 'link', href: `sms:${phone}${message.body ? `?body=${queryText(message.body)}` : ''}` };
  return { kind: 'link', href: `tel:${phone}` };
}

/** Whether the customer agreed to be contacted on this channel (visits and events need no such consent here). */
export function hasConsent(channel: CampaignChannel, customer: { consentEmail: boolean; consentSms: boolean; consentPhone: boolean }): boolean {
  if (channel === 'email') return customer.consentEmail;
  if (channel === 'sms') return customer.consentSms;
  if (channel === 'phone') return customer.consentPhone;
  return true;
}

// ── touches, responses and rates ────────────────────────────────────────────────────────────────────────────

/** What a campaign interaction records, in its `outcome`: the touch (outbound) and the customer's answer (inbound). */
export const CAMPAIGN_OUTCOMES = ['touched', 'responded', 'converted'] as const;
export type CampaignOutcome = (typeof CAMPAIGN_OUTCOMES)[number];
export type ResponseOutcome = Exclude<CampaignOutcome, 'touched'>;

/**
 * The interaction type and channel a campaign's touches and responses are logged with, so they count where the
 * rest of the history counts (the analytics' contact counts and response rate: outbound touched, inbound answered).
 */
export function campaignInteraction(channel: CampaignChannel, outcome: CampaignOutcome): { type: InteractionType; channel: Channel; direction: 'inbound' | 'outbound'; outcome: CampaignOutcome } {
  const direction = outcome === 'touched' ? 'outbound' : 'inbound';
  switch (channel) {
    case 'email':
      return { type: 'email', channel: 'email', direction, outcome };
    case 'sms':
      return { type: 'note', channel: 'sms', direction, outcome };
    case 'phone':
      return { type: 'call', channel: 'phone', direction, outcome };
    case 'visit':
    case 'event':
      return { type: 'meeting', channel: 'in-person', direction, outcome };
  }
}

/** The part of an interaction the rates read. */
export interface CampaignInteraction {
  customerId: string;
  outcome?: string | undefined;
  deletedAt?: number | undefined;
}

export interface CustomerCampaignState {
  touches: number;
  responded: boolean;
  converted: boolean;
}

/** Each customer's state in the campaign, from the campaign's live interactions. */
export function campaignStates(interactions: readonly CampaignInteraction[]): Map<string, CustomerCampaignState> {
  const states = new Map<string, CustomerCampaignState>();
  for (const row of interactions) {
    if (row.deletedAt !== undefined) continue;
    const state = states.get(row.customerId) ?? { touches: 0, responded: false, converted: false };
    if (row.outcome === 'touched') state.touches += 1;
    else if (row.outcome === 'responded') state.responded = true;
    else if (row.outcome === 'converted') state.converted = true;
    else continue;
    states.set(row.customerId, state);
  }
  return states;
}

export interface CampaignStats {
  audience: number;
  /** Customers reached: touched, or who answered (an answer proves they were reached). */
  touched: number;
  /** Customers who responded or converted: a conversion is a response too. */
  responded: number;
  converted: number;
  /** responded / touched, 0..1; null before anyone is touched. */
  responseRate: number | null;
  /** converted / touched, 0..1; null before anyone is touched. */
  conversionRate: number | null;
  /** touched / audience, 0..1; null for an empty audience. */
  reach: number | null;
}

/** The campaign's figures over its audience (resolveAudience): each customer counts once, however often touched. */
export function campaignStats(audience: readonly string[], states: ReadonlyMap<string, CustomerCampaignState>): CampaignStats {
  let touched = 0;
  let responded = 0;
  let converted = 0;
  for (const id of new Set(audience)) {
    const state = states.get(id);
    if (!state) continue;
    const answered = state.responded || state.converted;
    if (state.touches > 0 || answered) touched += 1;
    if (answered) responded += 1;
    if (state.converted) converted += 1;
  }
  const size = new Set(audience).size;
  return {
    audience: size,
    touched,
    responded,
    converted,
    responseRate: touched ? responded / touched : null,
    conversionRate: touched ? converted / touched : null,
    reach: size ? touched / size : null,
  };
}

// ── checking a campaign ─────────────────────────────────────────────────────────────────────────────────────

/** The campaign's own rules beyond its field schema: a readable filter, a template that names only merge fields. */
export function checkCampaign(campaign: { segmentQuery?: string | undefined; template?: string | undefined; subject?: string | undefined; startAt?: number | undefined; endAt?: number | undefined }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (parseAudienceFilter(campaign.segmentQuery) === null) issues.push({ field: 'segmentQuery', code: 'invalid_filter' });
  for (const field of ['subject', 'template'] as const) {
    const text = campaign[field];
    if (text === undefined) continue;
    const codes = new Set(checkTemplate(text).map((issue) => issue.code));
    for (const code of codes) issues.push({ field, code });
  }
  if (campaign.startAt !== undefined && campaign.endAt !== undefined && campaign.endAt < campaign.startAt) issues.push({ field: 'endAt', code: 'ends_before_start' });
  return issues;
}
