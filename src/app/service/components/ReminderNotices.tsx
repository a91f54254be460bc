import { BellRing, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useTaskReminders } from '../hooks/useTaskReminders';
import '../service.css';
import { useReminders } from '../state/reminders';

/** Mounted once for the whole app: watches task times and shows each reminder until dismissed. */
export function ReminderNotices() {
  const { t } = useTranslation();
  useTaskReminders();
  const { reminders, dismiss } = useReminders();
  if (!reminders.length) return null;
  return (
    <div className="reminders">
      {reminders.map((reminder) => (
        <div key={reminder.taskId} className="reminder" role="alert" data-testid="task-reminder">
          <BellRing aria-hidden="true" size={18} />
          {reminder.href ? (
            <Link href={reminder.href}>{t('service.tasks.reminderNotice', { title: reminder.title })}</Link>
          ) : (
            <span>{t('service.tasks.reminderNotice', { title: reminder.title })}</span>
          )}
          <button type="button" className="icon-button" aria-label={t('service.tasks.dismiss')} onClick={() => dismiss(reminder.taskId)}>
            <X aria-hidden="true" size={16} />
          </button>
        </div>
      ))}
    </div>
  );
}
