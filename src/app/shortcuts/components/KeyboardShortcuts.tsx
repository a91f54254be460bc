import { useEffect, useRef } from 'react';
import { useLocation } from 'wouter';
import { usePaletteUi } from '../../palette/state/palette';
import { newPathFor, ShortcutReader } from '../utils/keymap';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** The page's own search box, if it has one (the customer list's, the deals list's...). */
function pageSearch(): HTMLElement | null {
  return document.querySelector<HTMLElement>('main input[type="search"], main [role="search"] input');
}

/** Binds the app's keyboard shortcuts (listed in ShortcutsHelp); renders nothing. */
export function KeyboardShortcuts() {
  const [location, navigate] = useLocation();
  const reader = useRef(new ShortcutReader());
  const here = useRef(location);
  useEffect(() => {
    here.current = location;
  }, [location]);

  useEffect(() => {
    const handleKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const ui = usePaletteUi.getState();
      const command = reader.current.read({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        typing: isTyping(event.target),
        at: event.timeStamp,
      });
      if (!command) return;
      if (command.kind === 'palette') {
        event.preventDefault();
        if (ui.open === 'palette') ui.close();
        else ui.openPalette();
        return;
      }
      // Single keys do nothing while the palette or the help sheet is open (Escape closes them).
      if (ui.open !== null) return;
      event.preventDefault();
      if (command.kind === 'help') ui.openHelp();
      else if (command.kind === 'go') navigate(command.path);
      else if (command.kind === 'new') {
        const path = newPathFor(here.current);
        if (path) navigate(path);
      } else {
        const search = pageSearch();
        if (search) search.focus();
        else ui.openPalette();
      }
    };
    window.addEventListener('keydown', handleKey);
    return () => window.removeEventListener('keydown', handleKey);
  }, [navigate]);
  return null;
}
