import { useTranslation } from 'react-i18next';
import { taskBucket } from '../../../domain/tasks';
import type { Task } from '../../../domain/work';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { useNow } from '../hooks/useNow';
import { useTasks } from '../hooks/useTasks';
import '../service.css';
import { useServiceUi, type TaskView } from '../state/serviceUi';
import { zoneOffset } from '../utils/zoneOffset';
import { NotificationPermission } from './NotificationPermission';
import { TaskList } from './TaskList';
import { TaskQuickAdd } from './TaskQuickAdd';

const VIEWS: readonly TaskView[] = ['mine', 'today', 'overdue', 'all'];

/** Open tasks: the user's own, today's, the overdue ones, or all, with reminders one tap from being switched on. */
export function TasksPage() {
  const { t } = useTranslation();
  const { identity } = useWorkspace();
  const at = useNow();
  const data = useTasks();
  const { taskView, setTaskView } = useServiceUi();
  if (!data) return null;
  const offset = zoneOffset(at);
  const shown: Record<TaskView, (task: Task) => boolean> = {
    mine: (task) => task.assigneeId === identity.memberId,
    today: (task) => taskBucket(task, at, offset) === 'today',
    overdue: (task) => taskBucket(task, at, offset) === 'overdue',
    all: () => true,
  };
  const tasks = data.tasks.filter((task) => !task.done && shown[taskView](task));
  return (
    <section className="page tasks-page">
      <header className="page-header">
        <h1>{t('service.tasks.title')}</h1>
        <NotificationPermission />
      </header>
      <div className="chips" role="group" aria-label={t('service.tasks.view')}>
        {VIEWS.map((view) => (
          <button key={view} type="button" className={`chip${view === taskView ? ' chip-active' : ''}`} aria-pressed={view === taskView} onClick={() => setTaskView(view)}>
            {t(`service.tasks.views.${view}`)}
          </button>
        ))}
      </div>
      <section className="card">
        <TaskQuickAdd link={{}} />
        <TaskList tasks={tasks} customerNames={data.customerNames} at={at} empty={t('service.tasks.none')} />
      </section>
    </section>
  );
}
