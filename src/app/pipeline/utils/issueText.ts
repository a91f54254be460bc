import type { TFunction } from 'i18next';
import type { FieldIssue } from '../../../domain/validation';
import { en } from '../../i18n/en';
import { issueMessage } from '../../shared/issueMessage';

type PipelineIssue = keyof typeof en.pipeline.issues;

/** The issues of one field in words, with the pipeline's own codes (unknown_stage, …) as well as the shared ones. */
export function pipelineFieldMessage(t: TFunction, issues: readonly FieldIssue[], field: string): string | undefined {
  const messages = issues
    .filter((issue) => issue.field === field)
    .map((issue) => (issue.code in en.pipeline.issues ? t(`pipeline.issues.${issue.code as PipelineIssue}`) : issueMessage(t, issue)));
  return messages.length ? [...new Set(messages)].join(' ') : undefined;
}
