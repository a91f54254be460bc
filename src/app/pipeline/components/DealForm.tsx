import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSED_STAGES, LOST, type PipelineStage } from '../../../domain/pipeline';
import type { FieldIssue } from '../../../domain/validation';
import { MemberSelect } from '../../customers/components/MemberSelect';
import { DraftNotice } from '../../shared/components/DraftNotice';
import { FormActions } from '../../shared/components/FormActions';
import { FormField, type FieldControlProps } from '../../shared/components/FormField';
import { useDraft } from '../../shared/hooks/useDraft';
import type { DealDraft } from '../utils/dealDraft';
import { pipelineFieldMessage } from '../utils/issueText';
import { formatPercent, stageLabel } from '../utils/stageLabel';
import { CustomerPicker } from './CustomerPicker';

interface DealFormProps {
  initial: DealDraft;
  /** Which draft this is, kept on the device: the deal's id, or `new` and the customer it is for. */
  draftRecord: string;
  issues: readonly FieldIssue[];
  stages: readonly PipelineStage[];
  currency: string;
  submitLabel: string;
  onSubmit: (draft: DealDraft) => void;
  onCancel: () => void;
}

/** Create and edit share one form; the leader validates, and each field shows its own problems. */
export function DealForm({ initial, draftRecord, issues, stages, currency, submitLabel, onSubmit, onCancel }: DealFormProps) {
  const { t, i18n } = useTranslation();
  const { value: draft, set: setDraft, restored, discard } = useDraft('deal', draftRecord, initial);
  const set = (key: keyof DealDraft, value: string) => setDraft((current) => ({ ...current, [key]: value }));
  const stageProbability = stages.find((stage) => stage.id === draft.stage)?.probability;

  const field = (key: keyof DealDraft, label: string, control: (props: FieldControlProps) => ReactNode, hint?: string) => (
    <FormField id={`deal-${key}`} className={`field-${key}`} label={label} message={pipelineFieldMessage(t, issues, key)} hint={hint}>
      {control}
    </FormField>
  );
  const text = (key: keyof DealDraft, label: string, props: { type?: string; inputMode?: 'decimal'; hint?: string; placeholder?: string } = {}) =>
    field(
      key,
      label,
      (control) => (
        <input
          {...control}
          name={key}
          type={props.type ?? 'text'}
          autoComplete="off"
          {...(props.inputMode ? { inputMode: props.inputMode } : {})}
          {...(props.placeholder ? { placeholder: props.placeholder } : {})}
          value={draft[key]}
          onChange={(event) => set(key, event.target.value)}
        />
      ),
      props.hint,
    );

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(draft);
  };

  return (
    <form className="card form-grid" onSubmit={handleSubmit} noValidate data-testid="deal-form">
      <DraftNotice restored={restored} onDiscard={discard} />
      {field('customerId', t('pipeline.deal.customer'), (props) => (
        <CustomerPicker id={props.id} customerId={draft.customerId} invalid={props['aria-invalid']} describedBy={props['aria-describedby']} onChange={(id) => set('customerId', id)} />
      ))}
      {text('title', t('pipeline.deal.title'))}
      {text('amountMinor', t('pipeline.deal.amount'), { inputMode: 'decimal', hint: t('pipeline.deal.amountHint', { currency }) })}
      {field('stage', t('pipeline.deal.stage'), (props) => (
        <select {...props} name="stage" value={draft.stage} onChange={(event) => set('stage', event.target.value)}>
          {[...stages.map((stage) => stage.id), ...CLOSED_STAGES].map((id) => (
            <option key={id} value={id}>
              {stageLabel(t, stages, id)}
            </option>
          ))}
        </select>
      ))}
      {stageProbability !== undefined &&
        text('probability', t('pipeline.deal.probability'), {
          inputMode: 'decimal',
          placeholder: String(stageProbability * 100),
          hint: t('pipeline.deal.probabilityHint', { percent: formatPercent(stageProbability, i18n.language) }),
        })}
      {text('expectedClose', t('pipeline.deal.expectedClose'), { type: 'date' })}
      {field('ownerId', t('pipeline.deal.owner'), (props) => (
        <MemberSelect {...props} name="ownerId" value={draft.ownerId} onChange={(memberId) => set('ownerId', memberId)} />
      ))}
      {draft.stage === LOST &&
        field('lostReason', t('pipeline.deal.lostReason'), (props) => (
          <textarea {...props} name="lostReason" rows={3} value={draft.lostReason} onChange={(event) => set('lostReason', event.target.value)} />
        ))}
      <FormActions submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}
