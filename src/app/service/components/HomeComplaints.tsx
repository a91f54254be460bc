import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { isActiveStatus } from '../../../domain/service';
import { CardSection } from '../../shared/components/CardSection';
import { useCustomerRecords } from '../../shared/hooks/useCustomerRecords';
import { useNow } from '../hooks/useNow';
import '../service.css';
import { TicketRow } from './TicketRow';

const SHOWN = 5;

/** Home's newest open complaints: an unhappy customer is the first thing to see in the morning. */
export function HomeComplaints() {
  const { t } = useTranslation();
  const at = useNow();
  const data = useCustomerRecords('tickets');
  if (!data) return null;
  const complaints = data.records
    .filter((ticket) => ticket.kind === 'complaint' && isActiveStatus(ticket.status))
    .sort((a, b) => b.createdAt - a.createdAt)
    .slice(0, SHOWN);
  return (
    <CardSection id="home-complaints" title={t('service.home.complaints')} action={<Link href="/tickets">{t('service.tickets.title')}</Link>} testId="home-complaints">
      {complaints.length ? (
        <ul className="plain-list">
          {complaints.map((ticket) => (
            <li key={ticket.id}>
              <TicketRow ticket={ticket} customerName={data.customerNames.get(ticket.customerId)} at={at} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('service.home.noComplaints')}</p>
      )}
    </CardSection>
  );
}
