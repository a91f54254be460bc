import { ArrowDown, ArrowUp } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { effectiveProbability, isClosedStage, type PipelineStage } from '../../../domain/pipeline';
import type { ListState } from '../../../domain/views';
import type { Deal } from '../../../domain/work';
import { useMembers } from '../../customers/hooks/useMembers';
import { formatMoney } from '../../shared/format';
import { ColumnsMenu } from '../../views/components/ColumnsMenu';
import { ViewsMenu } from '../../views/components/ViewsMenu';
import { usePipelineUi, type DealSortKey, type DealStatusFilter } from '../state/pipelineUi';
import { formatDay } from '../utils/calendarDay';
import { formatPercent, stageLabel } from '../utils/stageLabel';

interface DealsTableProps {
  deals: readonly Deal[];
  customerNames: Map<string, string>;
  stages: readonly PipelineStage[];
}

const STATUSES: readonly DealStatusFilter[] = ['open', 'won', 'lost', 'all'];

function matches(deal: Deal, status: DealStatusFilter): boolean {
  if (status === 'all') return true;
  return status === 'open' ? !isClosedStage(deal.stage) : deal.stage === status;
}

/** Deals without a close date sort after every dated one, whichever the direction. */
function compare(key: DealSortKey, a: Deal, b: Deal): number {
  if (key === 'amount') return a.amountMinor - b.amountMinor;
  if (a.expectedClose === undefined || b.expectedClose === undefined) return 0;
  return a.expectedClose - b.expectedClose;
}

/** The deals as a table, the board's alternative: filtered by status and sorted by amount or expected close. */
export function DealsTable({ deals, customerNames, stages }: DealsTableProps) {
  const { t, i18n } = useTranslation();
  const members = useMembers();
  const { status, sort, columns, setStatus, sortBy, setColumns, applyList } = usePipelineUi();
  const shows = (column: string) => columns.includes(column);
  const listState: ListState = { filters: { status }, sort, columns };
  const handleApplyView = (view: ListState) =>
    applyList({ status: view.filters.status as DealStatusFilter, sort: { key: view.sort.key as DealSortKey, descending: view.sort.descending }, columns: view.columns });
  const shown = deals
    .filter((deal) => matches(deal, status))
    .sort((a, b) => {
      if (sort.key === 'expectedClose' && (a.expectedClose === undefined) !== (b.expectedClose === undefined)) return a.expectedClose === undefined ? 1 : -1;
      return (sort.descending ? -1 : 1) * compare(sort.key, a, b) || a.createdAt - b.createdAt;
    });
  const sortHeader = (key: DealSortKey, label: string) => {
    const active = sort.key === key;
    const Arrow = sort.descending ? ArrowDown : ArrowUp;
    return (
      <th scope="col" className="numeric" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
        <button type="button" className="sort-button" onClick={() => sortBy(key)} aria-label={t('pipeline.list.sortBy', { column: label })} data-testid={`sort-${key}`}>
          <span>{label}</span>
          {active && <Arrow aria-hidden="true" size={16} />}
        </button>
      </th>
    );
  };
  return (
    <section className="card deals-list">
      <div className="deals-list-tools">
        <label className="field deals-status">
          <span>{t('pipeline.list.status')}</span>
          <select value={status} onChange={(event) => setStatus(event.target.value as DealStatusFilter)}>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`pipeline.list.statuses.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="list-views">
          <ViewsMenu list="deals" current={listState} onApply={handleApplyView} />
          <ColumnsMenu list="deals" columns={columns} onChange={setColumns} />
        </div>
      </div>
      {shown.length ? (
        <div className="table-scroller" tabIndex={0}>
          <table className="data-table deals-table" data-testid="deals-table">
            <thead>
              <tr>
                <th scope="col">{t('pipeline.deal.title')}</th>
                {shows('customer') && <th scope="col">{t('pipeline.deal.customer')}</th>}
                {shows('stage') && <th scope="col">{t('pipeline.deal.stage')}</th>}
                {shows('amount') && sortHeader('amount', t('pipeline.deal.amount'))}
                {shows('probability') && <th scope="col" className="numeric">{t('pipeline.deal.probability')}</th>}
                {shows('expectedClose') && sortHeader('expectedClose', t('pipeline.deal.expectedClose'))}
                {shows('owner') && <th scope="col">{t('pipeline.deal.owner')}</th>}
              </tr>
            </thead>
            <tbody>
              {shown.map((deal) => (
                <tr key={deal.id} data-testid="deal-row">
                  <th scope="row">
                    <Link href={`/deals/${deal.id}`}>{deal.title}</Link>
                  </th>
                  {shows('customer') && <td>{customerNames.get(deal.customerId)}</td>}
                  {shows('stage') && <td>{stageLabel(t, stages, deal.stage)}</td>}
                  {shows('amount') && <td className="numeric">{formatMoney(deal.amountMinor, deal.currency, i18n.language)}</td>}
                  {shows('probability') && <td className="numeric">{formatPercent(effectiveProbability(deal, stages), i18n.language)}</td>}
                  {shows('expectedClose') && <td className="numeric">{deal.expectedClose === undefined ? '—' : formatDay(deal.expectedClose, i18n.language)}</td>}
                  {shows('owner') && <td>{deal.ownerId ? members.get(deal.ownerId)?.displayName : ''}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">{t('pipeline.list.none')}</p>
      )}
    </section>
  );
}
