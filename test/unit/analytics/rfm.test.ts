import { describe, expect, test } from 'vitest';
import { quintileScores, RFM_SEGMENT_GRID, RFM_SEGMENTS, rfmScores, rfmSegment, rfmSegments, rfmValues } from '../../../src/analytics/rfm';

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

describe('RFM', () => {
  test('values at a snapshot: days since last purchase, purchase rows, total; later purchases ignored', () => {
    const values = rfmValues(
      [
        { customerKey: 'a', at: day('2024-01-01'), amount: 10 },
        { customerKey: 'b', at: day('2024-01-20'), amount: 5 },
        { customerKey: 'a', at: day('2024-01-10') + 5000, amount: 2.5 },
        { customerKey: 'a', at: day('2024-01-10'), amount: 1 },
        { customerKey: 'b', at: day('2024-03-01'), amount: 100 },
      ],
      day('2024-01-31'),
    );
    expect(values.keys).toEqual(['a', 'b']);
    expect(Array.from(values.recency)).toEqual([21, 11]);
    expect(Array.from(values.frequency)).toEqual([3, 1]);
    expect(Array.from(values.monetary)).toEqual([13.5, 5]);
  });

  test('quintile scores: 1 + floor(5 x share strictly worse); equal values share a score', () => {
    expect(Array.from(quintileScores([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], true))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(Array.from(quintileScores([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], false))).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    // Six of ten at 1: all score 1; 2 has 6 below -> 1 + floor(3) = 4; 5 has 7 below -> 4; 9 and 9 have 8 below -> 5.
    expect(Array.from(quintileScores([1, 1, 2, 1, 5, 1, 9, 1, 9, 1], true))).toEqual([1, 1, 4, 1, 4, 1, 5, 1, 5, 1]);
    expect(() => quintileScores([1, NaN], true)).toThrow(/value 2 is not a number/);
  });

  test('segments by R and FM = (F + M) / 2 rounded half up', () => {
    expect(rfmSegment(5, 5, 5)).toBe('champions');
    expect(rfmSegment(5, 4, 3)).toBe('champions');
    expect(rfmSegment(5, 1, 1)).toBe('new');
    expect(rfmSegment(4, 1, 1)).toBe('promising');
    expect(rfmSegment(4, 2, 3)).toBe('potential_loyalist');
    expect(rfmSegment(3, 4, 4)).toBe('loyal');
    expect(rfmSegment(3, 3, 3)).toBe('need_attention');
    expect(rfmSegment(3, 1, 2)).toBe('about_to_sleep');
    expect(rfmSegment(2, 3, 4)).toBe('at_risk');
    expect(rfmSegment(1, 5, 5)).toBe('cant_lose');
    expect(rfmSegment(2, 1, 2)).toBe('hibernating');
    expect(rfmSegment(1, 1, 1)).toBe('lost');
    expect(() => rfmSegment(0, 1, 1)).toThrow(/R score must be 1-5/);
    expect(new Set(RFM_SEGMENT_GRID.flat())).toEqual(new Set(RFM_SEGMENTS));
  });

  test('scores and segments of a small population', () => {
    const scores = rfmScores({ recency: [1, 400, 30, 200, 5], frequency: [9, 1, 3, 1, 1], monetary: [500, 10, 80, 15, 20] });
    expect(Array.from(scores.r)).toEqual([5, 1, 3, 2, 4]);
    expect(Array.from(scores.f)).toEqual([5, 1, 4, 1, 1]);
    expect(Array.from(scores.m)).toEqual([5, 1, 4, 2, 3]);
    expect(rfmSegments(scores)).toEqual(['champions', 'lost', 'loyal', 'hibernating', 'potential_loyalist']);
  });
});
