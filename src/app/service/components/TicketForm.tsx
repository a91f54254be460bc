import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../domain/validation';
import { PRIORITIES, TICKET_KINDS } from '../../../domain/work';
import { MemberSelect } from '../../customers/components/MemberSelect';
import { CustomerPicker } from '../../pipeline/components/CustomerPicker';
import { ChoiceSelect } from '../../shared/components/ChoiceSelect';
import { DraftNotice } from '../../shared/components/DraftNotice';
import { FormActions } from '../../shared/components/FormActions';
import { FormField } from '../../shared/components/FormField';
import { useDraft } from '../../shared/hooks/useDraft';
import { fieldMessage } from '../../shared/issueMessage';
import type { TicketDraft } from '../utils/ticketDraft';

interface TicketFormProps {
  initial: TicketDraft;
  /** Which draft this is, kept on the device: the ticket's id, or `new` and the customer it is for. */
  draftRecord: string;
  issues: readonly FieldIssue[];
  /** The customer of an existing ticket stays: its conversation is theirs. */
  customerFixed: boolean;
  submitLabel: string;
  onSubmit: (draft: TicketDraft) => void;
  onCancel: () => void;
}

/** Create and edit share one form; the leader validates, and each field shows its own problems. */
export function TicketForm({ initial, draftRecord, issues, customerFixed, submitLabel, onSubmit, onCancel }: TicketFormProps) {
  const { t } = useTranslation();
  const { value: draft, set: setDraft, restored, discard } = useDraft('ticket', draftRecord, initial);
  const set = (key: keyof TicketDraft, value: string) => setDraft((current) => ({ ...current, [key]: value }));
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(draft);
  };
  return (
    <form className="card form-grid" onSubmit={handleSubmit} noValidate data-testid="ticket-form">
      <DraftNotice restored={restored} onDiscard={discard} />
      {!customerFixed && (
        <FormField id="ticket-customerId" className="field-customerId" label={t('service.tickets.customer')} message={fieldMessage(t, issues, 'customerId')}>
          {(props) => <CustomerPicker id={props.id} customerId={draft.customerId} invalid={props['aria-invalid']} describedBy={props['aria-describedby']} onChange={(id) => set('customerId', id)} />}
        </FormField>
      )}
      <FormField id="ticket-subject" className="field-subject field-wide" label={t('service.tickets.subject')} message={fieldMessage(t, issues, 'subject')}>
        {(props) => <input {...props} name="subject" autoComplete="off" value={draft.subject} onChange={(event) => set('subject', event.target.value)} />}
      </FormField>
      <FormField id="ticket-kind" className="field-kind" label={t('service.tickets.kind')} message={fieldMessage(t, issues, 'kind')}>
        {(props) => <ChoiceSelect {...props} name="kind" value={draft.kind} options={TICKET_KINDS} label={(kind) => t(`service.tickets.kinds.${kind}`)} onChange={(kind) => set('kind', kind)} />}
      </FormField>
      <FormField id="ticket-priority" className="field-priority" label={t('service.tickets.priority')} message={fieldMessage(t, issues, 'priority')}>
        {(props) => (
          <ChoiceSelect {...props} name="priority" value={draft.priority} options={PRIORITIES} label={(priority) => t(`service.tickets.priorities.${priority}`)} onChange={(priority) => set('priority', priority)} />
        )}
      </FormField>
      <FormField id="ticket-assigneeId" className="field-assigneeId" label={t('service.tickets.assignee')} message={fieldMessage(t, issues, 'assigneeId')}>
        {(props) => <MemberSelect {...props} name="assigneeId" value={draft.assigneeId} onChange={(memberId) => set('assigneeId', memberId)} />}
      </FormField>
      <FormActions submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}
