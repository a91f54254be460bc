import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { taskBucket } from '../../../domain/tasks';
import { CardSection } from '../../shared/components/CardSection';
import { useNow } from '../hooks/useNow';
import { useTasks } from '../hooks/useTasks';
import '../service.css';
import { zoneOffset } from '../utils/zoneOffset';
import { TaskList } from './TaskList';

/** Home's part of the day's work: the tasks due today and the overdue ones, to be finished from here. */
export function HomeTasks() {
  const { t } = useTranslation();
  const at = useNow();
  const data = useTasks();
  if (!data) return null;
  const offset = zoneOffset(at);
  const tasks = data.tasks.filter((task) => ['today', 'overdue'].includes(taskBucket(task, at, offset)));
  return (
    <CardSection id="home-tasks" title={t('service.home.todayTasks')} action={<Link href="/tasks">{t('service.tasks.title')}</Link>} testId="home-tasks">
      <TaskList tasks={tasks} customerNames={data.customerNames} at={at} empty={t('service.home.noTasks')} />
    </CardSection>
  );
}
