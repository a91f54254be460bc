import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startI18n } from './app/i18n/i18n';
import { pickLanguage } from './app/i18n/languages';
import { usePreferences } from './app/state/preferences';
import { listenForInstallOffer } from './pwa/installPrompt';
import { registerServiceWorker } from './pwa/serviceWorker';
import './app/styles.css';

listenForInstallOffer();
registerServiceWorker();
await startI18n(usePreferences.getState().language ?? pickLanguage(navigator.languages));

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks the #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
