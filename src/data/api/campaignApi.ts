import type * as Y from 'yjs';
import { campaignInteraction, checkCampaign, isCampaignChannel, type CampaignOutcome, type ResponseOutcome } from '../../domain/campaigns';
import type { CampaignId, CustomerId, InteractionId } from '../../domain/ids';
import { readSurveyAnswer } from '../../domain/surveys';
import { toFieldIssues, validatePatch, type Validated } from '../../domain/validation';
import { CampaignFieldsSchema, CampaignSchema, type Campaign } from '../../domain/work';
import { now } from '../../platform/clock';
import { WORK_DOC } from '../../sync/documentNames';
import { MAP_ENTITIES } from '../../sync/entities';
import { readRecordMap, type FieldChange } from '../../sync/recordMaps';
import type { LeaderContext } from './context';

/**
 * Campaigns and survey answers. Campaigns are map records in the work document, written by the generic record
 * commands after the campaign rules (campaigns.ts: a readable audience filter, a template naming only merge
 * fields); touches and responses are interactions carrying the campaign's id, logged with the type and channel the
 * campaign's channel implies. A survey answer is a `survey` interaction with its score and scale, as the analytics
 * read them.
 */
export function campaignApi({ engine, actor, tabId }: LeaderContext) {
  const commands = engine.commands(actor, tabId);

  const readCampaign = async (id: CampaignId): Promise<Campaign | undefined> => {
    const map = (await engine.docs.open(WORK_DOC)).getMap<Y.Map<unknown>>(MAP_ENTITIES.campaign.collection).get(id);
    const campaign = map ? CampaignSchema.safeParse(readRecordMap(id, map, MAP_ENTITIES.campaign)) : undefined;
    return campaign?.success ? campaign.data : undefined;
  };

  const logOutcome = async (
    campaignId: CampaignId,
    customerId: CustomerId,
    outcome: CampaignOutcome,
    message: { subject?: string | undefined; body?: string | undefined },
  ): Promise<Validated<{ id: InteractionId; doc: string }>> => {
    const campaign = await readCampaign(campaignId);
    if (!campaign || campaign.deletedAt !== undefined) return { ok: false, issues: [{ field: 'campaignId', code: 'not_found' }] };
    if (!isCampaignChannel(campaign.channel)) return { ok: false, issues: [{ field: 'channel', code: 'invalid_channel' }] };
    return commands.logInteraction({
      customerId,
      campaignId,
      ...campaignInteraction(campaign.channel, outcome),
      subject: message.subject?.trim() || campaign.name,
      ...(message.body?.trim() ? { body: message.body } : {}),
    });
  };

  return {
    /** A new campaign is active unless the input says otherwise. */
    createCampaign: async (input: Record<string, unknown>): Promise<Validated<string>> => {
      const fields = { status: 'active', ...input };
      const shape = CampaignFieldsSchema.safeParse(fields);
      const text = (key: string) => (typeof input[key] === 'string' ? input[key] : undefined);
      const time = (key: string) => (typeof input[key] === 'number' ? input[key] : undefined);
      const rules = checkCampaign(
        shape.success ? shape.data : { segmentQuery: text('segmentQuery'), subject: text('subject'), template: text('template'), startAt: time('startAt'), endAt: time('endAt') },
      );
      if (!shape.success) return { ok: false, issues: [...toFieldIssues(shape.error.issues), ...rules] };
      if (rules.length) return { ok: false, issues: rules };
      return commands.createRecord('campaign', fields);
    },
    updateCampaign: async (id: CampaignId, input: Record<string, unknown>): Promise<Validated<FieldChange[]>> => {
      const before = await readCampaign(id);
      if (!before) return { ok: false, issues: [{ field: 'id', code: 'not_found' }] };
      const patch = validatePatch(CampaignFieldsSchema, input);
      if (!patch.ok) return patch;
      const after = { ...before, ...Object.fromEntries(Object.entries(patch.value).map(([key, value]) => [key, value ?? undefined])) };
      const rules = checkCampaign(after);
      if (rules.length) return { ok: false, issues: rules };
      return commands.updateRecord('campaign', id, input);
    },
    /** The touch of one audience member (the message as sent, after its merge fields were filled in). */
    logCampaignTouch: (campaignId: CampaignId, customerId: CustomerId, message: { subject?: string; body?: string }) =>
      logOutcome(campaignId, customerId, 'touched', message),
    /** A customer's answer to the campaign: they responded, or converted (which counts as a response too). */
    recordCampaignResponse: (campaignId: CampaignId, customerId: CustomerId, outcome: ResponseOutcome) => {
      if (outcome !== 'responded' && outcome !== 'converted') return Promise.resolve({ ok: false as const, issues: [{ field: 'outcome', code: 'invalid' }] });
      return logOutcome(campaignId, customerId, outcome, {});
    },
    /** An NPS or CSAT answer recorded by hand; `score` as typed, so the problems found are specific (surveys.ts). */
    recordSurveyAnswer: async (
      customerId: CustomerId,
      input: { scale: string; score: string; comment: string; subject?: string; at?: number },
    ): Promise<Validated<{ id: InteractionId; doc: string }>> => {
      const answer = readSurveyAnswer(input);
      if (!answer.ok) return answer;
      return commands.logInteraction({
        customerId,
        type: 'survey',
        direction: 'inbound',
        at: input.at ?? now(),
        score: answer.value.score,
        scoreScale: answer.value.scale,
        ...(input.subject?.trim() ? { subject: input.subject } : {}),
        ...(answer.value.comment ? { body: answer.value.comment } : {}),
      });
    },
  };
}
