import { useTranslation } from 'react-i18next';
import type { SyncPeerStatus } from '../../../data/sync/syncService';
import { formatDateTime } from '../../shared/format';
import { formatBytes } from '../../shared/formatBytes';

/** The workspace's other devices this one has met: online now, or when last seen. */
export function PeerList({ peers }: { peers: readonly SyncPeerStatus[] }) {
  const { t, i18n } = useTranslation();
  if (peers.length === 0) return <p className="muted">{t('sync.noPeers')}</p>;
  return (
    <ul className="sync-peers" data-testid="sync-peers">
      {peers.map((peer) => (
        <li key={peer.deviceId} data-online={peer.online}>
          <span className={`sync-dot sync-dot-${peer.online ? (peer.syncing ? 'syncing' : 'online') : 'offline'}`} aria-hidden="true" />
          <span className="sync-peer-name">{peer.displayName}</span>
          <span className="muted">{t('sync.peerDevice', { id: peer.deviceId.slice(-6) })}</span>
          <span className="muted">
            {peer.online
              ? peer.syncing
                ? t('sync.peerSyncing')
                : t('sync.peerOnline')
              : t('sync.peerOffline', { time: formatDateTime(peer.lastSeen, i18n.language) })}
          </span>
          {peer.traffic && (
            <span className="muted" data-testid="sync-peer-traffic">
              {t('sync.peerTraffic', { sent: formatBytes(peer.traffic.sent, i18n.language), received: formatBytes(peer.traffic.received, i18n.language) })}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
