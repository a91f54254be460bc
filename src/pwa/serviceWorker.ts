import { Workbox } from 'workbox-window';
import { createStore } from 'zustand/vanilla';

export interface ServiceWorkerState {
  /** False where the browser has no service workers (or in development), so offline use is impossible. */
  supported: boolean;
  /** The first service worker finished installing: the app shell is cached and loads offline. */
  offlineReady: boolean;
  /** A new version is installed and waits for the user's go-ahead. */
  updateWaiting: boolean;
  /** The last explicit update check found nothing new. */
  upToDate: boolean;
}

export const serviceWorkerStore = createStore<ServiceWorkerState>(() => ({
  supported: false,
  offlineReady: false,
  updateWaiting: false,
  upToDate: false,
}));

const HOURLY = 60 * 60 * 1000;
let workbox: Workbox | undefined;
let registration: ServiceWorkerRegistration | undefined;

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  serviceWorkerStore.setState({ supported: true });
  const wb = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
  workbox = wb;
  wb.addEventListener('waiting', () => serviceWorkerStore.setState({ updateWaiting: true, upToDate: false }));
  wb.addEventListener('activated', (event) => {
    if (!event.isUpdate) serviceWorkerStore.setState({ offlineReady: true });
  });
  void wb.register().then((registered) => {
    registration = registered;
    // A long-lived tab (an installed app left open for days) must still learn of new versions.
    setInterval(() => void wb.update(), HOURLY);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') void wb.update();
    });
  });
}

/** The user chose to update: activate the waiting worker, then reload once it controls the page. */
export function applyUpdate(): void {
  const wb = workbox;
  if (!wb) return;
  wb.addEventListener('controlling', () => window.location.reload());
  wb.messageSkipWaiting();
}

export function postponeUpdate(): void {
  serviceWorkerStore.setState({ updateWaiting: false });
}

export async function checkForUpdate(): Promise<void> {
  if (!workbox || !registration) return;
  serviceWorkerStore.setState({ upToDate: false });
  await workbox.update();
  if (!registration.waiting && !registration.installing) serviceWorkerStore.setState({ upToDate: true });
}
