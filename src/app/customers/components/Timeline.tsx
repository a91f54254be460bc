import { useVirtualizer } from '@tanstack/react-virtual';
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { Trash2 } from 'lucide-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { InteractionRow } from '../../../data/db';
import type { Member } from '../../../domain/member';
import { formatDateTime, formatMoney } from '../../shared/format';
import { useNotices } from '../../shared/state/notices';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';

const ESTIMATED_HEIGHT = 96;
/** Enough interactions to fill the tallest timeline before the whole history is read. */
const FIRST_SCREEN = 20;

interface TimelineProps {
  customerId: string;
  members: Map<string, Member>;
  /** Only the interactions of this ticket: the ticket's conversation. */
  ticketId?: string;
  title?: string;
}

/** Every interaction with the customer (or on one of their tickets), newest first; only those on screen are rendered. */
export function Timeline({ customerId, members, ticketId, title }: TimelineProps) {
  const { t, i18n } = useTranslation();
  const client = useWorkspace();
  const show = useNotices((state) => state.show);
  const scroller = useRef<HTMLDivElement>(null);
  const history = () => client.db.interactions.where('[customerId+at]').between([customerId, Dexie.minKey], [customerId, Dexie.maxKey]).reverse();
  // Filtered here, not in the query: a Dexie filter reads record by record through a cursor, one round trip to
  // IndexedDB each, where a plain range is read in one.
  const shown = (rows: InteractionRow[]) => rows.filter((row) => row.alive === 1 && (ticketId === undefined || row.ticketId === ticketId));
  // A long history (thousands of interactions) takes a while to read whole: the newest screenful paints first.
  const newest = useLiveQuery(async () => shown(await history().limit(FIRST_SCREEN).toArray()), [client.db, customerId, ticketId]);
  const interactions = useLiveQuery(async () => shown(await history().toArray()), [client.db, customerId, ticketId]);
  const rows = interactions ?? newest ?? [];
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_HEIGHT,
    overscan: 6,
  });

  const handleDelete = async (row: InteractionRow) => {
    const result = await client.call('deleteRecord', { kind: 'interaction', id: row.id, doc: row.doc });
    if (result.ok) show(t('notice.interactionDeleted'), true);
  };

  return (
    <section className="card timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">
        {title ?? t('interaction.timeline')} {interactions && <span className="muted">({rows.length})</span>}
      </h2>
      {interactions && rows.length === 0 && <p className="muted">{t('interaction.none')}</p>}
      <div ref={scroller} className="timeline-scroller" data-testid="timeline">
        <ol style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index] as InteractionRow;
            return (
              <li
                key={row.id}
                ref={virtualizer.measureElement}
                data-index={item.index}
                className={`timeline-item timeline-${row.type}`}
                style={{ transform: `translateY(${item.start}px)` }}
                data-testid="timeline-item"
              >
                <div className="timeline-head">
                  <span className="badge">{t(`interaction.types.${row.type}`)}</span>
                  {row.direction && <span className="muted">{t(`interaction.${row.direction}`)}</span>}
                  <time className="muted" dateTime={new Date(row.at).toISOString()}>
                    {formatDateTime(row.at, i18n.language)}
                  </time>
                  <span className="muted">{members.get(row.createdBy)?.displayName}</span>
                  <button type="button" className="icon-button" aria-label={t('common.delete')} onClick={() => void handleDelete(row)}>
                    <Trash2 aria-hidden="true" size={16} />
                  </button>
                </div>
                {row.subject && <p className="timeline-subject">{row.subject}</p>}
                {row.amountMinor !== undefined && row.currency && <p className="timeline-amount">{formatMoney(row.amountMinor, row.currency, i18n.language)}</p>}
                {row.score !== undefined && <p>{t('interaction.scoreValue', { score: row.score, scale: row.scoreScale === 'csat' ? 5 : 10 })}</p>}
                {row.body && <p className="timeline-body">{row.body}</p>}
              </li>
            );
          })}
        </ol>
      </div>
    </section>
  );
}
