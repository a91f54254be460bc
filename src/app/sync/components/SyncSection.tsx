import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format';
import { useSyncInvite } from '../hooks/useSyncInvite';
import { useSyncStatus } from '../hooks/useSyncStatus';
import { InviteCard } from './InviteCard';
import { PeerList } from './PeerList';
import { RotateSecret } from './RotateSecret';
import { SyncFileCard } from './SyncFileCard';
import { SyncServersForm } from './SyncServersForm';
import '../sync.css';

/** Settings › Sync: the servers, who is online, what is still to send, invites, the secret and sync files. */
export function SyncSection() {
  const { t, i18n } = useTranslation();
  const status = useSyncStatus();
  const { invite, refresh } = useSyncInvite();
  return (
    <section className="card sync-section" id="sync" aria-labelledby="sync-title">
      <h2 id="sync-title">{t('sync.title')}</h2>
      <p className="muted">{t('sync.hint')}</p>
      {status && (
        <>
          <p className="sync-state" data-testid="sync-state" data-state={status.state}>
            <span className={`sync-dot sync-dot-${status.state}`} aria-hidden="true" />
            {t('sync.status', { state: t(`sync.state.${status.state}`) })}
          </p>
          {status.relay !== 'off' && (
            <p data-testid="relay-state" data-state={status.relay}>
              <span className={`sync-dot sync-dot-${status.relay}`} aria-hidden="true" /> {t('sync.relayStatus', { state: t(`sync.state.${status.relay}`) })}
            </p>
          )}
          <SyncServersForm current={{ signalingUrl: status.signalingUrl, relayUrl: status.relayUrl }} onSaved={refresh} />
          <h3>{t('sync.peers')}</h3>
          <PeerList peers={status.peers} />
          <p data-testid="sync-pending">
            {status.pendingChanges > 0 ? t('sync.pending', { count: status.pendingChanges }) : t('sync.noPending')}
          </p>
          <p>{t('sync.lastFullSync', { time: status.lastFullSync ? formatDateTime(status.lastFullSync, i18n.language) : t('sync.never') })}</p>
          {status.issues.length > 0 && <p className="muted">{t('sync.issues', { count: status.issues.length })}</p>}
        </>
      )}
      {invite && <InviteCard invite={invite} />}
      <RotateSecret onRotated={refresh} />
      <SyncFileCard />
    </section>
  );
}
