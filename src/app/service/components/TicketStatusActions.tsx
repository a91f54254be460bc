import { useTranslation } from 'react-i18next';
import { nextStatuses } from '../../../domain/service';
import type { Ticket } from '../../../domain/work';
import { useNotices } from '../../shared/state/notices';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';

/** One button per status the ticket may move to next, so no click can break the status rules. */
export function TicketStatusActions({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const client = useWorkspace();
  const show = useNotices((state) => state.show);
  const handleMove = async (status: Ticket['status']) => {
    const result = await client.call('updateTicket', ticket.id, { status });
    if (result.ok) show(t('service.tickets.statusChanged', { status: t(`service.tickets.statuses.${status}`) }), true);
  };
  return (
    <div className="ticket-actions">
      {nextStatuses(ticket.status).map((status, index) => (
        <button
          key={status}
          type="button"
          className={`button${index ? ' button-secondary' : ''}`}
          onClick={() => void handleMove(status)}
          data-testid={`ticket-to-${status}`}
        >
          {t(`service.tickets.moveTo.${status}`)}
        </button>
      ))}
    </div>
  );
}
