import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CustomerId } from '../../../domain/ids';
import type { Member } from '../../../domain/member';
import { listed, type ListedCustomer } from '../../../workers/listedCustomer';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';

const ROW_HEIGHT = 60;
const OVERSCAN = 12;
/** The width of each column on a wide screen; the name always shows. */
const COLUMN_WIDTHS: Record<string, string> = {
  name: 'minmax(140px, 2fr)',
  company: 'minmax(120px, 2fr)',
  contact: 'minmax(140px, 2fr)',
  lifecycle: 'auto',
  owner: 'minmax(80px, 1fr)',
};

/**
 * A window onto any number of customers: only the rows on screen are read from IndexedDB and rendered. The query's
 * first rows (`head`, from the query worker) show until IndexedDB answers, so a new search paints at once.
 */
export function CustomerList({
  ids,
  head,
  members,
  columns,
}: {
  ids: readonly string[];
  head: readonly ListedCustomer[];
  members: Map<string, Member>;
  columns: readonly string[];
}) {
  const { t } = useTranslation();
  const { db } = useWorkspace();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const visibleIds = ids.slice(first, last + 1) as CustomerId[];
  const rows = useLiveQuery(() => db.customers.bulkGet(visibleIds), [db, visibleIds.join()]);
  const byId = new Map<string, ListedCustomer>(head.map((row) => [row.id, row]));
  for (const row of rows ?? []) if (row) byId.set(row.id, listed(row));

  const shows = (column: string) => columns.includes(column);
  const template = { '--customer-columns': ['name', ...columns].map((column) => COLUMN_WIDTHS[column]).join(' ') } as CSSProperties;

  if (ids.length === 0) return <p className="empty">{t('customers.none')}</p>;
  return (
    <div ref={scroller} className="virtual-scroller" data-testid="customer-list">
      <ul className="customer-rows" style={{ height: virtualizer.getTotalSize() }} aria-label={t('customers.title')}>
        {items.map((item) => {
          const row = byId.get(ids[item.index] as CustomerId);
          return (
            <li key={item.key} className="customer-row" style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
              {row ? (
                <Link href={`/customers/${row.id}`} className="customer-row-link" style={template} data-testid="customer-row">
                  <span className="customer-name">{row.name}</span>
                  {shows('company') && <span className="customer-company muted">{[row.title, row.company].filter(Boolean).join(' · ')}</span>}
                  {shows('contact') && <span className="customer-contact muted">{row.contact}</span>}
                  {shows('lifecycle') && <span className={`badge badge-${row.lifecycle}`}>{t(`lifecycle.${row.lifecycle}`)}</span>}
                  {shows('owner') && <span className="customer-owner muted">{row.ownerId ? members.get(row.ownerId)?.displayName : ''}</span>}
                </Link>
              ) : (
                <span className="customer-row-link placeholder" aria-hidden="true" />
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
