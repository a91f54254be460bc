import type { TFunction } from 'i18next';
import { importMessages } from '../messages';

type IssueCode = keyof typeof importMessages.en.issue;

/** An issue code from the import pipeline or the domain's validation, in the reader's language. */
export function issueText(t: TFunction, code: string): string {
  return code in importMessages.en.issue ? t(`import.issue.${code as IssueCode}`) : t('import.issue.invalid');
}
