import { describe, expect, test } from 'vitest';
import { nextBestActions, suggestChannel, type CustomerOutlook } from '../../../src/analytics/nextBestAction';

const base = { openComplaints: 0, daysSinceLastContact: 10, consentEmail: true, consentSms: false, consentPhone: false } as const;

describe('nextBestActions', () => {
  const customers: CustomerOutlook[] = [
    { ...base, customerKey: 'whale', clv: 10_000, churnProbability: 0.6 },
    { ...base, customerKey: 'angry', clv: 100, churnProbability: 0.1, openComplaints: 2, consentPhone: true },
    { ...base, customerKey: 'quiet', clv: 200, churnProbability: 0.2, daysSinceLastContact: null },
    { ...base, customerKey: 'fine', clv: 500, churnProbability: 0.05 },
    { ...base, customerKey: 'unreachable', clv: 50, churnProbability: 0.9, consentEmail: false },
  ];

  test('ranks by value at risk (percentile), complaints and silence, with reasons and a channel', () => {
    // Values at risk: 6000, 10, 40, 25, 45 -> ranks among the others (0..4) / 4: 1, 0, 0.5, 0.25, 0.75.
    const actions = nextBestActions(customers);
    expect(actions).toEqual([
      { customerKey: 'whale', priority: 0.6 + 0.15 * (10 / 90), valueAtRisk: 6000, channel: 'email', reasons: ['value_at_risk', 'high_churn_risk'] },
      {
        customerKey: 'unreachable',
        priority: 0.6 * 0.75 + 0.15 * (10 / 90),
        valueAtRisk: 45,
        channel: null,
        reasons: ['high_churn_risk', 'no_permitted_channel'],
      },
      { customerKey: 'quiet', priority: 0.6 * 0.5 + 0.15, valueAtRisk: 40, channel: 'email', reasons: ['long_silence'] },
      { customerKey: 'angry', priority: 0.25 * (2 / 3) + 0.15 * (10 / 90), valueAtRisk: 10, channel: 'phone', reasons: ['open_complaint'] },
    ]);
    expect(nextBestActions(customers, { limit: 2 }).map((action) => action.customerKey)).toEqual(['whale', 'unreachable']);
  });

  test('bad input names the customer', () => {
    expect(() => nextBestActions([{ ...base, customerKey: 'x', clv: 1, churnProbability: 1.5 }])).toThrow(
      /customer 1 \(x\): churn probability must be in 0..1, got 1.5/,
    );
  });
});

describe('suggestChannel', () => {
  const customer: CustomerOutlook = { ...base, customerKey: 'c', clv: 0, churnProbability: 0 };

  test('preferred channel if permitted, else the last one used, else email / phone / sms with consent', () => {
    expect(suggestChannel({ ...customer, preferredChannel: 'sms', consentSms: true })).toBe('sms');
    expect(suggestChannel({ ...customer, preferredChannel: 'sms', lastChannel: 'meeting' })).toBe('meeting');
    expect(suggestChannel({ ...customer, preferredChannel: 'chat' })).toBe('chat');
    expect(suggestChannel({ ...customer, consentPhone: true })).toBe('email');
    expect(suggestChannel({ ...customer, consentPhone: true, openComplaints: 1 })).toBe('phone');
    expect(suggestChannel({ ...customer, consentEmail: false })).toBeNull();
  });
});
