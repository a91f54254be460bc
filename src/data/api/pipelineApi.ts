import type * as Y from 'yjs';
import type { DealId } from '../../domain/ids';
import { checkDealStage, dealsInStages, stageChangeEffects, validatePipeline, type PipelineStage } from '../../domain/pipeline';
import { toFieldIssues, type Validated } from '../../domain/validation';
import { DealFieldsSchema, DealSchema } from '../../domain/work';
import { now } from '../../platform/clock';
import { readRecordMap, type FieldChange, type Plain } from '../../sync/recordMaps';
import { WORK_DOC } from '../../sync/documentNames';
import { MAP_ENTITIES } from '../../sync/entities';
import type { LeaderContext } from './context';

/**
 * Deals and the team's pipeline stages. Deals are written by the generic record commands; these calls add the
 * pipeline's rules, checked where the documents are: a deal's stage exists, a lost deal says why, a stage change
 * carries its effects (stageChangeEffects), and a stage that still holds deals is removed only with somewhere to
 * move them.
 */
export function pipelineApi({ engine, actor, tabId }: LeaderContext) {
  const commands = engine.commands(actor, tabId);
  const dealRecords = async () => (await engine.docs.open(WORK_DOC)).getMap<Y.Map<unknown>>(MAP_ENTITIES.deal.collection);

  const updateDeal = async (id: DealId, input: Record<string, unknown>): Promise<Validated<FieldChange[]>> => {
    const map = (await dealRecords()).get(id);
    if (!map) return { ok: false, issues: [{ field: 'id', code: 'not_found' }] };
    const before = readRecordMap(id, map, MAP_ENTITIES.deal);
    const effects = stageChangeEffects({ stage: String(before.stage) }, input as { stage?: string; probability?: number | null }, now());
    const patch: Record<string, unknown> = { ...input, ...effects };
    const after: Plain = { ...before, ...patch };
    const issues = checkDealStage(
      { stage: String(after.stage), lostReason: typeof after.lostReason === 'string' ? after.lostReason : undefined },
      (await engine.settings()).pipeline,
    );
    if (issues.length) return { ok: false, issues };
    return commands.updateRecord('deal', id, patch);
  };

  return {
    /** A new deal in the workspace currency, in the first stage unless the input names one. */
    createDeal: async (input: Record<string, unknown>): Promise<Validated<string>> => {
      const { pipeline, currency } = await engine.settings();
      const stage = typeof input.stage === 'string' && input.stage ? input.stage : (pipeline[0]?.id ?? '');
      const withEffects: Record<string, unknown> = { currency, ...input, stage, ...stageChangeEffects({ stage: '' }, { ...input, stage }, now()) };
      const fields = Object.fromEntries(Object.entries(withEffects).filter(([, value]) => value !== null));
      const stageIssues = checkDealStage({ stage, lostReason: typeof fields.lostReason === 'string' ? fields.lostReason : undefined }, pipeline);
      if (!stageIssues.length) return commands.createRecord('deal', fields);
      const shape = DealFieldsSchema.safeParse(fields);
      return { ok: false, issues: [...(shape.success ? [] : toFieldIssues(shape.error.issues)), ...stageIssues] };
    },
    updateDeal,
    /**
     * Saves the team's stages. Deals in a stage being removed move to `moves[stage]`; without one the save is
     * refused with `stage_has_deals` on that stage, so no deal is left in a stage nobody can see.
     */
    savePipeline: async (stages: PipelineStage[], moves: Record<string, string>): Promise<Validated<null>> => {
      const issues = validatePipeline(stages);
      if (issues.length) return { ok: false, issues };
      const kept = new Set(stages.map((stage) => stage.id));
      const removed = new Set((await engine.settings()).pipeline.map((stage) => stage.id).filter((id) => !kept.has(id)));
      const deals = [...(await dealRecords()).entries()].flatMap(([id, map]) => {
        const deal = DealSchema.safeParse(readRecordMap(id, map, MAP_ENTITIES.deal));
        return deal.success ? [deal.data] : [];
      });
      const toMove = dealsInStages(deals, removed);
      const stranded = [...toMove.keys()].filter((stage) => !kept.has(moves[stage] ?? ''));
      if (stranded.length) return { ok: false, issues: stranded.map((stage) => ({ field: `stage.${stage}`, code: 'stage_has_deals' })) };
      for (const [stage, list] of toMove) {
        for (const deal of list) await updateDeal(deal.id, { stage: moves[stage] });
      }
      await engine.updateSettings({ pipeline: stages }, 'settings');
      return { ok: true, value: null };
    },
  };
}
