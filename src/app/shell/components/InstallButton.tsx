import { Download } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { installStore, promptInstall } from '../../../pwa/installPrompt';

export function InstallButton() {
  const { t } = useTranslation();
  const canInstall = useStore(installStore, (state) => state.canInstall);
  if (!canInstall) return null;
  return (
    <button type="button" className="button button-secondary install-button" onClick={() => void promptInstall()}>
      <Download aria-hidden="true" size={18} />
      <span>{t('pwa.install')}</span>
    </button>
  );
}
