import { TriangleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { isActiveStatus, isBreached } from '../../../domain/service';
import type { Ticket } from '../../../domain/work';
import { formatDateTime } from '../../shared/format';

/** When a waiting ticket is due, or, once that has passed, a warning that its SLA is breached. */
export function SlaBadge({ ticket, at }: { ticket: Pick<Ticket, 'status' | 'slaDue'>; at: number }) {
  const { t, i18n } = useTranslation();
  if (ticket.slaDue === undefined || !isActiveStatus(ticket.status)) return null;
  const due = formatDateTime(ticket.slaDue, i18n.language);
  return isBreached(ticket, at) ? (
    <span className="badge badge-breached" data-testid="sla-breached">
      <TriangleAlert aria-hidden="true" size={14} /> {t('service.tickets.breached', { due })}
    </span>
  ) : (
    <span className="muted">{t('service.tickets.dueBy', { due })}</span>
  );
}
