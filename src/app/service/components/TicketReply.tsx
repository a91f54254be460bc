import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../domain/work';
import { ChoiceSelect } from '../../shared/components/ChoiceSelect';
import { FormActions } from '../../shared/components/FormActions';
import { FormField } from '../../shared/components/FormField';
import { fieldMessage } from '../../shared/issueMessage';
import type { FieldIssue } from '../../../domain/validation';
import { useNotices } from '../../shared/state/notices';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';

const REPLY_TYPES = ['email', 'call', 'note'] as const;

/** A reply on the ticket is an interaction with its customer, carrying the ticket's id: the conversation. */
export function TicketReply({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const client = useWorkspace();
  const show = useNotices((state) => state.show);
  const [type, setType] = useState<(typeof REPLY_TYPES)[number]>('email');
  const [body, setBody] = useState('');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return setIssues([{ field: 'body', code: 'required' }]);
    const result = await client.call('logInteraction', {
      customerId: ticket.customerId,
      ticketId: ticket.id,
      type,
      ...(type === 'note' ? {} : { direction: 'outbound' }),
      subject: ticket.subject,
      body,
    });
    if (!result.ok) return setIssues(result.issues);
    setBody('');
    setIssues([]);
    show(t('service.tickets.replyLogged'), true);
  };
  return (
    <form className="card form-grid ticket-reply" onSubmit={(event) => void handleSubmit(event)} noValidate>
      <FormField id="reply-type" className="field-type" label={t('service.tickets.replyType')} message={fieldMessage(t, issues, 'type')}>
        {(props) => <ChoiceSelect {...props} name="type" value={type} options={REPLY_TYPES} label={(option) => t(`interaction.types.${option}`)} onChange={setType} />}
      </FormField>
      <FormField id="reply-body" className="field-body field-wide" label={t('service.tickets.reply')} message={fieldMessage(t, issues, 'body')}>
        {(props) => <textarea {...props} name="body" rows={3} value={body} onChange={(event) => setBody(event.target.value)} />}
      </FormField>
      <FormActions submitLabel={t('service.tickets.replySave')} onCancel={() => setBody('')} />
    </form>
  );
}
