// Follow-up tasks: which day a task belongs to for the reader, and when it asks for attention. Pure: the reader's
// time zone comes in as an offset, so "today" across midnight is checkable in Node for any zone.

const DAY = 86_400_000;
const MINUTE = 60_000;

export type TaskBucket = 'done' | 'overdue' | 'today' | 'upcoming' | 'undated';

export interface TaskTiming {
  done: boolean;
  due?: number | undefined;
  reminderAt?: number | undefined;
  deletedAt?: number | undefined;
}

/** Midnight that starts the local day holding `at`, in a zone `offsetMinutes` east of UTC (Beijing: 480). */
export function localDayStart(at: number, offsetMinutes: number): number {
  const local = at + offsetMinutes * MINUTE;
  return local - (((local % DAY) + DAY) % DAY) - offsetMinutes * MINUTE;
}

/**
 * Days, not hours, decide: a task due at 9:00 is still "today" at 10:00, and becomes overdue at the reader's
 * midnight, so the Today list holds everything the day was meant for.
 */
export function taskBucket(task: TaskTiming, at: number, offsetMinutes: number): TaskBucket {
  if (task.done) return 'done';
  if (task.due === undefined) return 'undated';
  const today = localDayStart(at, offsetMinutes);
  if (task.due < today) return 'overdue';
  return task.due < today + DAY ? 'today' : 'upcoming';
}

/** What the app badge shows: live tasks overdue or due today. */
export function attentionCount(tasks: readonly TaskTiming[], at: number, offsetMinutes: number): number {
  return tasks.filter((task) => task.deletedAt === undefined && ['overdue', 'today'].includes(taskBucket(task, at, offsetMinutes))).length;
}

/** When a task asks for attention: its reminder, else its due time. */
export function alertTime(task: TaskTiming): number | undefined {
  return task.reminderAt ?? task.due;
}

/** Live open tasks whose alert time falls in (after, upTo]: the reminders to show now. */
export function remindersBetween<T extends TaskTiming>(tasks: readonly T[], after: number, upTo: number): T[] {
  return tasks.filter((task) => {
    const alert = alertTime(task);
    return !task.done && task.deletedAt === undefined && alert !== undefined && alert > after && alert <= upTo;
  });
}
