import type { TFunction } from 'i18next';
import { COUNT_FEATURES, NAMED_FEATURES, type CountFeature, type NamedFeature } from '../../../analytics/features';
import { RFM_SEGMENTS, type RfmSegment } from '../../../analytics/rfm';
import type { FrequencyLevel, RecencyLevel, SpendLevel } from '../../../analytics/segments';
import type { ActionReason } from '../../../analytics/nextBestAction';
import type { ScoreRow } from '../../../data/db';
import type { InteractionType } from '../../../domain/interaction';
import { formatMoney, formatNumber } from '../../shared/format';

// Words for the stable codes analytics produce: segment descriptions, churn reason features, action reasons.

const RECENCY: readonly RecencyLevel[] = ['very_recent', 'recent', 'average_recency', 'lapsing', 'lapsed'];
const FREQUENCY: readonly FrequencyLevel[] = ['very_frequent', 'frequent', 'average_frequency', 'occasional', 'rare'];
const SPEND: readonly SpendLevel[] = ['very_high_spend', 'high_spend', 'average_spend', 'low_spend', 'very_low_spend'];
const ACTION_REASONS: readonly ActionReason[] = ['value_at_risk', 'high_churn_risk', 'open_complaint', 'long_silence', 'no_permitted_channel'];

/** Narrows a code read from storage to one of a list of known codes. */
export const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** "bought recently, frequent, high spend" from "recent.frequent.high_spend". */
export function segmentLabel(t: TFunction, code: string): string {
  const [recency = '', frequency = '', spend = ''] = code.split('.');
  if (!isOneOf(RECENCY, recency) || !isOneOf(FREQUENCY, frequency) || !isOneOf(SPEND, spend)) return code;
  return t('insights.segmentName', {
    recency: t(`insights.recency.${recency}`),
    frequency: t(`insights.frequency.${frequency}`),
    spend: t(`insights.spend.${spend}`),
  });
}

export function rfmSegmentLabel(t: TFunction, code: string): string {
  return isOneOf<RfmSegment>(RFM_SEGMENTS, code) ? t(`insights.rfmSegment.${code}`) : code;
}

export function actionReasonLabel(t: TFunction, code: string): string {
  return isOneOf(ACTION_REASONS, code) ? t(`insights.actions.reason.${code}`) : code;
}

export function featureLabel(t: TFunction, code: string): string {
  if (isOneOf<CountFeature>(COUNT_FEATURES, code)) {
    const [type, window] = code.split('_') as [InteractionType, string];
    return t('insights.feature.count', { type: t(`interaction.types.${type}`), days: window.replace('d', '') });
  }
  return isOneOf<NamedFeature>(NAMED_FEATURES, code) ? t(`insights.feature.${code}`) : code;
}

export function featureValue(t: TFunction, code: string, value: number, language: string, currency: string | undefined): string {
  if (Number.isNaN(value)) return t('insights.noValue');
  if (code === 'revenue' && currency) return formatMoney(Math.round(value), currency, language);
  if (code === 'response_rate') return new Intl.NumberFormat(language, { style: 'percent' }).format(value);
  if (code === 'trend') return new Intl.NumberFormat(language, { style: 'percent', signDisplay: 'exceptZero' }).format(value);
  return formatNumber(Math.round(value), language);
}

export type ChurnReason = NonNullable<ScoreRow['churnReasons']>[number];

export function reasonText(t: TFunction, reason: ChurnReason, language: string, currency: string | undefined): string {
  const params = { feature: featureLabel(t, reason.code), value: featureValue(t, reason.code, reason.value, language, currency) };
  return reason.direction === 'raises' ? t('insights.reasonRaises', params) : t('insights.reasonLowers', params);
}

export function formatPercent(value: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}
