import { create } from 'zustand';

/** A task's reminder shown in the app until the user dismisses it (UI state only). */
export interface Reminder {
  taskId: string;
  title: string;
  /** Where the task's work is (its ticket, deal or customer), if anywhere. */
  href: string | undefined;
}

interface ReminderState {
  reminders: Reminder[];
  add: (reminders: readonly Reminder[]) => void;
  dismiss: (taskId: string) => void;
}

export const useReminders = create<ReminderState>((set) => ({
  reminders: [],
  add: (next) =>
    set((state) => ({ reminders: [...state.reminders.filter((shown) => !next.some((reminder) => reminder.taskId === shown.taskId)), ...next] })),
  dismiss: (taskId) => set((state) => ({ reminders: state.reminders.filter((reminder) => reminder.taskId !== taskId) })),
}));
