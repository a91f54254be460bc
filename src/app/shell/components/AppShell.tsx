import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavigationBar } from './NavigationBar';
import { UpdatePrompt } from './UpdatePrompt';

export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <NavigationBar />
      <main id="main" className="shell-main" tabIndex={-1}>
        {children}
      </main>
      <UpdatePrompt />
    </div>
  );
}
