import { expect, test } from 'vitest';
import { retentionCohorts } from '../../../src/analytics/retention';

const at = (iso: string): number => Date.parse(`${iso}T12:00:00Z`);

test('cohorts by first-purchase month with the share active in each later month', () => {
  const purchases = [
    { customerKey: 'a', at: at('2024-01-05') },
    { customerKey: 'a', at: at('2024-01-25') },
    { customerKey: 'a', at: at('2024-03-02') },
    { customerKey: 'b', at: at('2024-01-31') },
    { customerKey: 'b', at: at('2024-02-01') },
    { customerKey: 'b', at: at('2024-03-15') },
    { customerKey: 'c', at: at('2024-01-10') },
    { customerKey: 'd', at: at('2024-02-14') },
    { customerKey: 'd', at: at('2024-03-01') },
    { customerKey: 'e', at: at('2024-03-30') },
  ];
  expect(retentionCohorts(purchases)).toEqual([
    { month: '2024-01', size: 3, active: [3, 1, 2], share: [1, 1 / 3, 2 / 3] },
    { month: '2024-02', size: 1, active: [1, 1], share: [1, 1] },
    { month: '2024-03', size: 1, active: [1], share: [1] },
  ]);
  // Up to February: March purchases and the March cohort drop out.
  expect(retentionCohorts(purchases, at('2024-02-29'))).toEqual([
    { month: '2024-01', size: 3, active: [3, 1], share: [1, 1 / 3] },
    { month: '2024-02', size: 1, active: [1], share: [1] },
  ]);
  expect(retentionCohorts([])).toEqual([]);
});
