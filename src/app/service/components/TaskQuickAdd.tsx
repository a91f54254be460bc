import { Plus } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearch } from 'wouter';
import type { FieldIssue } from '../../../domain/validation';
import { MemberSelect } from '../../customers/components/MemberSelect';
import { DraftNotice } from '../../shared/components/DraftNotice';
import { FormActions } from '../../shared/components/FormActions';
import { FormField } from '../../shared/components/FormField';
import { useDraft } from '../../shared/hooks/useDraft';
import { fieldMessage } from '../../shared/issueMessage';
import { useNotices } from '../../shared/state/notices';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import type { TaskLink } from '../hooks/useTasks';

interface TaskDraft {
  title: string;
  due: string;
  reminder: string;
  assigneeId: string;
}

const isBlankTask = (draft: TaskDraft) => !draft.title.trim() && !draft.due && !draft.reminder;

/** The record a task form is on (its draft is kept per record): the most specific of the link, or `new`. */
function linkRecord(link: TaskLink): string | undefined {
  if (link.ticketId) return `ticket-${link.ticketId}`;
  if (link.dealId) return `deal-${link.dealId}`;
  if (link.customerId) return `customer-${link.customerId}`;
  return undefined;
}

/** A follow-up in a few taps, tied to the record whose page it is on; assigned to the user unless changed. */
export function TaskQuickAdd({ link }: { link: TaskLink }) {
  const { t } = useTranslation();
  const client = useWorkspace();
  const show = useNotices((state) => state.show);
  const record = linkRecord(link);
  // The Tasks page opens its form for /tasks?new=1 (the palette's and the "n" key's New task).
  const search = useSearch();
  const wantsNew = record === undefined && new URLSearchParams(search).has('new');
  const draft = useDraft<TaskDraft>('task', record, { title: '', due: '', reminder: '', assigneeId: client.identity.memberId as string }, isBlankTask);
  const [open, setOpen] = useState(draft.restored || wantsNew);
  const [seenSearch, setSeenSearch] = useState(search);
  if (search !== seenSearch) {
    setSeenSearch(search);
    if (wantsNew) setOpen(true);
  }
  const { title, due, reminder, assigneeId } = draft.value;
  const setField = (key: keyof TaskDraft) => (value: string) => draft.set((current) => ({ ...current, [key]: value }));
  const setTitle = setField('title');
  const setDue = setField('due');
  const setReminder = setField('reminder');
  const setAssigneeId = setField('assigneeId');
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
    draft.clear();
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
      <DraftNotice restored={draft.restored} onDiscard={draft.discard} />
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
