import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { attentionCount, remindersBetween } from '../../../domain/tasks';
import { notifySystem, setAppBadge } from '../../../platform/attention';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { useReminders } from '../state/reminders';
import { taskHref } from '../utils/taskHref';
import { zoneOffset } from '../utils/zoneOffset';
import { useNow } from './useNow';

const CHECK_EVERY_MS = 15_000;

/**
 * While the app is open: each task whose reminder (else due) time passes raises an in-app reminder, and a system
 * notification when the user has allowed them; the app badge shows how many tasks are overdue or due today.
 * Only times passed since the app opened remind, so opening the app does not replay a day of reminders.
 */
export function useTaskReminders(): void {
  const { t } = useTranslation();
  const { db } = useWorkspace();
  const time = useNow(CHECK_EVERY_MS);
  const tasks = useLiveQuery(() => db.tasks.toArray(), [db]);
  const checkedUpTo = useRef(time);
  const add = useReminders((state) => state.add);

  useEffect(() => {
    if (!tasks || time <= checkedUpTo.current) return;
    const due = remindersBetween(tasks, checkedUpTo.current, time);
    checkedUpTo.current = time;
    if (!due.length) return;
    add(due.map((task) => ({ taskId: task.id, title: task.title, href: taskHref(task) })));
    for (const task of due) void notifySystem(t('service.tasks.reminderNotice', { title: task.title }), task.id).catch(() => undefined);
  }, [tasks, time, add, t]);

  const count = tasks ? attentionCount(tasks, time, zoneOffset(time)) : 0;
  useEffect(() => {
    void setAppBadge(count).catch(() => undefined);
  }, [count]);
}
