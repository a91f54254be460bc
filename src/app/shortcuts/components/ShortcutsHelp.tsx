import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { ShellDialog } from '../../palette/components/ShellDialog';
import '../../palette/palette.css';
import { usePaletteUi } from '../../palette/state/palette';

type KeyName = 'ctrl' | 'cmd' | 'shift' | 'alt' | 'escape' | 'enter' | 'left' | 'right' | 'up' | 'down';
/** A key press: keys held together. A shortcut: presses in sequence (g then c), or alternatives. */
type Press = readonly (KeyName | string)[];
interface Shortcut {
  item: 'palette' | 'goCustomers' | 'goPipeline' | 'goTickets' | 'goHome' | 'new' | 'search' | 'help' | 'paletteMove' | 'escape' | 'undo' | 'redo' | 'moveDeal';
  sequence?: readonly Press[];
  alternatives?: readonly Press[];
}

const NAMED = new Set<string>(['ctrl', 'cmd', 'shift', 'alt', 'escape', 'enter', 'left', 'right', 'up', 'down']);

/** Every shortcut of the app, in the order of the sheet; KeyboardShortcuts, NoticeBar and the pipeline board bind them. */
export function shortcutList(mac: boolean): Shortcut[] {
  const mod = mac ? 'cmd' : 'ctrl';
  return [
    { item: 'palette', alternatives: [[mod, 'K']] },
    { item: 'goCustomers', sequence: [['G'], ['C']] },
    { item: 'goPipeline', sequence: [['G'], ['P']] },
    { item: 'goTickets', sequence: [['G'], ['T']] },
    { item: 'goHome', sequence: [['G'], ['H']] },
    { item: 'new', alternatives: [['N']] },
    { item: 'search', alternatives: [['/']] },
    { item: 'help', alternatives: [['?']] },
    { item: 'paletteMove', alternatives: [['up'], ['down'], ['enter']] },
    { item: 'escape', alternatives: [['escape']] },
    { item: 'undo', alternatives: [[mod, 'Z']] },
    { item: 'redo', alternatives: [[mod, 'shift', 'Z']] },
    { item: 'moveDeal', alternatives: [['alt', 'left'], ['alt', 'right']] },
  ];
}

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export function ShortcutsHelp() {
  const open = usePaletteUi((state) => state.open);
  const close = usePaletteUi((state) => state.close);
  return open === 'help' ? <HelpSheet onClose={close} /> : null;
}

function HelpSheet({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const keyLabel = (key: string) => (NAMED.has(key) ? t(`shortcuts.keys.${key as KeyName}`) : key);
  const press = (keys: Press) => (
    <span className="shortcut-press">
      {keys.map((key, index) => (
        <Fragment key={key}>
          {index > 0 && <span aria-hidden="true">+</span>}
          <kbd>{keyLabel(key)}</kbd>
        </Fragment>
      ))}
    </span>
  );
  const joined = (presses: readonly Press[], word: string) =>
    presses.map((keys, index) => (
      <Fragment key={index}>
        {index > 0 && <span className="shortcut-word"> {word} </span>}
        {press(keys)}
      </Fragment>
    ));
  return (
    <ShellDialog labelledBy="shortcuts-title" className="shortcuts-sheet" onClose={onClose} testId="shortcuts-help">
      <header className="shortcuts-header">
        <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
        <button type="button" className="button button-secondary" onClick={onClose} autoFocus>
          {t('shortcuts.close')}
        </button>
      </header>
      <p className="muted">{t('shortcuts.intro')}</p>
      <dl className="shortcuts-list">
        {shortcutList(isMac()).map((shortcut) => (
          <div key={shortcut.item} className="shortcuts-row" data-testid="shortcut">
            <dt>{shortcut.sequence ? joined(shortcut.sequence, t('shortcuts.then')) : joined(shortcut.alternatives ?? [], t('shortcuts.or'))}</dt>
            <dd>{t(`shortcuts.items.${shortcut.item}`)}</dd>
          </div>
        ))}
      </dl>
    </ShellDialog>
  );
}
