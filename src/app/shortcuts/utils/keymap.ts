// Keyboard shortcuts outside text fields: what a key (or the two-key "g then c" sequences) means. Pure: no DOM.

export type ShortcutCommand =
  | { kind: 'palette' }
  | { kind: 'help' }
  | { kind: 'new' }
  | { kind: 'search' }
  | { kind: 'go'; path: string };

/** "g" then one of these letters goes to the page. */
export const GO_TARGETS: Readonly<Record<string, string>> = { c: '/customers', p: '/pipeline', t: '/tickets', h: '/' };

/** How long after "g" the second key still counts. */
export const SEQUENCE_MS = 1500;

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The key went to a text field, a select or an editable element. */
  typing: boolean;
  /** Milliseconds, any clock. */
  at: number;
}

/** Reads key presses one by one and says which shortcut, if any, they complete. */
export class ShortcutReader {
  private pendingG: number | null = null;

  read(press: KeyPress): ShortcutCommand | null {
    const { key, ctrlKey, metaKey, altKey, typing, at } = press;
    if ((ctrlKey || metaKey) && !altKey && key.toLowerCase() === 'k') {
      this.pendingG = null;
      return { kind: 'palette' };
    }
    if (typing || ctrlKey || metaKey || altKey) {
      this.pendingG = null;
      return null;
    }
    if (key === 'Shift') return null;
    const afterG = this.pendingG !== null && at - this.pendingG <= SEQUENCE_MS;
    this.pendingG = null;
    if (afterG) {
      const path = GO_TARGETS[key.toLowerCase()];
      return path === undefined ? null : { kind: 'go', path };
    }
    if (key === 'g' || key === 'G') {
      this.pendingG = at;
      return null;
    }
    if (key === '?') return { kind: 'help' };
    if (key === '/') return { kind: 'search' };
    if (key === 'n' || key === 'N') return { kind: 'new' };
    return null;
  }
}

/** Where "n" (new) leads from a page; null where nothing is created. */
export function newPathFor(location: string): string | null {
  const path = location.split('?')[0] ?? '';
  if (path === '/customers' || path.startsWith('/customers/')) return '/customers/new';
  if (path === '/pipeline' || path.startsWith('/pipeline/') || path.startsWith('/deals')) return '/deals/new';
  if (path === '/tickets' || path.startsWith('/tickets/')) return '/tickets/new';
  if (path === '/tasks') return '/tasks?new=1';
  if (path === '/campaigns' || path.startsWith('/campaigns/')) return '/campaigns/new';
  return null;
}

/** The customer whose page is open (not its edit form, not the new-customer form), or null. */
export function openCustomerId(location: string): string | null {
  const match = /^\/customers\/([^/?#]+)\/?$/.exec(location.split('?')[0] ?? '');
  return match?.[1] && match[1] !== 'new' ? decodeURIComponent(match[1]) : null;
}
