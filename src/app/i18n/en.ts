// English messages. The shape of this object is the contract every other language must fill.
export const en = {
  app: {
    name: 'Rapport',
    tagline: 'Your customers, on your devices.',
    skipToContent: 'Skip to content',
  },
  nav: {
    label: 'Main',
    home: 'Home',
    settings: 'Settings',
  },
  home: {
    title: 'Welcome to Rapport',
    lead: 'A CRM that lives on your own devices. It works without a connection and keeps your customer data private.',
    emptyWorkspace: 'This workspace is empty.',
    pointOffline: 'Works fully offline once it has loaded.',
    pointPrivate: 'Your data stays on this device; no server owns it.',
    pointInstall: 'Install it as an app on your phone or desktop.',
  },
  settings: {
    title: 'Settings',
    language: 'Language',
    languageHint: 'The language of Rapport on this device.',
    appearance: 'Appearance',
    appearanceHint: 'Light and dark follow your system setting.',
    storage: 'Storage on this device',
    storageUsage: '{{used}} used of {{available}} available',
    storageUnknown: 'This browser does not report storage use.',
    persisted: 'Protected: the browser will not clear this data to free space.',
    notPersisted: 'Not protected: the browser may clear this data when space runs low.',
    persist: 'Protect my data',
    persistRefused: 'The browser declined; installing Rapport as an app usually allows it.',
    app: 'App',
    version: 'Version {{version}}',
    checkForUpdates: 'Check for updates',
    upToDate: 'You have the latest version.',
    offlineNotAvailable: 'Offline use is not available in this browser.',
  },
  pwa: {
    updateAvailable: 'A new version of Rapport is available.',
    reload: 'Reload',
    later: 'Later',
    install: 'Install app',
    offlineReady: 'Rapport is ready to work offline.',
    dismiss: 'Dismiss',
  },
  notFound: {
    title: 'Page not found',
    back: 'Go to the home page',
  },
};

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
/** Every language provides exactly these keys, each a string; the compiler rejects a missing or extra key. */
export type MessageCatalog = Messages<typeof en>;
