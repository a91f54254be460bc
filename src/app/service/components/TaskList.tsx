import type { Task } from '../../../domain/work';
import { sortTasks } from '../utils/sortTasks';
import { TaskItem } from './TaskItem';

/** Tasks in the order they are to be done; `empty` says so when there are none. */
export function TaskList({ tasks, customerNames, at, empty }: { tasks: readonly Task[]; customerNames: Map<string, string>; at: number; empty: string }) {
  if (!tasks.length) return <p className="muted">{empty}</p>;
  return (
    <ul className="plain-list task-list">
      {sortTasks(tasks).map((task) => (
        <li key={task.id}>
          <TaskItem task={task} customerName={task.customerId ? customerNames.get(task.customerId) : undefined} at={at} />
        </li>
      ))}
    </ul>
  );
}
