import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../domain/member';
import { en } from '../../i18n/en';
import { formatDateTime } from '../../shared/format';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';

const PAGE = 20;

function show(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (Array.isArray(value)) return value.join(', ') || '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Who changed what on this record, when, from which value to which: the audit trail, newest first. */
export function CustomerHistory({ recordId, members }: { recordId: string; members: Map<string, Member> }) {
  const { t, i18n } = useTranslation();
  const { db } = useWorkspace();
  const [limit, setLimit] = useState(PAGE);
  const entries = useLiveQuery(
    () => db.audit.where('[recordId+at]').between([recordId, 0], [recordId, Infinity]).reverse().limit(limit + 1).toArray(),
    [db, recordId, limit],
  );
  if (!entries?.length) return null;
  return (
    <section className="card history" aria-labelledby="history-title">
      <h2 id="history-title">{t('history.title')}</h2>
      <ol className="history-list" data-testid="history">
        {entries.slice(0, limit).map((entry) => (
          <li key={entry.id}>
            <time className="muted" dateTime={new Date(entry.at).toISOString()}>
              {formatDateTime(entry.at, i18n.language)}
            </time>{' '}
            <strong>{members.get(entry.memberId)?.displayName ?? t('history.someone')}</strong>{' '}
            {entry.field === 'deletedAt'
              ? t(entry.to === undefined ? 'history.restored' : 'history.deleted')
              : t('history.changed', {
                  field: entry.field in en.customer ? t(`customer.${entry.field as keyof typeof en.customer}` as 'customer.name') : entry.field,
                  from: show(entry.from),
                  to: show(entry.to),
                })}
          </li>
        ))}
      </ol>
      {entries.length > limit && (
        <button type="button" className="button button-secondary" onClick={() => setLimit(limit + PAGE)}>
          {t('history.more')}
        </button>
      )}
    </section>
  );
}
