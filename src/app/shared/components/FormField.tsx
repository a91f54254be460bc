import type { ReactNode } from 'react';

/** What a field's control needs to be named by its label and tied to its error message. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}

interface FormFieldProps {
  id: string;
  className: string;
  label: string;
  /** The field's problems in words, shown under it; undefined when it is fine. */
  message: string | undefined;
  hint?: string | undefined;
  /** For a control whose meaning its row already shows: the label is read out but not drawn. */
  labelHidden?: boolean;
  children: (control: FieldControlProps) => ReactNode;
}

/** A labelled form control with its hint and, when the value is wrong, the message under it. */
export function FormField({ id, className, label, message, hint, labelHidden = false, children }: FormFieldProps) {
  return (
    <div className={`field ${className}`}>
      <label htmlFor={id} {...(labelHidden ? { className: 'visually-hidden' } : {})}>
        {label}
      </label>
      {children({ id, 'aria-invalid': message !== undefined, ...(message ? { 'aria-describedby': `${id}-error` } : {}) })}
      {hint && <span className="muted field-hint">{hint}</span>}
      {message && (
        <span className="field-error" id={`${id}-error`} role="alert">
          {message}
        </span>
      )}
    </div>
  );
}
