import { useTranslation } from 'react-i18next';
import { CardSection } from '../../shared/components/CardSection';
import { useNow } from '../hooks/useNow';
import { useTasks, type TaskLink } from '../hooks/useTasks';
import '../service.css';
import { TaskList } from './TaskList';
import { TaskQuickAdd } from './TaskQuickAdd';

/** The open follow-ups of a customer, deal or ticket on its page, and a new one for it. */
export function LinkedTasks({ link, canAdd }: { link: TaskLink; canAdd: boolean }) {
  const { t } = useTranslation();
  const at = useNow();
  const data = useTasks(link);
  if (!data) return null;
  return (
    <CardSection id="linked-tasks" title={t('service.tasks.linkedTitle')} testId="linked-tasks">
      <TaskList tasks={data.tasks.filter((task) => !task.done)} customerNames={data.customerNames} at={at} empty={t('service.tasks.none')} />
      {canAdd && <TaskQuickAdd link={link} />}
    </CardSection>
  );
}
