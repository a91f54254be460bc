import type { TFunction } from 'i18next';
import { MERGE_FIELDS, type AudienceFilter, type TemplateIssue } from '../../../domain/campaigns';
import type { Member } from '../../../domain/member';
import type { FieldIssue } from '../../../domain/validation';
import { en } from '../../i18n/en';
import { rfmSegmentLabel, segmentLabel } from '../../insights/utils/labels';
import { issueMessage } from '../../shared/issueMessage';

type CampaignIssue = keyof typeof en.campaigns.issues;

/** The merge fields as written in a template: "{{name}}, {{firstName}}, …". */
export const MERGE_FIELD_LIST = MERGE_FIELDS.map((field) => `{{${field}}}`).join(', ');

/** The issues of one field in words, with the campaign's own codes as well as the shared ones. */
export function campaignFieldMessage(t: TFunction, issues: readonly FieldIssue[], field: string): string | undefined {
  const messages = issues
    .filter((issue) => issue.field === field)
    .map((issue) => (issue.code in en.campaigns.issues ? t(`campaigns.issues.${issue.code as CampaignIssue}`) : issueMessage(t, issue)));
  return messages.length ? [...new Set(messages)].join(' ') : undefined;
}

/** What is wrong with a template, naming each unknown field as written. */
export function templateMessage(t: TFunction, issues: readonly TemplateIssue[]): string | undefined {
  if (!issues.length) return undefined;
  const messages = issues.map((issue) =>
    issue.code === 'unclosed_merge_field' ? t('campaigns.template.unclosed') : t('campaigns.template.unknownField', { field: `{{${issue.name}}}`, fields: MERGE_FIELD_LIST }),
  );
  return [...new Set(messages)].join(' ');
}

/** The filter in words: "Tag: vip · Stage: Lead"; "Everyone" without conditions. */
export function describeFilter(t: TFunction, filter: AudienceFilter, members: Map<string, Member>): string {
  const parts: string[] = [];
  if (filter.tag) parts.push(`${t('campaigns.filter.tag')}: ${filter.tag}`);
  if (filter.ownerId) parts.push(`${t('campaigns.filter.owner')}: ${members.get(filter.ownerId)?.displayName ?? filter.ownerId}`);
  if (filter.lifecycle) parts.push(`${t('campaigns.filter.lifecycle')}: ${t(`lifecycle.${filter.lifecycle}`)}`);
  if (filter.segment) parts.push(`${t('campaigns.filter.segment')}: ${segmentLabel(t, filter.segment)}`);
  if (filter.rfmSegment) parts.push(`${t('campaigns.filter.rfmSegment')}: ${rfmSegmentLabel(t, filter.rfmSegment)}`);
  return parts.length ? parts.join(' · ') : t('campaigns.filter.everyone');
}

/** A rate as a percent with one decimal ("66.7%"); a dash before there is anything to divide by. */
export function formatRate(t: TFunction, rate: number | null, language: string): string {
  return rate === null ? t('campaigns.stats.none') : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}
