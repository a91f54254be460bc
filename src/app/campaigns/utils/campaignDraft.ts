import { isCampaignChannel, parseAudienceFilter, serializeAudienceFilter, type AudienceFilter, type CampaignChannel } from '../../../domain/campaigns';
import type { FieldIssue } from '../../../domain/validation';
import type { Campaign } from '../../../domain/work';
import { dayFromInput, dayInputValue } from '../../pipeline/utils/calendarDay';

type Status = Campaign['status'];

/** The campaign form's fields as typed; keys are the campaign's own field names or the filter's. */
export interface CampaignDraft {
  name: string;
  channel: CampaignChannel;
  status: Status;
  goal: string;
  startAt: string;
  endAt: string;
  subject: string;
  template: string;
  filter: Required<{ [K in keyof AudienceFilter]: string }>;
}

const TEXT_FIELDS = ['name', 'goal', 'subject', 'template'] as const;

export function emptyCampaignDraft(): CampaignDraft {
  return {
    name: '',
    channel: 'email',
    status: 'active',
    goal: '',
    startAt: '',
    endAt: '',
    subject: '',
    template: '',
    filter: { tag: '', ownerId: '', lifecycle: '', segment: '', rfmSegment: '' },
  };
}

export function draftOfCampaign(campaign: Campaign): CampaignDraft {
  const filter = parseAudienceFilter(campaign.segmentQuery) ?? {};
  return {
    name: campaign.name,
    channel: isCampaignChannel(campaign.channel) ? campaign.channel : 'email',
    status: campaign.status,
    goal: campaign.goal ?? '',
    startAt: dayInputValue(campaign.startAt),
    endAt: dayInputValue(campaign.endAt),
    subject: campaign.subject ?? '',
    template: campaign.template ?? '',
    filter: { tag: filter.tag ?? '', ownerId: filter.ownerId ?? '', lifecycle: filter.lifecycle ?? '', segment: filter.segment ?? '', rfmSegment: filter.rfmSegment ?? '' },
  };
}

/** The filter the draft describes (empty values left out). */
export function filterOfDraft(draft: CampaignDraft): AudienceFilter {
  return parseAudienceFilter(serializeAudienceFilter(draft.filter as AudienceFilter)) ?? {};
}

/**
 * The fields that differ from `before` (all filled ones for a new campaign) as command input, and the dates that
 * could not be read. '' clears a field.
 */
export function campaignInputOf(draft: CampaignDraft, before?: CampaignDraft): { input: Record<string, unknown>; issues: FieldIssue[] } {
  const input: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  for (const key of TEXT_FIELDS) {
    const text = draft[key].trim();
    if (before ? before[key] === draft[key] : text === '') continue;
    input[key] = text === '' ? null : draft[key];
  }
  for (const key of ['channel', 'status'] as const) if (!before || before[key] !== draft[key]) input[key] = draft[key];
  for (const key of ['startAt', 'endAt'] as const) {
    const text = draft[key].trim();
    if (before ? before[key] === draft[key] : text === '') continue;
    const day = dayFromInput(text);
    if (text !== '' && day === null) issues.push({ field: key, code: 'invalid_date' });
    else input[key] = day;
  }
  const segmentQuery = serializeAudienceFilter(filterOfDraft(draft));
  if (!before || serializeAudienceFilter(filterOfDraft(before)) !== segmentQuery) input.segmentQuery = segmentQuery;
  if (!before && draft.name.trim() === '') issues.push({ field: 'name', code: 'required' });
  return { input, issues };
}
