import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { TicketId } from '../../../domain/ids';
import { Timeline } from '../../customers/components/Timeline';
import { useMembers } from '../../customers/hooks/useMembers';
import { DeletedBanner } from '../../shared/components/DeletedBanner';
import { DetailList } from '../../shared/components/DetailList';
import { RecordActions } from '../../shared/components/RecordActions';
import { formatDateTime } from '../../shared/format';
import { useSoftDelete } from '../../shared/hooks/useSoftDelete';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { useNow } from '../hooks/useNow';
import '../service.css';
import { LinkedTasks } from './LinkedTasks';
import { SlaBadge } from './SlaBadge';
import { TicketReply } from './TicketReply';
import { TicketStatusActions } from './TicketStatusActions';

/** One ticket: its status steps, SLA, the conversation with a reply box, its follow-up tasks, edit and delete. */
export function TicketPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const client = useWorkspace();
  const members = useMembers();
  const { remove, restore } = useSoftDelete();
  const at = useNow();
  const found = useLiveQuery(async () => {
    const ticket = await client.db.tickets.get(id as TicketId);
    return ticket ? { ticket, customer: await client.db.customers.get(ticket.customerId) } : null;
  }, [client.db, id]);
  if (found === undefined) return null;
  if (found === null) {
    return (
      <section className="page">
        <h1>{t('service.tickets.notFound')}</h1>
        <Link href="/tickets">{t('service.tickets.back')}</Link>
      </section>
    );
  }
  const { ticket, customer } = found;
  const deleted = ticket.deletedAt !== undefined;
  const details: [string, string | undefined][] = [
    [t('service.tickets.kind'), t(`service.tickets.kinds.${ticket.kind}`)],
    [t('service.tickets.priority'), t(`service.tickets.priorities.${ticket.priority}`)],
    [t('service.tickets.assignee'), ticket.assigneeId ? members.get(ticket.assigneeId)?.displayName : undefined],
    [t('service.tickets.slaDue'), ticket.slaDue === undefined ? undefined : formatDateTime(ticket.slaDue, i18n.language)],
    [t('service.tickets.createdAt'), formatDateTime(ticket.createdAt, i18n.language)],
  ];

  return (
    <section className="page ticket-page">
      {deleted && <DeletedBanner message={t('service.tickets.deletedBanner')} onRestore={() => void restore({ kind: 'ticket', id }, t('service.tickets.restored', { subject: ticket.subject }))} />}
      <header className="page-header">
        <div>
          <h1 data-testid="ticket-subject">{ticket.subject}</h1>
          <p className="muted">
            {customer && <Link href={`/customers/${customer.id}`}>{customer.name}</Link>}{' '}
            <span className={`badge badge-ticket-${ticket.status}`} data-testid="ticket-status">
              {t(`service.tickets.statuses.${ticket.status}`)}
            </span>{' '}
            <SlaBadge ticket={ticket} at={at} />
          </p>
        </div>
        {!deleted && <RecordActions editHref={`/tickets/${id}/edit`} onDelete={() => void remove({ kind: 'ticket', id }, t('service.tickets.deleted', { subject: ticket.subject }))} />}
      </header>
      {!deleted && <TicketStatusActions ticket={ticket} />}
      <section className="card">
        <DetailList details={details} />
      </section>
      {!deleted && <TicketReply ticket={ticket} />}
      <Timeline customerId={ticket.customerId} members={members} ticketId={ticket.id} title={t('service.tickets.conversation')} />
      <LinkedTasks link={{ customerId: ticket.customerId, ticketId: ticket.id }} canAdd={!deleted} />
    </section>
  );
}
