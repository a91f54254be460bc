import { describe, expect, test } from 'vitest';
import { CHANNELS } from '../../../src/domain/fields';
import { COUNT_FEATURES, customerFeatures, interactionOrder, InteractionTableBuilder, type InteractionInput } from '../../../src/analytics/features';
import { DAY_MS } from '../../../src/analytics/time';

const day = (n: number) => n * DAY_MS;

function table(rows: InteractionInput[]) {
  // A capacity of 2 makes the builder grow several times on the way.
  const builder = new InteractionTableBuilder(2);
  for (const row of rows) builder.push(row);
  return builder.build();
}

describe('customer features at a reference date (hand-computed)', () => {
  const interactions = table([
    { customer: 0, type: 'purchase', at: day(500), amount: 1000 },
    { customer: 0, type: 'purchase', at: day(950), amount: 2000 },
    { customer: 0, type: 'email', at: day(980), direction: 'outbound', channel: 'email' },
    { customer: 0, type: 'call', at: day(985), direction: 'inbound', channel: 'phone' },
    { customer: 0, type: 'complaint', at: day(990), direction: 'inbound', channel: 'email' },
    { customer: 0, type: 'survey', at: day(995), channel: 'web', score: 6, scale: 'nps' },
    { customer: 0, type: 'meeting', at: day(996), direction: 'outbound', channel: 'in-person' },
    { customer: 0, type: 'purchase', at: day(1005), amount: 9999 },
    { customer: 1, type: 'note', at: day(850) },
    { customer: 1, type: 'note', at: day(950) },
    { customer: 1, type: 'complaint', at: day(960), direction: 'inbound' },
    { customer: 1, type: 'survey', at: day(970), score: 4, scale: 'csat' },
  ]);
  const customers = [{ createdAt: day(0) }, { createdAt: day(990) }, { createdAt: day(1010) }];
  const tickets = [
    { customer: 0, createdAt: day(900), closedAt: day(995), complaint: true },
    { customer: 1, createdAt: day(995), closedAt: null, complaint: true },
    { customer: 1, createdAt: day(996), closedAt: day(1001), complaint: false },
    { customer: 1, createdAt: day(1001), closedAt: null, complaint: false },
  ];
  const f = customerFeatures(customers, interactions, tickets, day(1000));

  test('a customer with purchases, contacts, a complaint and a survey', () => {
    expect(f.known[0]).toBe(1);
    expect(f.tenureDays[0]).toBe(1000);
    expect(f.purchases[0]).toBe(2);
    expect(f.revenue[0]).toBe(3000);
    expect(f.recencyDays[0]).toBe(50);
    const nonZero = Object.fromEntries(COUNT_FEATURES.filter((name) => f.counts[name][0] !== 0).map((name) => [name, f.counts[name][0]]));
    expect(nonZero).toEqual({
      call_30d: 1, call_90d: 1, call_365d: 1,
      email_30d: 1, email_90d: 1, email_365d: 1,
      meeting_30d: 1, meeting_90d: 1, meeting_365d: 1,
      purchase_90d: 1, purchase_365d: 1,
      complaint_30d: 1, complaint_90d: 1, complaint_365d: 1,
      survey_30d: 1, survey_90d: 1, survey_365d: 1,
    });
    // Six interactions in the last 90 days, none in the 90 before.
    expect(f.trend[0]).toBe(1);
    expect(f.complaints[0]).toBe(1);
    // The meeting on day 996 came after the complaint.
    expect(f.unansweredComplaints[0]).toBe(0);
    expect(f.openTickets[0]).toBe(0);
    expect(f.openComplaintTickets[0]).toBe(0);
    expect(f.lastNps[0]).toBe(6);
    expect(f.lastCsat[0]).toBeNaN();
    // The email was answered by the call 5 days later; the meeting has had no answer.
    expect(f.responseRate[0]).toBe(0.5);
    expect(f.daysSinceLastContact[0]).toBe(4);
    expect(f.lastChannel[0]).toBe(CHANNELS.indexOf('in-person'));
  });

  test('a customer without purchases or outbound contacts', () => {
    expect(f.known[1]).toBe(1);
    // First seen at the note on day 850, before the record was created.
    expect(f.tenureDays[1]).toBe(150);
    expect(f.purchases[1]).toBe(0);
    expect(f.recencyDays[1]).toBeNaN();
    // Notes on days 950 and complaint 960, survey 970 in the last 90 days; the note of day 850 in the 90 before.
    expect(f.trend[1]).toBe((3 - 1) / 4);
    expect(f.unansweredComplaints[1]).toBe(1);
    // One complaint open since day 995, one inquiry closed only after the reference date.
    expect(f.openTickets[1]).toBe(2);
    expect(f.openComplaintTickets[1]).toBe(1);
    expect(f.lastCsat[1]).toBe(4);
    expect(f.lastNps[1]).toBeNaN();
    expect(f.responseRate[1]).toBeNaN();
    expect(f.daysSinceLastContact[1]).toBe(30);
    expect(f.lastChannel[1]).toBe(-1);
  });

  test('a customer created after the reference date is not known yet', () => {
    expect(f.known[2]).toBe(0);
    expect(f.tenureDays[2]).toBe(0);
  });

  test('bad input is named', () => {
    expect(() => customerFeatures([{ createdAt: 0 }], table([{ customer: 3, type: 'note', at: 0 }]), [], 1)).toThrow(
      'interaction 1: customer 3 is not in the list',
    );
    expect(() => new InteractionTableBuilder().push({ customer: 0, type: 'fax' as 'note', at: 0 })).toThrow('interaction 1: unknown type "fax"');
  });
});

test('features from one interaction order of the whole table equal those of the rows up to each date alone', () => {
  // Rows out of time order, ties in time, and one customer with more rows than the insertion sort takes.
  const rows: InteractionInput[] = [];
  for (let k = 0; k < 300; k++) {
    rows.push({ customer: k % 3 === 0 ? 2 : k % 2, type: k % 5 === 0 ? 'purchase' : 'email', at: day((k * 37) % 101), direction: k % 4 === 0 ? 'inbound' : 'outbound', amount: k });
  }
  const interactions = table(rows);
  const customers = [{ createdAt: 0 }, { createdAt: 0 }, { createdAt: 0 }];
  const order = interactionOrder(interactions, customers.length);
  for (const at of [day(30), day(60), day(101)]) {
    const upToDate = table(rows.filter((row) => row.at <= at));
    expect(customerFeatures(customers, interactions, [], at, order)).toEqual(customerFeatures(customers, upToDate, [], at));
  }
  const own = Array.from(order.rows.subarray(order.start[2], order.start[3]));
  expect(own.length).toBeGreaterThan(64);
  const sorted = [...own].sort((a, b) => (interactions.at[a] as number) - (interactions.at[b] as number) || a - b);
  expect(own).toEqual(sorted);
});
