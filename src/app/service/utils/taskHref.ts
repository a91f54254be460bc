import type { Task } from '../../../domain/work';

/** The page where a task's work is: its ticket, else its deal, else its customer. */
export function taskHref(task: Pick<Task, 'ticketId' | 'dealId' | 'customerId'>): string | undefined {
  if (task.ticketId) return `/tickets/${task.ticketId}`;
  if (task.dealId) return `/deals/${task.dealId}`;
  return task.customerId ? `/customers/${task.customerId}` : undefined;
}
