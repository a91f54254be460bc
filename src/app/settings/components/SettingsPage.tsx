import { useTranslation } from 'react-i18next';
import { AppSection } from './AppSection';
import { DiagnosticsSection } from './DiagnosticsSection';
import { LanguageSection } from './LanguageSection';
import { StorageSection } from './StorageSection';
import { SyncSection } from '../../sync/components/SyncSection';

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1>{t('settings.title')}</h1>
      <LanguageSection />
      <section className="card">
        <h2>{t('settings.appearance')}</h2>
        <p className="muted">{t('settings.appearanceHint')}</p>
      </section>
      <SyncSection />
      <StorageSection />
      <DiagnosticsSection />
      <AppSection />
    </section>
  );
}
