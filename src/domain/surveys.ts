import { SCORE_SCALES, type ScoreScale } from './interaction';
import type { FieldIssue, Validated } from './validation';

// Survey answers recorded by hand: an NPS (0-10) or CSAT (1-5) score and a comment. They are interactions of type
// `survey` with `score` and `scoreScale` (interaction.ts), the shape the analytics read (NPS, CSAT, last NPS), so a
// hand-recorded answer counts exactly like an imported one.

export const SURVEY_SCALES = ['nps', 'csat'] as const satisfies readonly ScoreScale[];
export const SURVEY_COMMENT_MAX = 5_000;

export interface SurveyAnswer {
  scale: ScoreScale;
  score: number;
  comment?: string;
}

/**
 * Reads what was typed into the survey form. Each problem has its own code, so the form can say exactly what is
 * wrong: no scale, no score, not a number, not a whole number, or outside the scale (nps_out_of_range says 0-10,
 * csat_out_of_range 1-5).
 */
export function readSurveyAnswer(input: { scale: string; score: string; comment: string }): Validated<SurveyAnswer> {
  const issues: FieldIssue[] = [];
  const scale = input.scale === 'nps' || input.scale === 'csat' ? input.scale : undefined;
  if (!scale) issues.push({ field: 'scoreScale', code: input.scale ? 'invalid_scale' : 'scale_required' });
  const text = input.score.trim().replace(',', '.');
  let score: number | undefined;
  if (text === '') issues.push({ field: 'score', code: 'score_required' });
  else if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) issues.push({ field: 'score', code: 'score_not_number' });
  else if (!Number.isInteger(Number(text))) issues.push({ field: 'score', code: 'score_not_whole' });
  else {
    score = Number(text);
    if (scale) {
      const [min, max] = SCORE_SCALES[scale];
      if (score < min || score > max) issues.push({ field: 'score', code: `${scale}_out_of_range` });
    }
  }
  const comment = input.comment.trim();
  if (comment.length > SURVEY_COMMENT_MAX) issues.push({ field: 'comment', code: 'too_long' });
  if (issues.length || !scale || score === undefined) return { ok: false, issues };
  return { ok: true, value: { scale, score, ...(comment ? { comment } : {}) } };
}

/** NPS bands (promoter 9-10, passive 7-8, detractor 0-6) and CSAT's satisfied (4-5), as satisfaction.ts counts them. */
export function answerBand(answer: Pick<SurveyAnswer, 'scale' | 'score'>): 'promoter' | 'passive' | 'detractor' | 'satisfied' | 'unsatisfied' {
  if (answer.scale === 'csat') return answer.score >= 4 ? 'satisfied' : 'unsatisfied';
  return answer.score >= 9 ? 'promoter' : answer.score >= 7 ? 'passive' : 'detractor';
}
