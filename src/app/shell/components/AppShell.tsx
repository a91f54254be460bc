import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CommandPalette } from '../../palette/components/CommandPalette';
import { KeyboardShortcuts } from '../../shortcuts/components/KeyboardShortcuts';
import { ShortcutsHelp } from '../../shortcuts/components/ShortcutsHelp';
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
      <CommandPalette />
      <ShortcutsHelp />
      <KeyboardShortcuts />
    </div>
  );
}
