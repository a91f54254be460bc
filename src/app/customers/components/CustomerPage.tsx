import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CustomerId } from '../../../domain/ids';
import { DeletedBanner } from '../../shared/components/DeletedBanner';
import { DetailList } from '../../shared/components/DetailList';
import { RecordActions } from '../../shared/components/RecordActions';
import { formatDate } from '../../shared/format';
import { useSoftDelete } from '../../shared/hooks/useSoftDelete';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { useMembers } from '../hooks/useMembers';
import { CustomerInsights } from '../../insights/components/CustomerInsights';
import { CustomerDeals } from '../../pipeline/components/CustomerDeals';
import { CustomerTickets } from '../../service/components/CustomerTickets';
import { LinkedTasks } from '../../service/components/LinkedTasks';
import { SurveyForm } from '../../surveys/components/SurveyForm';
import { ChangedByOthers } from '../../sync/components/ChangedByOthers';
import { CustomerHistory } from './CustomerHistory';
import { QuickLog } from './QuickLog';
import { Timeline } from './Timeline';

export function CustomerPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const client = useWorkspace();
  const members = useMembers();
  const { remove, restore } = useSoftDelete();
  const customer = useLiveQuery(async () => (await client.db.customers.get(id as CustomerId)) ?? null, [client.db, id]);
  if (customer === undefined) return null;
  if (customer === null) {
    return (
      <section className="page">
        <h1>{t('customers.notFound')}</h1>
        <Link href="/customers">{t('customers.backToList')}</Link>
      </section>
    );
  }
  const deleted = customer.alive === 0;
  const owner = customer.ownerId ? members.get(customer.ownerId)?.displayName : undefined;
  const details: [string, string | undefined][] = [
    [t('customer.emails'), customer.emails.join(', ')],
    [t('customer.phones'), customer.phones.join(', ')],
    [t('customer.address'), customer.address],
    [t('customer.birthday'), customer.birthday],
    [t('customer.owner'), owner],
    [t('customer.source'), customer.source],
    [t('customer.preferredChannel'), customer.preferredChannel && t(`channel.${customer.preferredChannel}`)],
    [t('customer.since'), formatDate(customer.createdAt, i18n.language)],
  ];

  return (
    <section className="page page-wide customer-page">
      {deleted && <DeletedBanner message={t('customers.deletedBanner')} onRestore={() => void restore({ kind: 'customer', id }, t('notice.customerRestored', { name: customer.name }))} />}
      <header className="page-header">
        <div>
          <h1 data-testid="customer-name">{customer.name}</h1>
          <p className="muted">
            {[customer.title, customer.company].filter(Boolean).join(' · ')}{' '}
            <span className={`badge badge-${customer.lifecycle}`}>{t(`lifecycle.${customer.lifecycle}`)}</span>
          </p>
        </div>
        {!deleted && <RecordActions editHref={`/customers/${id}/edit`} onDelete={() => void remove({ kind: 'customer', id }, t('notice.customerDeleted', { name: customer.name }))} />}
      </header>
      <ChangedByOthers recordId={id} />
      <div className="customer-layout">
        <aside className="card profile">
          <h2>{t('customer.profile')}</h2>
          <DetailList details={details} />
          {customer.tags.length > 0 && (
            <ul className="tags" aria-label={t('customer.tags')}>
              {customer.tags.map((tag) => (
                <li key={tag} className="tag">
                  {tag}
                </li>
              ))}
            </ul>
          )}
          {customer.needs && (
            <>
              <h3>{t('customer.needs')}</h3>
              <p className="needs">{customer.needs}</p>
            </>
          )}
          {customer.custom && Object.keys(customer.custom).length > 0 && (
            <dl>
              {Object.entries(customer.custom).map(([key, value]) => (
                <div key={key}>
                  <dt>{key}</dt>
                  <dd>{String(value)}</dd>
                </div>
              ))}
            </dl>
          )}
          <CustomerInsights customerId={id} />
        </aside>
        <div className="customer-main">
          {!deleted && <QuickLog customerId={id} />}
          {!deleted && <SurveyForm customerId={id} />}
          <CustomerDeals customerId={id} canAdd={!deleted} />
          <CustomerTickets customerId={id} canAdd={!deleted} />
          <LinkedTasks link={{ customerId: id }} canAdd={!deleted} />
          <Timeline customerId={id} members={members} />
          <CustomerHistory recordId={id} members={members} />
        </div>
      </div>
    </section>
  );
}
