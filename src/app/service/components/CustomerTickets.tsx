import { Plus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { compareTickets } from '../../../domain/service';
import { CardSection } from '../../shared/components/CardSection';
import { useCustomerRecords } from '../../shared/hooks/useCustomerRecords';
import { useNow } from '../hooks/useNow';
import '../service.css';
import { TicketRow } from './TicketRow';

/** A customer's tickets on their page, the ones that need attention first, with a new ticket one tap away. */
export function CustomerTickets({ customerId, canAdd }: { customerId: string; canAdd: boolean }) {
  const { t } = useTranslation();
  const at = useNow();
  const data = useCustomerRecords('tickets', customerId);
  if (!data) return null;
  const tickets = [...data.records].sort(compareTickets(at));
  return (
    <CardSection
      id="customer-tickets"
      title={t('service.tickets.customerTickets')}
      action={
        canAdd && (
          <Link href={`/tickets/new?customer=${customerId}`} className="button button-secondary" data-testid="customer-new-ticket">
            <Plus aria-hidden="true" size={18} />
            <span>{t('service.tickets.new')}</span>
          </Link>
        )
      }
      testId="customer-tickets"
    >
      {tickets.length ? (
        <ul className="plain-list">
          {tickets.map((ticket) => (
            <li key={ticket.id}>
              <TicketRow ticket={ticket} customerName={undefined} at={at} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('service.tickets.customerNone')}</p>
      )}
    </CardSection>
  );
}
