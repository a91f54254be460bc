import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Ticket } from '../../../domain/work';
import { SlaBadge } from './SlaBadge';

/** One ticket in a list: subject, whose, status, priority and its SLA. */
export function TicketRow({ ticket, customerName, at }: { ticket: Ticket; customerName: string | undefined; at: number }) {
  const { t } = useTranslation();
  return (
    <div className="ticket-row" data-testid="ticket-row">
      <Link href={`/tickets/${ticket.id}`} className="ticket-row-subject">
        {ticket.subject}
      </Link>
      <span className="ticket-row-meta">
        {customerName && <span className="muted">{customerName}</span>}
        <span className={`badge badge-ticket-${ticket.status}`}>{t(`service.tickets.statuses.${ticket.status}`)}</span>
        <span className={`badge badge-priority-${ticket.priority}`}>{t(`service.tickets.priorities.${ticket.priority}`)}</span>
        <SlaBadge ticket={ticket} at={at} />
      </span>
    </div>
  );
}
