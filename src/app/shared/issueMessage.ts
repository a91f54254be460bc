import type { TFunction } from 'i18next';
import type { FieldIssue } from '../../domain/validation';
import { en } from '../i18n/en';

type ValidationCode = keyof typeof en.validation;

/** A field issue (a stable code from the domain) in the reader's language. */
export function issueMessage(t: TFunction, issue: FieldIssue): string {
  return issue.code in en.validation ? t(`validation.${issue.code as ValidationCode}`) : t('validation.invalid');
}

/** The issues of one field, as one message. */
export function fieldMessage(t: TFunction, issues: readonly FieldIssue[], field: string): string | undefined {
  const messages = issues.filter((issue) => issue.field === field).map((issue) => issueMessage(t, issue));
  return messages.length ? [...new Set(messages)].join(' ') : undefined;
}
