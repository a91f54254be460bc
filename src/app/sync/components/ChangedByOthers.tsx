import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useMembers } from '../../customers/hooks/useMembers';
import { en } from '../../i18n/en';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { useLastViewed } from '../hooks/useLastViewed';
import '../sync.css';

/** "Changed by X since you last looked": the audit trail of the record by other members since this device's last view. */
export function ChangedByOthers({ recordId }: { recordId: string }) {
  const { t, i18n } = useTranslation();
  const client = useWorkspace();
  const members = useMembers();
  const since = useLastViewed(recordId);
  const changes = useLiveQuery(
    () =>
      typeof since === 'number'
        ? client.db.audit
            .where('[recordId+at]')
            .between([recordId, since], [recordId, Dexie.maxKey], false, true)
            .filter((entry) => entry.memberId !== client.identity.memberId)
            .toArray()
        : [],
    [client, recordId, since],
  );
  if (!changes?.length) return null;
  const names = [...new Set(changes.map((entry) => members.get(entry.memberId)?.displayName ?? t('history.someone')))];
  const label = (field: string) => (field in en.customer ? t(`customer.${field as keyof typeof en.customer}` as 'customer.name') : field);
  const fields = [...new Set(changes.map((entry) => label(entry.field)))];
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  return (
    <p className="changed-by-others" role="status" data-testid="changed-by-others">
      <span className="sync-dot sync-dot-syncing" aria-hidden="true" />
      {t('sync.changedBy', { names: list.format(names), fields: list.format(fields) })}
    </p>
  );
}
