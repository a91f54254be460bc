import { useLiveQuery } from 'dexie-react-hooks';
import type { Task } from '../../../domain/work';
import { customerNamesOf } from '../../shared/hooks/useCustomerRecords';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';

/** What a task is about: a customer, and maybe one of their deals or tickets. */
export interface TaskLink {
  customerId?: string | undefined;
  dealId?: string | undefined;
  ticketId?: string | undefined;
}

export interface TasksWithCustomers {
  tasks: Task[];
  customerNames: Map<string, string>;
}

/** Live tasks (not deleted) about the link's most specific record, or all; undefined while loading. */
export function useTasks(link: TaskLink = {}): TasksWithCustomers | undefined {
  const { db } = useWorkspace();
  const { customerId, dealId, ticketId } = link;
  return useLiveQuery(async () => {
    const rows = customerId ? await db.tasks.where('customerId').equals(customerId).toArray() : await db.tasks.toArray();
    const tasks = rows.filter(
      (task) => task.deletedAt === undefined && (ticketId === undefined || task.ticketId === ticketId) && (dealId === undefined || task.dealId === dealId),
    );
    return { tasks, customerNames: await customerNamesOf(db, tasks) };
  }, [db, customerId, dealId, ticketId]);
}
