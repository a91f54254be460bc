import type { FieldIssue } from '../../../domain/validation';
import type { Deal } from '../../../domain/work';
import { parseMoney } from '../../shared/format';
import { dayFromInput, dayInputValue } from './calendarDay';

/** The deal form's fields as typed; keys are the deal's own field names, so issues land under the right field. */
export interface DealDraft {
  customerId: string;
  title: string;
  amountMinor: string;
  stage: string;
  probability: string;
  expectedClose: string;
  ownerId: string;
  lostReason: string;
}

function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export function emptyDealDraft(fields: Pick<DealDraft, 'customerId' | 'stage' | 'ownerId'>): DealDraft {
  return { ...fields, title: '', amountMinor: '', probability: '', expectedClose: '', lostReason: '' };
}

export function draftOfDeal(deal: Deal): DealDraft {
  const digits = minorDigits(deal.currency);
  return {
    customerId: deal.customerId,
    title: deal.title,
    amountMinor: (deal.amountMinor / 10 ** digits).toFixed(digits),
    stage: deal.stage,
    // Percent with up to one decimal, as typed: 0.35 → "35".
    probability: deal.probability === undefined ? '' : String(Math.round(deal.probability * 1000) / 10),
    expectedClose: dayInputValue(deal.expectedClose),
    ownerId: deal.ownerId ?? '',
    lostReason: deal.lostReason ?? '',
  };
}

/**
 * The fields that differ from `before` (all filled ones for a new deal) as command input, and the problems found
 * before asking the leader: fields that could not be read (an amount that is not a number) and, for a new deal,
 * required fields left empty. The form sends nothing while there are any, so a deal is never saved half-read.
 * '' clears a field.
 */
export function dealInputOf(draft: DealDraft, currency: string, language: string, before?: DealDraft): { input: Record<string, unknown>; issues: FieldIssue[] } {
  const input: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  for (const key of Object.keys(draft) as (keyof DealDraft)[]) {
    const text = draft[key].trim();
    if (before ? before[key] === draft[key] : text === '') continue;
    if (key === 'amountMinor') {
      const amount = parseMoney(text, currency, language);
      if (amount === null) issues.push({ field: key, code: text === '' ? 'required' : 'invalid_amount' });
      else input[key] = amount;
    } else if (key === 'probability') {
      const percent = Number(text.replace(',', '.').replace('%', ''));
      if (text !== '' && (!Number.isFinite(percent) || percent < 0 || percent > 100)) issues.push({ field: key, code: 'out_of_range' });
      else input[key] = text === '' ? null : percent / 100;
    } else if (key === 'expectedClose') {
      const day = dayFromInput(text);
      if (text !== '' && day === null) issues.push({ field: key, code: 'invalid_date' });
      else input[key] = day;
    } else {
      input[key] = text === '' ? null : text;
    }
  }
  if (!before) {
    for (const key of ['customerId', 'title', 'amountMinor'] as const) if (draft[key].trim() === '') issues.push({ field: key, code: 'required' });
  }
  return { input, issues };
}
