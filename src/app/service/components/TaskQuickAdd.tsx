import { Plus } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../domain/validation';
import { MemberSelect } from '../../customers/components/MemberSelect';
import { FormActions } from '../../shared/components/FormActions';
import { FormField } from '../../shared/components/FormField';
import { fieldMessage } from '../../shared/issueMessage';
import { useNotices } from '../../shared/state/notices';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import type { TaskLink } from '../hooks/useTasks';

/** A follow-up in a few taps, tied to the record whose page it is on; assigned to the user unless changed. */
export function TaskQuickAdd({ link }: { link: TaskLink }) {
  const { t } = useTranslation();
  const client = useWorkspace();
  const show = useNotices((state) => state.show);
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [reminder, setReminder] = useState('');
  const [assigneeId, setAssigneeId] = useState(client.identity.memberId as string);
  const [issues, setIssues] = useState<FieldIssue[]>([]);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return setIssues([{ field: 'title', code: 'required' }]);
    const result = await client.call('createTask', {
      title: title.trim(),
      ...Object.fromEntries(Object.entries(link).filter(([, id]) => id)),
      ...(due ? { due: new Date(due).getTime() } : {}),
      ...(reminder ? { reminderAt: new Date(reminder).getTime() } : {}),
      ...(assigneeId ? { assigneeId } : {}),
    });
    if (!result.ok) return setIssues(result.issues);
    show(t('service.tasks.created'), true);
    setTitle('');
    setDue('');
    setReminder('');
    setIssues([]);
    setOpen(false);
  };

  if (!open) {
    return (
      <button type="button" className="button button-secondary" onClick={() => setOpen(true)} data-testid="task-add">
        <Plus aria-hidden="true" size={18} />
        <span>{t('service.tasks.add')}</span>
      </button>
    );
  }
  return (
    <form className="form-grid task-add-form" onSubmit={(event) => void handleSubmit(event)} noValidate aria-label={t('service.tasks.newTitle')} data-testid="task-form">
      <FormField id="task-title" className="field-title field-wide" label={t('service.tasks.taskTitle')} message={fieldMessage(t, issues, 'title')}>
        {(props) => <input {...props} name="title" autoComplete="off" autoFocus value={title} onChange={(event) => setTitle(event.target.value)} />}
      </FormField>
      <FormField id="task-due" className="field-due" label={t('service.tasks.due')} message={fieldMessage(t, issues, 'due')}>
        {(props) => <input {...props} name="due" type="datetime-local" value={due} onChange={(event) => setDue(event.target.value)} />}
      </FormField>
      <FormField id="task-reminder" className="field-reminder" label={t('service.tasks.reminder')} message={fieldMessage(t, issues, 'reminderAt')}>
        {(props) => <input {...props} name="reminderAt" type="datetime-local" value={reminder} onChange={(event) => setReminder(event.target.value)} />}
      </FormField>
      <FormField id="task-assignee" className="field-assignee" label={t('service.tasks.assignee')} message={fieldMessage(t, issues, 'assigneeId')}>
        {(props) => <MemberSelect {...props} name="assigneeId" value={assigneeId} onChange={setAssigneeId} />}
      </FormField>
      <FormActions submitLabel={t('service.tasks.add')} onCancel={() => setOpen(false)} />
    </form>
  );
}
