import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Ticket } from '../../../domain/work';
import { SlaBadge } from './SlaBadge';

const ALL_COLUMNS = ['customer', 'status', 'priority', 'sla'];

/** One ticket in a list: subject, whose, status, priority and its SLA (each but the subject may be hidden by a view). */
export function TicketRow({ ticket, customerName, at, columns = ALL_COLUMNS }: { ticket: Ticket; customerName: string | undefined; at: number; columns?: readonly string[] }) {
  const { t } = useTranslation();
  const shows = (column: string) => columns.includes(column);
  return (
    <div className="ticket-row" data-testid="ticket-row">
      <Link href={`/tickets/${ticket.id}`} className="ticket-row-subject">
        {ticket.subject}
      </Link>
      <span className="ticket-row-meta">
        {shows('customer') && customerName && <span className="muted">{customerName}</span>}
        {shows('status') && <span className={`badge badge-ticket-${ticket.status}`}>{t(`service.tickets.statuses.${ticket.status}`)}</span>}
        {shows('priority') && <span className={`badge badge-priority-${ticket.priority}`}>{t(`service.tickets.priorities.${ticket.priority}`)}</span>}
        {shows('sla') && <SlaBadge ticket={ticket} at={at} />}
      </span>
    </div>
  );
}
