import { Check, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { taskBucket } from '../../../domain/tasks';
import type { Task } from '../../../domain/work';
import { formatDateTime } from '../../shared/format';
import { useSoftDelete } from '../../shared/hooks/useSoftDelete';
import { useNotices } from '../../shared/state/notices';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { taskHref } from '../utils/taskHref';
import { zoneOffset } from '../utils/zoneOffset';

/**
 * One open task. Finishing a follow-up with a customer offers to log the call that did it, so the customer's
 * timeline shows the contact without a second step.
 */
export function TaskItem({ task, customerName, at }: { task: Task; customerName: string | undefined; at: number }) {
  const { t, i18n } = useTranslation();
  const client = useWorkspace();
  const show = useNotices((state) => state.show);
  const { remove } = useSoftDelete();
  const [asking, setAsking] = useState(false);
  const overdue = taskBucket(task, at, zoneOffset(at)) === 'overdue';
  const href = taskHref(task);

  const complete = async (logCall: boolean) => {
    const log = logCall && task.customerId
      ? {
          customerId: task.customerId,
          type: 'call',
          direction: 'outbound',
          subject: t('service.tasks.logSubject', { title: task.title }),
          ...(task.dealId ? { dealId: task.dealId } : {}),
          ...(task.ticketId ? { ticketId: task.ticketId } : {}),
        }
      : undefined;
    const result = await client.call('completeTask', task.id, log);
    setAsking(false);
    if (result.ok) show(t('service.tasks.completed'), true);
  };

  return (
    <div className="task-item" data-testid="task-item">
      <button
        type="button"
        className="icon-button task-done"
        aria-label={t('service.tasks.completeLabel', { title: task.title })}
        onClick={() => (task.customerId ? setAsking(true) : void complete(false))}
      >
        <Check aria-hidden="true" size={18} />
      </button>
      <div className="task-body">
        <span className="task-title">{task.title}</span>
        <span className="task-meta">
          {task.due !== undefined && (
            <span className={overdue ? 'badge badge-overdue' : 'muted'}>
              {overdue && `${t('service.tasks.overdue')} · `}
              {formatDateTime(task.due, i18n.language)}
            </span>
          )}
          {href && customerName && <Link href={href}>{t('service.tasks.for', { name: customerName })}</Link>}
        </span>
      </div>
      <button type="button" className="icon-button" aria-label={t('service.tasks.deleteLabel', { title: task.title })} onClick={() => void remove({ kind: 'task', id: task.id }, t('service.tasks.deleted'))}>
        <Trash2 aria-hidden="true" size={16} />
      </button>
      {asking && (
        <div className="task-log-prompt" role="group" aria-label={t('service.tasks.logPrompt', { name: customerName ?? '' })}>
          <p>{t('service.tasks.logPrompt', { name: customerName ?? '' })}</p>
          <button type="button" className="button" onClick={() => void complete(true)} data-testid="task-log-call">
            {t('service.tasks.logAndComplete')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => void complete(false)}>
            {t('service.tasks.completeOnly')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
            {t('common.cancel')}
          </button>
        </div>
      )}
    </div>
  );
}
