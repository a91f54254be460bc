import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { applyUpdate, postponeUpdate, serviceWorkerStore } from '../../../pwa/serviceWorker';

/** Updating reloads the page, so it waits for the user: never a silent reload in the middle of an edit. */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const updateWaiting = useStore(serviceWorkerStore, (state) => state.updateWaiting);
  if (!updateWaiting) return null;
  return (
    <div className="toast" role="alertdialog" aria-live="polite" aria-label={t('pwa.updateAvailable')}>
      <span>{t('pwa.updateAvailable')}</span>
      <div className="toast-actions">
        <button type="button" className="button" onClick={applyUpdate}>
          {t('pwa.reload')}
        </button>
        <button type="button" className="button button-secondary" onClick={postponeUpdate}>
          {t('pwa.later')}
        </button>
      </div>
    </div>
  );
}
