import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import type { TicketId } from '../../../domain/ids';
import type { FieldIssue } from '../../../domain/validation';
import { useClearDraft } from '../../shared/hooks/useDraft';
import { useNotices } from '../../shared/state/notices';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import '../service.css';
import { draftOfTicket, ticketInputOf, type TicketDraft } from '../utils/ticketDraft';
import { TicketForm } from './TicketForm';

/** New ticket (no id; `?customer=` prefills the customer, assigned to the user) or edit of one. */
export function TicketEditPage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const client = useWorkspace();
  const [, navigate] = useLocation();
  const search = useSearch();
  const show = useNotices((state) => state.show);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const clearDraft = useClearDraft();
  const ticket = useLiveQuery(async () => (id ? ((await client.db.tickets.get(id as TicketId)) ?? null) : null), [client.db, id]);
  if (ticket === undefined || (id && !ticket)) return null;
  const initial: TicketDraft = ticket
    ? draftOfTicket(ticket)
    : { customerId: new URLSearchParams(search).get('customer') ?? '', kind: 'inquiry', subject: '', priority: 'normal', assigneeId: client.identity.memberId };

  const draftRecord = ticket ? ticket.id : `new-${initial.customerId}`;

  const handleSubmit = async (draft: TicketDraft) => {
    const { input, issues: unread } = ticketInputOf(draft, ticket ? initial : undefined);
    if (unread.length) return setIssues(unread);
    if (ticket) {
      const result = await client.call('updateTicket', ticket.id, input);
      if (!result.ok) return setIssues(result.issues);
      clearDraft('ticket', draftRecord);
      show(t('notice.saved'), true);
      return navigate(`/tickets/${ticket.id}`);
    }
    const result = await client.call('createTicket', input);
    if (!result.ok) return setIssues(result.issues);
    clearDraft('ticket', draftRecord);
    show(t('service.tickets.created'), true);
    navigate(`/tickets/${result.value}`);
  };

  return (
    <section className="page">
      <h1>{ticket ? t('service.tickets.edit') : t('service.tickets.new')}</h1>
      <TicketForm
        initial={initial}
        draftRecord={draftRecord}
        issues={issues}
        customerFixed={ticket !== null}
        submitLabel={ticket ? t('common.save') : t('service.tickets.create')}
        onSubmit={(draft) => void handleSubmit(draft)}
        onCancel={() => navigate(ticket ? `/tickets/${ticket.id}` : initial.customerId ? `/customers/${initial.customerId}` : '/tickets')}
      />
    </section>
  );
}
