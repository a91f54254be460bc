import { HardDrive, Smartphone, WifiOff } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { serviceWorkerStore } from '../../../pwa/serviceWorker';
import { InstallButton } from '../../shell/components/InstallButton';
import { RapportMark } from '../../shell/components/RapportMark';

export function HomePage() {
  const { t } = useTranslation();
  const offlineReady = useStore(serviceWorkerStore, (state) => state.offlineReady);
  return (
    <section className="page welcome">
      <RapportMark size={64} />
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.lead')}</p>
      <p className="muted" data-testid="workspace-empty">
        {t('home.emptyWorkspace')}
      </p>
      <ul className="welcome-points">
        <li>
          <WifiOff aria-hidden="true" size={20} />
          <span>{t('home.pointOffline')}</span>
        </li>
        <li>
          <HardDrive aria-hidden="true" size={20} />
          <span>{t('home.pointPrivate')}</span>
        </li>
        <li>
          <Smartphone aria-hidden="true" size={20} />
          <span>{t('home.pointInstall')}</span>
        </li>
      </ul>
      <InstallButton />
      {offlineReady && (
        <p className="status" role="status">
          {t('pwa.offlineReady')}
        </p>
      )}
    </section>
  );
}
