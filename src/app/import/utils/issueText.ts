import type { TFunction } from 'i18next';
import { importMessages } from '../messages';

type IssueCode = keyof typeof importMessages.en.issue;

/** An issue code from the import pipeline or the domain's validation, in the reader's language. */
export function issueText(t: TFunction, code: string): string {
  return code in importMessages.en.issue ? t(`import.issue.${code as IssueCode}`) : t('import.issue.invalid');
}

/** A duration as "42 s" or "3 min", in the reader's language. */
export function formatDuration(ms: number, language: string): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  const [value, unit] = seconds < 90 ? [seconds, 'second'] : [Math.round(seconds / 60), 'minute'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
}
