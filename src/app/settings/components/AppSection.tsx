import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { checkForUpdate, serviceWorkerStore } from '../../../pwa/serviceWorker';
import { InstallButton } from '../../shell/components/InstallButton';

export function AppSection() {
  const { t } = useTranslation();
  const { supported, upToDate } = useStore(serviceWorkerStore);
  return (
    <section className="card">
      <h2>{t('settings.app')}</h2>
      <p>{t('settings.version', { version: __APP_VERSION__ })}</p>
      {supported ? (
        <div className="row">
          <button type="button" className="button button-secondary" onClick={() => void checkForUpdate()}>
            {t('settings.checkForUpdates')}
          </button>
          {upToDate && <span role="status">{t('settings.upToDate')}</span>}
        </div>
      ) : (
        <p className="muted">{t('settings.offlineNotAvailable')}</p>
      )}
      <InstallButton />
    </section>
  );
}
