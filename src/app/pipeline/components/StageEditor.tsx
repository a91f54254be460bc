import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { dealsInStages, isDefaultStage, type PipelineStage } from '../../../domain/pipeline';
import type { Deal } from '../../../domain/work';
import type { FieldIssue } from '../../../domain/validation';
import { newId } from '../../../platform/ids';
import { FormField } from '../../shared/components/FormField';
import { useNotices } from '../../shared/state/notices';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { pipelineFieldMessage } from '../utils/issueText';
import { stageLabel } from '../utils/stageLabel';

interface StageDraft {
  id: string;
  name: string;
  /** Percent as typed. */
  percent: string;
}

const draftsOf = (stages: readonly PipelineStage[]): StageDraft[] =>
  stages.map((stage) => ({ id: stage.id, name: stage.name, percent: String(Math.round(stage.probability * 1000) / 10) }));

/**
 * The team's stages: rename, reorder, add, remove, set probabilities. A stage removed while deals are in it asks
 * where they go; the leader refuses the save until each such stage has an answer.
 */
export function StageEditor({ stages, deals }: { stages: readonly PipelineStage[]; deals: readonly Deal[] }) {
  const { t } = useTranslation();
  const client = useWorkspace();
  const show = useNotices((state) => state.show);
  const [drafts, setDrafts] = useState(() => draftsOf(stages));
  const [moves, setMoves] = useState<Record<string, string>>({});
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const kept = new Set(drafts.map((draft) => draft.id));
  const removed = stages.filter((stage) => !kept.has(stage.id));
  const stranded = dealsInStages(deals, new Set(removed.map((stage) => stage.id)));
  const labelOf = (draft: StageDraft) => draft.name.trim() || stageLabel(t, stages, draft.id);

  const update = (index: number, change: Partial<StageDraft>) => setDrafts((current) => current.map((draft, at) => (at === index ? { ...draft, ...change } : draft)));
  const swap = (index: number, other: number) =>
    setDrafts((current) => current.map((draft, at) => (at === index ? current[other] : at === other ? current[index] : draft) ?? draft));

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const wanted = drafts.map((draft, order) => ({ id: draft.id, name: draft.name.trim(), probability: draft.percent.trim() === '' ? NaN : Number(draft.percent.replace(',', '.')) / 100, order }));
    const result = await client.call('savePipeline', wanted, moves);
    setIssues(result.ok ? [] : result.issues);
    if (result.ok) show(t('pipeline.notice.stagesSaved'));
  };
  const handleReset = () => {
    setDrafts(draftsOf(stages));
    setMoves({});
    setIssues([]);
  };

  const listMessage = pipelineFieldMessage(t, issues, 'stages');
  return (
    <form className="card stage-editor" onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="stage-editor">
      <h2>{t('pipeline.stages.title')}</h2>
      <p className="muted">{t('pipeline.stages.hint')}</p>
      <ol className="stage-rows">
        {drafts.map((draft, index) => {
          const position = index + 1;
          return (
            <li key={draft.id} className="stage-row" data-testid="stage-row">
              <FormField id={`stage-${draft.id}-name`} className="stage-name" labelHidden label={t('pipeline.stages.name', { position })} message={pipelineFieldMessage(t, issues, `stages.${index}.name`)}>
                {(control) => (
                  <input
                    {...control}
                    value={draft.name}
                    placeholder={isDefaultStage(draft.id) ? t(`pipeline.defaultStage.${draft.id}`) : ''}
                    onChange={(event) => update(index, { name: event.target.value })}
                  />
                )}
              </FormField>
              <FormField
                id={`stage-${draft.id}-percent`}
                className="stage-percent"
                labelHidden
                label={t('pipeline.stages.probability', { position })}
                message={pipelineFieldMessage(t, issues, `stages.${index}.probability`)}
              >
                {(control) => <input {...control} inputMode="decimal" value={draft.percent} onChange={(event) => update(index, { percent: event.target.value })} />}
              </FormField>
              <div className="stage-row-actions">
                <button type="button" className="icon-button" disabled={index === 0} onClick={() => swap(index, index - 1)} aria-label={t('pipeline.stages.moveUp', { name: labelOf(draft) })}>
                  <ArrowUp aria-hidden="true" size={18} />
                </button>
                <button type="button" className="icon-button" disabled={index === drafts.length - 1} onClick={() => swap(index, index + 1)} aria-label={t('pipeline.stages.moveDown', { name: labelOf(draft) })}>
                  <ArrowDown aria-hidden="true" size={18} />
                </button>
                <button type="button" className="icon-button" onClick={() => setDrafts((current) => current.filter((_, at) => at !== index))} aria-label={t('pipeline.stages.remove', { name: labelOf(draft) })}>
                  <Trash2 aria-hidden="true" size={18} />
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      {listMessage && <p className="field-error" role="alert">{listMessage}</p>}
      <button type="button" className="button button-secondary" onClick={() => setDrafts((current) => [...current, { id: newId(), name: '', percent: '50' }])}>
        <Plus aria-hidden="true" size={18} />
        <span>{t('pipeline.stages.add')}</span>
      </button>
      {removed.map((stage) => {
        const count = stranded.get(stage.id)?.length ?? 0;
        const message = pipelineFieldMessage(t, issues, `stage.${stage.id}`);
        const name = stageLabel(t, stages, stage.id);
        return (
          <div key={stage.id} className="field stage-removed" data-testid="stage-removed">
            <span>
              {t('pipeline.stages.removed')}: <strong>{name}</strong>
            </span>
            {count > 0 && (
              <>
                <label htmlFor={`stage-${stage.id}-move`}>{t('pipeline.stages.hasDeals', { count, name })}</label>
                <select id={`stage-${stage.id}-move`} value={moves[stage.id] ?? ''} onChange={(event) => setMoves({ ...moves, [stage.id]: event.target.value })} aria-invalid={message !== undefined}>
                  <option value="">{t('pipeline.stages.chooseStage')}</option>
                  {drafts.map((draft) => (
                    <option key={draft.id} value={draft.id}>
                      {labelOf(draft)}
                    </option>
                  ))}
                </select>
              </>
            )}
            {message && <span className="field-error" role="alert">{message}</span>}
          </div>
        );
      })}
      <div className="form-actions">
        <button type="submit" className="button">
          {t('pipeline.stages.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={handleReset}>
          {t('pipeline.stages.reset')}
        </button>
      </div>
    </form>
  );
}
