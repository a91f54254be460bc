import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../../domain/fields';
import { GENDERS, LIFECYCLE_STAGES } from '../../../domain/customer';
import type { FieldIssue } from '../../../domain/validation';
import { DraftNotice } from '../../shared/components/DraftNotice';
import { FormActions } from '../../shared/components/FormActions';
import { FormField, type FieldControlProps } from '../../shared/components/FormField';
import { useDraft } from '../../shared/hooks/useDraft';
import { fieldMessage } from '../../shared/issueMessage';
import type { CustomerDraft } from '../utils/customerDraft';
import { MemberSelect } from './MemberSelect';

interface CustomerFormProps {
  initial: CustomerDraft;
  /** The customer edited (none: a new one): the draft kept on the device is per record. */
  recordId?: string | undefined;
  issues: readonly FieldIssue[];
  submitLabel: string;
  onSubmit: (draft: CustomerDraft) => void;
  onCancel: () => void;
}

/** Create and edit share one form; the domain validates, and each field shows its own problems. */
export function CustomerForm({ initial, recordId, issues, submitLabel, onSubmit, onCancel }: CustomerFormProps) {
  const { t } = useTranslation();
  const { value: draft, set: setDraft, restored, discard } = useDraft('customer', recordId, initial);
  const set = <K extends keyof CustomerDraft>(key: K, value: CustomerDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  const field = (key: keyof CustomerDraft, label: string, control: (props: FieldControlProps) => ReactNode, hint?: string) => (
    <FormField id={`customer-${key}`} className={`field-${key}`} label={label} message={fieldMessage(t, issues, key)} hint={hint}>
      {control}
    </FormField>
  );
  const text = (key: keyof CustomerDraft, label: string, type = 'text', autoComplete = 'off') =>
    field(key, label, (props) => (
      <input {...props} name={key} type={type} autoComplete={autoComplete} value={draft[key] as string} onChange={(event) => set(key, event.target.value as never)} />
    ));
  const area = (key: keyof CustomerDraft, label: string, rows: number, hint?: string) =>
    field(key, label, (props) => <textarea {...props} name={key} rows={rows} value={draft[key] as string} onChange={(event) => set(key, event.target.value as never)} />, hint);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(draft);
  };

  return (
    <form className="card form-grid" onSubmit={handleSubmit} noValidate data-testid="customer-form">
      <DraftNotice restored={restored} onDiscard={discard} />
      {field('kind', t('customer.kind'), (props) => (
        <select {...props} name="kind" value={draft.kind} onChange={(event) => set('kind', event.target.value as CustomerDraft['kind'])}>
          <option value="person">{t('customer.kinds.person')}</option>
          <option value="company">{t('customer.kinds.company')}</option>
        </select>
      ))}
      {text('name', t('customer.name'), 'text', 'name')}
      {text('company', t('customer.company'), 'text', 'organization')}
      {text('title', t('customer.title'), 'text', 'organization-title')}
      {area('emails', t('customer.emails'), 2, t('customer.listHint'))}
      {area('phones', t('customer.phones'), 2, t('customer.listHint'))}
      {text('address', t('customer.address'), 'text', 'street-address')}
      {text('birthday', t('customer.birthday'), 'date')}
      {field('gender', t('customer.gender'), (props) => (
        <select {...props} name="gender" value={draft.gender} onChange={(event) => set('gender', event.target.value)}>
          <option value="">{t('common.notSet')}</option>
          {GENDERS.map((gender) => (
            <option key={gender} value={gender}>
              {t(`customer.genders.${gender}`)}
            </option>
          ))}
        </select>
      ))}
      {text('source', t('customer.source'))}
      {field('ownerId', t('customer.owner'), (props) => (
        <MemberSelect {...props} name="ownerId" value={draft.ownerId} onChange={(memberId) => set('ownerId', memberId)} />
      ))}
      {text('tags', t('customer.tags'))}
      {field('lifecycle', t('customer.lifecycle'), (props) => (
        <select {...props} name="lifecycle" value={draft.lifecycle} onChange={(event) => set('lifecycle', event.target.value as CustomerDraft['lifecycle'])}>
          {LIFECYCLE_STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {t(`lifecycle.${stage}`)}
            </option>
          ))}
        </select>
      ))}
      {field('preferredChannel', t('customer.preferredChannel'), (props) => (
        <select {...props} name="preferredChannel" value={draft.preferredChannel} onChange={(event) => set('preferredChannel', event.target.value)}>
          <option value="">{t('common.notSet')}</option>
          {CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {t(`channel.${channel}`)}
            </option>
          ))}
        </select>
      ))}
      <fieldset className="field consent">
        <legend>{t('customer.consent')}</legend>
        {(['consentEmail', 'consentSms', 'consentPhone'] as const).map((key) => (
          <label key={key} className="checkbox">
            <input type="checkbox" name={key} checked={draft[key]} onChange={(event) => set(key, event.target.checked)} />
            <span>{t(`customer.${key}`)}</span>
          </label>
        ))}
      </fieldset>
      {area('needs', t('customer.needs'), 4)}
      <FormActions submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}
