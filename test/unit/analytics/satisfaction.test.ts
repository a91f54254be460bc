import { expect, test } from 'vitest';
import { csat, csatByMonth, nps, npsByMonth } from '../../../src/analytics/satisfaction';

const at = (iso: string): number => Date.parse(iso);

test('NPS: % promoters (9-10) minus % detractors (0-6), overall and per month', () => {
  const answers = [
    { at: at('2024-01-03T10:00:00Z'), score: 10 },
    { at: at('2024-01-15T10:00:00Z'), score: 9 },
    { at: at('2024-01-31T23:59:59Z'), score: 7 },
    { at: at('2024-01-20T10:00:00Z'), score: 3 },
    { at: at('2024-03-01T00:00:00Z'), score: 6 },
    { at: at('2024-03-02T00:00:00Z'), score: 0 },
    { at: at('2024-03-09T00:00:00Z'), score: 8 },
    { at: at('2024-03-10T00:00:00Z'), score: 10 },
  ];
  expect(nps(answers)).toEqual({ responses: 8, promoters: 3, passives: 2, detractors: 3, nps: 0 });
  expect(npsByMonth(answers)).toEqual([
    { month: '2024-01', responses: 4, promoters: 2, passives: 1, detractors: 1, nps: 25 },
    { month: '2024-03', responses: 4, promoters: 1, passives: 1, detractors: 2, nps: -25 },
  ]);
  expect(nps([]).nps).toBeNull();
  expect(() => nps([{ at: 0, score: 11 }])).toThrow(/answer 1: score must be a whole number from 0 to 10, got 11/);
});

test('CSAT: % of 4 and 5 answers, overall and per month', () => {
  const answers = [
    { at: at('2023-12-31T23:00:00Z'), score: 5 },
    { at: at('2024-01-01T01:00:00Z'), score: 4 },
    { at: at('2024-01-02T00:00:00Z'), score: 3 },
    { at: at('2024-01-05T00:00:00Z'), score: 1 },
  ];
  expect(csat(answers)).toEqual({ responses: 4, satisfied: 2, csat: 50 });
  expect(csatByMonth(answers)).toEqual([
    { month: '2023-12', responses: 1, satisfied: 1, csat: 100 },
    { month: '2024-01', responses: 3, satisfied: 1, csat: (100 * 1) / 3 },
  ]);
  expect(() => csat([{ at: 0, score: 0 }])).toThrow(/from 1 to 5, got 0/);
});
