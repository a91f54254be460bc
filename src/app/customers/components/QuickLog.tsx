import { useLiveQuery } from 'dexie-react-hooks';
import { Calendar, Mail, MessageSquareWarning, NotebookPen, Phone, ShoppingCart } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InteractionType } from '../../../domain/interaction';
import type { FieldIssue } from '../../../domain/validation';
import { now } from '../../../platform/clock';
import { dateTimeInputValue, parseMoney } from '../../shared/format';
import { DraftNotice } from '../../shared/components/DraftNotice';
import { useDraft } from '../../shared/hooks/useDraft';
import { fieldMessage } from '../../shared/issueMessage';
import { useNotices } from '../../shared/state/notices';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';

const QUICK_TYPES = [
  { type: 'call', icon: Phone },
  { type: 'email', icon: Mail },
  { type: 'meeting', icon: Calendar },
  { type: 'note', icon: NotebookPen },
  { type: 'purchase', icon: ShoppingCart },
  { type: 'complaint', icon: MessageSquareWarning },
] as const satisfies readonly { type: InteractionType; icon: unknown }[];

type QuickType = (typeof QUICK_TYPES)[number]['type'];

/** What the quick log holds, kept as a draft on the device per customer while anything is typed. */
interface LogDraft {
  type: QuickType | null;
  subject: string;
  body: string;
  direction: 'outbound' | 'inbound';
  amount: string;
  at: string;
}

const EMPTY_LOG: LogDraft = { type: null, subject: '', body: '', direction: 'outbound', amount: '', at: '' };
const isBlankLog = (draft: LogDraft) => draft.type === null || (!draft.subject.trim() && !draft.body.trim() && !draft.amount.trim());

/** One tap to start logging what just happened with this customer (survey answers: SurveyForm, NPS or CSAT). */
export function QuickLog({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const client = useWorkspace();
  const show = useNotices((state) => state.show);
  const settings = useLiveQuery(() => client.db.device.get('settings'), [client.db]);
  const currency = (settings?.value as { currency?: string } | undefined)?.currency ?? 'USD';
  const draft = useDraft<LogDraft>('interaction', customerId, EMPTY_LOG, isBlankLog);
  const [shown, setShown] = useState(draft.restored);
  const { subject, body, direction, amount, at } = draft.value;
  const type = shown ? draft.value.type : null;
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const setField = <K extends keyof LogDraft>(key: K, value: LogDraft[K]) => draft.set((current) => ({ ...current, [key]: value }));
  const setSubject = (value: string) => setField('subject', value);
  const setBody = (value: string) => setField('body', value);
  const setDirection = (value: LogDraft['direction']) => setField('direction', value);
  const setAmount = (value: string) => setField('amount', value);
  const setAt = (value: string) => setField('at', value);
  const setType = (value: null) => setShown(value !== null);

  // Switching the type keeps what was typed (nothing typed is lost); a fresh log starts now.
  const open = (next: QuickType) => {
    draft.set((current) => ({ ...current, type: next, direction: next === 'complaint' ? 'inbound' : 'outbound', at: current.at || dateTimeInputValue(now()) }));
    setShown(true);
    setIssues([]);
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!type) return;
    const input: Record<string, unknown> = { customerId, type, at: at ? new Date(at).getTime() : now() };
    if (subject.trim()) input.subject = subject;
    if (body.trim()) input.body = body;
    if (type === 'call' || type === 'email' || type === 'complaint') input.direction = direction;
    if (type === 'purchase') {
      const minor = parseMoney(amount, currency, i18n.language);
      if (minor === null) return setIssues([{ field: 'amountMinor', code: amount.trim() ? 'invalid_amount' : 'required' }]);
      input.amountMinor = minor;
      input.currency = currency;
    }
    const result = await client.call('logInteraction', input);
    if (!result.ok) return setIssues(result.issues);
    // The leader opened a ticket for a complaint (serviceApi.logInteraction): say so, so the user knows where it went.
    show(type === 'complaint' ? t('service.tickets.complaintOpened') : t('notice.logged', { type: t(`interaction.types.${type}`) }), true);
    draft.clear();
    setType(null);
  };

  return (
    <section className="card quick-log" aria-label={t('interaction.log')}>
      <div className="quick-log-buttons">
        {QUICK_TYPES.map(({ type: option, icon: Icon }) => (
          <button
            key={option}
            type="button"
            className={`chip${type === option ? ' chip-active' : ''}`}
            aria-pressed={type === option}
            onClick={() => open(option)}
            data-testid={`log-${option}`}
          >
            <Icon aria-hidden="true" size={18} />
            <span>{t(`interaction.types.${option}`)}</span>
          </button>
        ))}
      </div>
      {type && (
        <form className="quick-log-form" onSubmit={(event) => void handleSubmit(event)} noValidate>
          <DraftNotice
            restored={draft.restored}
            onDiscard={() => {
              draft.discard();
              setType(null);
            }}
          />
          <label className="field">
            <span>{t('interaction.subject')}</span>
            <input name="subject" value={subject} onChange={(event) => setSubject(event.target.value)} autoFocus aria-invalid={fieldMessage(t, issues, 'subject') !== undefined} />
            {fieldMessage(t, issues, 'subject') && <span className="field-error">{fieldMessage(t, issues, 'subject')}</span>}
          </label>
          {(type === 'call' || type === 'email' || type === 'complaint') && (
            <label className="field">
              <span>{t('interaction.direction')}</span>
              <select name="direction" value={direction} onChange={(event) => setDirection(event.target.value as 'outbound' | 'inbound')}>
                <option value="outbound">{t('interaction.outbound')}</option>
                <option value="inbound">{t('interaction.inbound')}</option>
              </select>
            </label>
          )}
          {type === 'purchase' && (
            <label className="field">
              <span>{t('interaction.amount', { currency })}</span>
              <input name="amount" inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)} aria-invalid={fieldMessage(t, issues, 'amountMinor') !== undefined} />
              {fieldMessage(t, issues, 'amountMinor') && <span className="field-error">{fieldMessage(t, issues, 'amountMinor')}</span>}
            </label>
          )}
          <label className="field">
            <span>{t('interaction.when')}</span>
            <input name="at" type="datetime-local" value={at} onChange={(event) => setAt(event.target.value)} />
          </label>
          <label className="field field-wide">
            <span>{t('interaction.body')}</span>
            <textarea name="body" rows={3} value={body} onChange={(event) => setBody(event.target.value)} />
          </label>
          <div className="form-actions">
            <button type="submit" className="button" data-testid="log-save">
              {t('common.save')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setType(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
