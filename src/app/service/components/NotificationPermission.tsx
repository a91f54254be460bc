import { BellRing } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Asks for system notifications only when the user presses the button: browsers ignore (or punish) unasked prompts. */
export function NotificationPermission() {
  const { t } = useTranslation();
  const [permission, setPermission] = useState(() => (typeof Notification === 'undefined' ? null : Notification.permission));
  if (permission === null) return null;
  if (permission === 'granted') return <p className="muted">{t('service.tasks.notifyGranted')}</p>;
  if (permission === 'denied') return <p className="muted">{t('service.tasks.notifyDenied')}</p>;
  return (
    <button type="button" className="button button-secondary" onClick={() => void Notification.requestPermission().then(setPermission)}>
      <BellRing aria-hidden="true" size={18} />
      <span>{t('service.tasks.notifyOn')}</span>
    </button>
  );
}
