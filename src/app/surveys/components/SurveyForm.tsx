import { Star } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerId } from '../../../domain/ids';
import { SURVEY_SCALES, readSurveyAnswer } from '../../../domain/surveys';
import type { ScoreScale } from '../../../domain/interaction';
import type { FieldIssue } from '../../../domain/validation';
import { now } from '../../../platform/clock';
import { en } from '../../i18n/en';
import { ChoiceSelect } from '../../shared/components/ChoiceSelect';
import { FormField } from '../../shared/components/FormField';
import { dateTimeInputValue } from '../../shared/format';
import { issueMessage } from '../../shared/issueMessage';
import { useNotices } from '../../shared/state/notices';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import '../../campaigns/campaigns.css';

type SurveyIssue = keyof typeof en.surveys.issues;

/**
 * An NPS (0-10) or CSAT (1-5) answer with its comment, recorded by hand on the customer's page. It is a survey
 * interaction with its score and scale, so it shows on the timeline and counts in Insights' NPS and CSAT.
 */
export function SurveyForm({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const client = useWorkspace();
  const show = useNotices((state) => state.show);
  const [open, setOpen] = useState(false);
  const [scale, setScale] = useState<ScoreScale>('nps');
  const [score, setScore] = useState('');
  const [comment, setComment] = useState('');
  const [at, setAt] = useState('');
  const [issues, setIssues] = useState<FieldIssue[]>([]);

  const message = (field: string) => {
    const messages = issues.filter((issue) => issue.field === field).map((issue) => (issue.code in en.surveys.issues ? t(`surveys.issues.${issue.code as SurveyIssue}`) : issueMessage(t, issue)));
    return messages.length ? [...new Set(messages)].join(' ') : undefined;
  };

  const handleOpen = () => {
    setOpen(true);
    setScore('');
    setComment('');
    setAt(dateTimeInputValue(now()));
    setIssues([]);
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const input = { scale, score, comment };
    // Checked here first so each problem shows at once; the leader checks the same way before writing.
    const checked = readSurveyAnswer(input);
    if (!checked.ok) return setIssues(checked.issues);
    const result = await client.call('recordSurveyAnswer', customerId as CustomerId, {
      ...input,
      subject: t(`surveys.questions.${scale}`),
      ...(at ? { at: new Date(at).getTime() } : {}),
    });
    if (!result.ok) return setIssues(result.issues);
    show(t('surveys.recorded'), true);
    setOpen(false);
  };

  return (
    <section className="card survey" aria-labelledby="survey-title">
      <header className="card-header">
        <h2 id="survey-title">{t('surveys.title')}</h2>
        {!open && (
          <button type="button" className="button button-secondary" onClick={handleOpen} data-testid="survey-open">
            <Star aria-hidden="true" size={18} />
            <span>{t('surveys.open')}</span>
          </button>
        )}
      </header>
      {open && (
        <form className="survey-form" onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="survey-form">
          <FormField id="survey-scale" className="field-scale" label={t('surveys.scale')} message={message('scoreScale')}>
            {(control) => <ChoiceSelect {...control} name="scale" value={scale} options={SURVEY_SCALES} label={(option) => t(`surveys.scales.${option}`)} onChange={setScale} />}
          </FormField>
          <FormField id="survey-score" className="field-score" label={t('surveys.score')} message={message('score')} hint={t(`surveys.scoreHint.${scale}`)}>
            {(control) => <input {...control} name="score" inputMode="numeric" autoComplete="off" value={score} onChange={(event) => setScore(event.target.value)} />}
          </FormField>
          <FormField id="survey-at" className="field-at" label={t('surveys.when')} message={message('at')}>
            {(control) => <input {...control} name="at" type="datetime-local" value={at} onChange={(event) => setAt(event.target.value)} />}
          </FormField>
          <FormField id="survey-comment" className="field-wide" label={t('surveys.comment')} message={message('comment')}>
            {(control) => <textarea {...control} name="comment" rows={3} value={comment} onChange={(event) => setComment(event.target.value)} />}
          </FormField>
          <div className="form-actions">
            <button type="submit" className="button">
              {t('surveys.save')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
