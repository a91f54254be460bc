// Net Promoter Score and customer satisfaction from survey answers, overall and per calendar month (UTC).
import { monthKey, utcMonthIndex } from './time';

export interface SurveyAnswer {
  /** Epoch ms. */
  at: number;
  score: number;
}

export interface NpsSummary {
  responses: number;
  /** Scores 9-10. */
  promoters: number;
  /** Scores 7-8. */
  passives: number;
  /** Scores 0-6. */
  detractors: number;
  /** % promoters - % detractors, -100..100; null without responses. */
  nps: number | null;
}

export interface CsatSummary {
  responses: number;
  /** Answers 4 or 5 on the 1-5 scale. */
  satisfied: number;
  /** % satisfied, 0..100; null without responses. */
  csat: number | null;
}

export function nps(answers: readonly SurveyAnswer[]): NpsSummary {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  answers.forEach((answer, i) => {
    const score = checkScore(answer.score, 0, 10, i);
    if (score >= 9) promoters++;
    else if (score >= 7) passives++;
    else detractors++;
  });
  const responses = answers.length;
  return { responses, promoters, passives, detractors, nps: responses ? (100 * (promoters - detractors)) / responses : null };
}

export function csat(answers: readonly SurveyAnswer[]): CsatSummary {
  let satisfied = 0;
  answers.forEach((answer, i) => {
    if (checkScore(answer.score, 1, 5, i) >= 4) satisfied++;
  });
  const responses = answers.length;
  return { responses, satisfied, csat: responses ? (100 * satisfied) / responses : null };
}

/** NPS of each month with answers, oldest first; month is "YYYY-MM". */
export function npsByMonth(answers: readonly SurveyAnswer[]): (NpsSummary & { month: string })[] {
  return byMonth(answers, nps);
}

export function csatByMonth(answers: readonly SurveyAnswer[]): (CsatSummary & { month: string })[] {
  return byMonth(answers, csat);
}

function byMonth<T>(answers: readonly SurveyAnswer[], summarise: (answers: SurveyAnswer[]) => T): (T & { month: string })[] {
  const months = new Map<number, SurveyAnswer[]>();
  for (const answer of answers) {
    const month = utcMonthIndex(answer.at);
    const list = months.get(month);
    if (list) list.push(answer);
    else months.set(month, [answer]);
  }
  return [...months.keys()].sort((a, b) => a - b).map((month) => ({ ...summarise(months.get(month) as SurveyAnswer[]), month: monthKey(month) }));
}

function checkScore(score: number, min: number, max: number, index: number): number {
  if (!(Number.isInteger(score) && score >= min && score <= max)) {
    throw new RangeError(`answer ${index + 1}: score must be a whole number from ${min} to ${max}, got ${score}`);
  }
  return score;
}
