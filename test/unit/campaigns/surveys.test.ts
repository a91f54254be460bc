import { describe, expect, test } from 'vitest';
import { answerBand, readSurveyAnswer } from '../../../src/domain/surveys';
import { csat, nps } from '../../../src/analytics/satisfaction';

describe('survey answers typed by hand', () => {
  test('NPS 0-10 and CSAT 1-5, with a trimmed comment', () => {
    expect(readSurveyAnswer({ scale: 'nps', score: '0', comment: '' })).toEqual({ ok: true, value: { scale: 'nps', score: 0 } });
    expect(readSurveyAnswer({ scale: 'nps', score: ' 10 ', comment: '  Great!  ' })).toEqual({ ok: true, value: { scale: 'nps', score: 10, comment: 'Great!' } });
    expect(readSurveyAnswer({ scale: 'csat', score: '5', comment: '' })).toEqual({ ok: true, value: { scale: 'csat', score: 5 } });
  });

  test('each problem has its own code', () => {
    const codes = (scale: string, score: string, comment = '') => {
      const result = readSurveyAnswer({ scale, score, comment });
      return result.ok ? [] : result.issues.map((issue) => `${issue.field}:${issue.code}`);
    };
    expect(codes('nps', '')).toEqual(['score:score_required']);
    expect(codes('nps', 'ten')).toEqual(['score:score_not_number']);
    expect(codes('nps', '7.5')).toEqual(['score:score_not_whole']);
    expect(codes('nps', '7,5')).toEqual(['score:score_not_whole']);
    expect(codes('nps', '11')).toEqual(['score:nps_out_of_range']);
    expect(codes('nps', '-1')).toEqual(['score:nps_out_of_range']);
    expect(codes('csat', '0')).toEqual(['score:csat_out_of_range']);
    expect(codes('csat', '6')).toEqual(['score:csat_out_of_range']);
    expect(codes('', '5')).toEqual(['scoreScale:scale_required']);
    expect(codes('ces', '5')).toEqual(['scoreScale:invalid_scale']);
    expect(codes('csat', '4', 'x'.repeat(5001))).toEqual(['comment:too_long']);
  });

  test('bands agree with the analytics’ NPS and CSAT counts', () => {
    const scores = [10, 9, 8, 7, 6, 0];
    expect(scores.map((score) => answerBand({ scale: 'nps', score }))).toEqual(['promoter', 'promoter', 'passive', 'passive', 'detractor', 'detractor']);
    // 2 promoters, 2 detractors of 6: NPS 0.
    expect(nps(scores.map((score) => ({ at: 0, score })))).toMatchObject({ promoters: 2, passives: 2, detractors: 2, nps: 0 });
    expect([5, 4, 3, 1].map((score) => answerBand({ scale: 'csat', score }))).toEqual(['satisfied', 'satisfied', 'unsatisfied', 'unsatisfied']);
    expect(csat([5, 4, 3, 1].map((score) => ({ at: 0, score })))).toMatchObject({ satisfied: 2, csat: 50 });
  });
});
