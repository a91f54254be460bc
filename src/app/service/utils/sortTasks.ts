import type { Task } from '../../../domain/work';

/** Soonest due first, undated ones last, then the oldest: the order a day's work is done in. */
export function sortTasks(tasks: readonly Task[]): Task[] {
  return [...tasks].sort((a, b) => (a.due ?? Infinity) - (b.due ?? Infinity) || a.createdAt - b.createdAt);
}
