import { Keyboard, Search } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import '../palette.css';
import { usePaletteUi } from '../state/palette';

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** Opens the command palette with a tap (touch users have no Ctrl+K). */
export function PaletteButton() {
  const { t } = useTranslation();
  const openPalette = usePaletteUi((state) => state.openPalette);
  return (
    <button type="button" className="palette-button" onClick={openPalette} aria-keyshortcuts={isMac() ? 'Meta+K' : 'Control+K'} data-testid="palette-button">
      <Search aria-hidden="true" size={20} />
      <span className="palette-button-long">{t('palette.open')}</span>
      <span className="palette-button-short">{t('palette.openShort')}</span>
      <kbd className="palette-button-kbd" aria-hidden="true">
        {isMac() ? '⌘K' : 'Ctrl K'}
      </kbd>
    </button>
  );
}

/** Opens the keyboard shortcuts sheet (also "?"); shown with the sidebar, where there is a keyboard. */
export function ShortcutsButton() {
  const { t } = useTranslation();
  const openHelp = usePaletteUi((state) => state.openHelp);
  return (
    <button type="button" className="button button-secondary shortcuts-button" onClick={openHelp} aria-keyshortcuts="?" data-testid="shortcuts-button">
      <Keyboard aria-hidden="true" size={18} />
      <span>{t('shortcuts.open')}</span>
    </button>
  );
}
