import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useSyncStatus } from '../hooks/useSyncStatus';
import '../sync.css';

/** Online, offline or syncing, in a corner of every page; opens Settings › Sync. */
export function SyncBadge() {
  const { t } = useTranslation();
  const status = useSyncStatus();
  if (!status) return null;
  const state = t(`sync.state.${status.state}`);
  return (
    <Link
      href="/settings#sync"
      className={`sync-badge sync-badge-${status.state}`}
      aria-label={t('sync.badgeLabel', { state })}
      data-testid="sync-badge"
      data-state={status.state}
    >
      <span className="sync-dot" aria-hidden="true" />
      <span className="sync-badge-text" aria-hidden="true">
        {state}
      </span>
    </Link>
  );
}
