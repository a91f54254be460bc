import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { checkTemplate, MERGE_FIELDS } from '../../../domain/campaigns';
import { MERGE_FIELD_LIST, templateMessage } from '../utils/campaignText';

interface TemplateFieldProps {
  id: string;
  name: 'subject' | 'template';
  label: string;
  value: string;
  /** A problem the leader reported that the live check does not show. */
  serverMessage: string | undefined;
  multiline: boolean;
  onChange: (value: string) => void;
}

/** A text with merge fields: checked as it is typed, each unknown field named; a menu inserts a known one. */
export function TemplateField({ id, name, label, value, serverMessage, multiline, onChange }: TemplateFieldProps) {
  const { t } = useTranslation();
  const control = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const message = templateMessage(t, checkTemplate(value)) ?? serverMessage;
  const describedBy = [`${id}-hint`, ...(message ? [`${id}-error`] : [])].join(' ');

  const handleInsert = (field: string) => {
    if (!field) return;
    const element = control.current;
    const at = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? at;
    onChange(`${value.slice(0, at)}{{${field}}}${value.slice(end)}`);
    element?.focus();
  };

  const props = {
    id,
    name,
    value,
    'aria-invalid': message !== undefined,
    'aria-describedby': describedBy,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  };
  return (
    <div className={`field field-${name}${multiline ? ' field-wide' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea ref={control} rows={5} {...props} /> : <input ref={control} type="text" autoComplete="off" {...props} />}
      <span className="muted field-hint" id={`${id}-hint`}>
        {t('campaigns.template.hint', { fields: MERGE_FIELD_LIST })}
      </span>
      <select aria-label={`${t('campaigns.template.insert')}: ${label}`} value="" onChange={(event) => handleInsert(event.target.value)} className="merge-insert">
        <option value="">{t('campaigns.template.insert')}</option>
        {MERGE_FIELDS.map((field) => (
          <option key={field} value={field}>{`{{${field}}}`}</option>
        ))}
      </select>
      {message && (
        <span className="field-error" id={`${id}-error`} role="alert">
          {message}
        </span>
      )}
    </div>
  );
}
