import { createStore } from 'zustand/vanilla';

/** Chromium's install event; not in TypeScript's DOM library because it is not standardised. */
interface BeforeInstallPromptEvent extends Event {
  prompt: () => Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export interface InstallState {
  /** The browser offered installation and the app is not installed yet. */
  canInstall: boolean;
}

export const installStore = createStore<InstallState>(() => ({ canInstall: false }));

let deferred: BeforeInstallPromptEvent | undefined;

/** Must run before the first render: the browser fires its offer once, early. */
export function listenForInstallOffer(): void {
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    deferred = event as BeforeInstallPromptEvent;
    installStore.setState({ canInstall: true });
  });
  window.addEventListener('appinstalled', () => {
    deferred = undefined;
    installStore.setState({ canInstall: false });
  });
}

export async function promptInstall(): Promise<void> {
  const offer = deferred;
  if (!offer) return;
  // An offer can be used once; the browser makes a new one if the user dismisses this.
  deferred = undefined;
  installStore.setState({ canInstall: false });
  await offer.prompt();
  await offer.userChoice;
}
