import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { NAVIGATION } from '../../navigation';
import { PaletteButton, ShortcutsButton } from '../../palette/components/PaletteButton';
import { SyncBadge } from '../../sync/components/SyncBadge';
import { InstallButton } from './InstallButton';
import { RapportMark } from './RapportMark';

export function NavigationBar() {
  const { t } = useTranslation();
  const [location] = useLocation();
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <div className="nav-brand">
        <RapportMark />
        <span>{t('app.name')}</span>
      </div>
      <SyncBadge />
      <PaletteButton />
      <ul className="nav-items">
        {NAVIGATION.map(({ path, label, icon: Icon }) => {
          const active = path === '/' ? location === '/' : location.startsWith(path);
          return (
            <li key={path}>
              <Link href={path} className="nav-link" aria-current={active ? 'page' : undefined}>
                <Icon aria-hidden="true" size={20} />
                <span>{t(label)}</span>
              </Link>
            </li>
          );
        })}
      </ul>
      <div className="nav-footer">
        <InstallButton />
        <ShortcutsButton />
      </div>
    </nav>
  );
}
