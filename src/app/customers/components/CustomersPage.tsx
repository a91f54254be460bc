import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { Plus, Search } from 'lucide-react';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../../../domain/customer';
import { LIST_SPECS, type ListState } from '../../../domain/views';
import { CUSTOMER_SORTS, type CustomerQuery, type CustomerSort } from '../../../workers/customerIndex';
import { formatNumber } from '../../shared/format';
import { ExportListButtons } from '../../import/components/ExportListButtons';
import { segmentLabel } from '../../insights/utils/labels';
import { ColumnsMenu } from '../../views/components/ColumnsMenu';
import { ViewsMenu } from '../../views/components/ViewsMenu';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { useCustomerQuery } from '../hooks/useCustomerQuery';
import { useMembers } from '../hooks/useMembers';
import { CustomerList } from './CustomerList';

/** Rows shown from IndexedDB before the query worker's first answer, so a cold start shows customers at once. */
const FIRST_PAGE = 100;

export function CustomersPage() {
  const { t, i18n } = useTranslation();
  const { db } = useWorkspace();
  const members = useMembers();
  const [text, setText] = useState('');
  const [tag, setTag] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [lifecycle, setLifecycle] = useState<LifecycleStage | ''>('');
  const [segment, setSegment] = useState('');
  const [sort, setSort] = useState<CustomerSort>('name');
  const [deleted, setDeleted] = useState(false);
  const [columns, setColumns] = useState<string[]>(() => [...LIST_SPECS.customers.defaults.columns]);
  const deferredText = useDeferredValue(text);
  const query: CustomerQuery = {
    text: deferredText,
    sort,
    descending: sort !== 'name',
    deleted,
    ...(tag ? { tag } : {}),
    ...(ownerId ? { ownerId } : {}),
    ...(lifecycle ? { lifecycle } : {}),
    ...(segment ? { segment } : {}),
  };
  const result = useCustomerQuery(query);
  const firstPage = useLiveQuery(
    async () =>
      result ? [] : await db.customers.where('[alive+nameKey]').between([1, Dexie.minKey], [1, Dexie.maxKey]).limit(FIRST_PAGE).primaryKeys(),
    [db, result === null],
  );
  const ids: readonly string[] = result?.ids ?? firstPage ?? [];
  const listState: ListState = { filters: { text, tag, ownerId, lifecycle, segment, deleted }, sort: { key: sort, descending: sort !== 'name' }, columns };
  const handleApplyView = ({ filters, sort: order, columns: shown }: ListState) => {
    setText(String(filters.text ?? ''));
    setTag(String(filters.tag ?? ''));
    setOwnerId(String(filters.ownerId ?? ''));
    setLifecycle(String(filters.lifecycle ?? '') as LifecycleStage | '');
    setSegment(String(filters.segment ?? ''));
    setDeleted(filters.deleted === true);
    setSort(order.key as CustomerSort);
    setColumns(shown);
  };

  return (
    <section className="page page-wide customers-page">
      <header className="page-header">
        <h1>{t('customers.title')}</h1>
        <div className="header-actions">
          <Link href="/import/duplicates" className="button button-secondary" data-testid="find-duplicates">
            {t('import.findDuplicates')}
          </Link>
          <Link href="/customers/new" className="button">
            <Plus aria-hidden="true" size={18} />
            <span>{t('customers.new')}</span>
          </Link>
        </div>
      </header>
      <div className="toolbar" role="search">
        <label className="search-field">
          <Search aria-hidden="true" size={18} />
          <span className="visually-hidden">{t('customers.search')}</span>
          <input
            type="search"
            value={text}
            placeholder={t('customers.searchPlaceholder')}
            onChange={(event) => setText(event.target.value)}
            data-testid="customer-search"
          />
        </label>
        <label>
          <span className="visually-hidden">{t('customers.filterTag')}</span>
          <select value={tag} onChange={(event) => setTag(event.target.value)} data-testid="filter-tag">
            <option value="">{t('customers.allTags')}</option>
            {result?.tags.map(({ tag: name, count }) => (
              <option key={name} value={name}>
                {name} ({formatNumber(count, i18n.language)})
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="visually-hidden">{t('customers.filterOwner')}</span>
          <select value={ownerId} onChange={(event) => setOwnerId(event.target.value)} data-testid="filter-owner">
            <option value="">{t('customers.allOwners')}</option>
            {[...members.values()].map((member) => (
              <option key={member.id} value={member.id}>
                {member.displayName}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="visually-hidden">{t('customers.filterLifecycle')}</span>
          <select value={lifecycle} onChange={(event) => setLifecycle(event.target.value as LifecycleStage | '')} data-testid="filter-lifecycle">
            <option value="">{t('customers.allStages')}</option>
            {LIFECYCLE_STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {t(`lifecycle.${stage}`)}
              </option>
            ))}
          </select>
        </label>
        {result && result.segments.length > 0 && (
          <label>
            <span className="visually-hidden">{t('customers.filterSegment')}</span>
            <select value={segment} onChange={(event) => setSegment(event.target.value)} data-testid="filter-segment">
              <option value="">{t('customers.allSegments')}</option>
              {result.segments.map((option) => (
                <option key={option.segment} value={option.segment}>
                  {segmentLabel(t, option.segment)} ({formatNumber(option.count, i18n.language)})
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          <span className="visually-hidden">{t('customers.sort')}</span>
          <select value={sort} onChange={(event) => setSort(event.target.value as CustomerSort)} data-testid="sort">
            {CUSTOMER_SORTS.map((option) => (
              <option key={option} value={option}>
                {t(`customers.sortBy.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={deleted} onChange={(event) => setDeleted(event.target.checked)} />
          <span>{t('customers.showDeleted')}</span>
        </label>
        <ExportListButtons ids={ids} members={members} />
        <div className="list-views">
          <ViewsMenu list="customers" current={listState} onApply={handleApplyView} />
          <ColumnsMenu list="customers" columns={columns} onChange={setColumns} />
        </div>
      </div>
      <p className="muted" aria-live="polite" data-testid="customer-count">
        {result
          ? t('customers.count', { shown: formatNumber(result.ids.length, i18n.language), total: formatNumber(result.total, i18n.language) })
          : t('customers.loading')}
      </p>
      <CustomerList ids={ids} head={result?.head ?? []} members={members} columns={columns} />
    </section>
  );
}
