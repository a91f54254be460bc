import { beforeAll, describe, expect, test } from 'vitest';
import { CustomerFieldsSchema, CustomerSchema } from '../../src/domain/customer';
import { uuidV7Time } from '../../src/domain/ids';
import { InteractionFieldsSchema, InteractionSchema } from '../../src/domain/interaction';
import { normalisePhone } from '../../src/domain/normalise';
import { demoMembers, generateDemo, HISTORY_DAYS, type DemoCustomer, type DemoOptions } from '../../src/domain/demo';

const SEED = 20_261_122;
const NOW = Date.UTC(2026, 10, 22, 9, 0, 0);
const DAY = 86_400_000;
const WINDOW_START = NOW - HISTORY_DAYS * DAY;
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const HAN = /[\u4e00-\u9fff]/;

console.info(`demo data tests: seed ${SEED}, now ${new Date(NOW).toISOString()}`);

const options = (extra: Partial<DemoOptions> = {}): DemoOptions => ({ seed: SEED, customers: 2_000, now: NOW, ...extra });
const run = (extra: Partial<DemoOptions> = {}): DemoCustomer[] => [...generateDemo(options(extra))];
const lastAt = (c: DemoCustomer): number => (c.interactions.at(-1) as DemoCustomer['interactions'][number]).fields.at;
const quiet = (c: DemoCustomer): boolean => NOW - lastAt(c) > 180 * DAY;
const share = (items: readonly DemoCustomer[], pick: (c: DemoCustomer) => boolean): number =>
  items.filter(pick).length / items.length;

let demo: DemoCustomer[];
beforeAll(() => {
  demo = run();
});

describe('demoMembers', () => {
  test('5-8 members with English and Chinese names, valid UUIDv7 ids, the same for the same seed', () => {
    const members = demoMembers(SEED);
    expect(members.length).toBeGreaterThanOrEqual(5);
    expect(members.length).toBeLessThanOrEqual(8);
    expect(new Set(members.map((m) => m.id)).size).toBe(members.length);
    for (const member of members) expect(member.id).toMatch(UUID_V7);
    expect(members.filter((m) => HAN.test(m.displayName)).length).toBeGreaterThanOrEqual(2);
    expect(members.filter((m) => !HAN.test(m.displayName)).length).toBeGreaterThanOrEqual(2);
    expect(demoMembers(SEED)).toEqual(members);
    expect(demoMembers(SEED + 1)).not.toEqual(members);
  });
});

describe('generateDemo', () => {
  test('is deterministic: the same seed gives identical JSON, another seed different data', () => {
    const first = JSON.stringify(demo.slice(0, 200));
    expect(JSON.stringify(run({ customers: 200 }))).toBe(first);
    expect(JSON.stringify(run({ customers: 200, seed: SEED + 1 }))).not.toBe(first);
  });

  test('customer i does not depend on how many customers are asked for', () => {
    expect(JSON.stringify(run({ customers: 50 }))).toBe(JSON.stringify(demo.slice(0, 50)));
  });

  test('streams: taking the first customers of a huge run is immediate', () => {
    const started = performance.now();
    const iterator = generateDemo(options({ customers: 100_000_000 }))[Symbol.iterator]();
    for (let i = 0; i < 5; i++) expect(iterator.next().done).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  test('yields exactly the number of customers asked for, and none for zero', () => {
    expect(demo).toHaveLength(2_000);
    expect(run({ customers: 0 })).toEqual([]);
  });

  test.each([10, 5, 25])('averages %d interactions per customer, within 15 percent', (mean) => {
    const customers = mean === 10 ? demo : run({ interactionsPerCustomer: mean });
    const average = customers.reduce((sum, c) => sum + c.interactions.length, 0) / customers.length;
    console.info(`interactionsPerCustomer ${mean}: measured mean ${average.toFixed(2)}`);
    expect(average).toBeGreaterThanOrEqual(mean * 0.85);
    expect(average).toBeLessThanOrEqual(mean * 1.15);
  });

  test('every customer and interaction passes its schema unchanged', () => {
    for (const { customer, interactions } of demo) {
      expect(CustomerFieldsSchema.parse(customer.fields)).toEqual(customer.fields);
      const stamp = { createdAt: customer.createdAt, createdBy: customer.createdBy, updatedAt: customer.createdAt, updatedBy: customer.createdBy };
      CustomerSchema.parse({ id: customer.id, ...customer.fields, ...stamp });
      for (const interaction of interactions) {
        expect(InteractionFieldsSchema.parse(interaction.fields)).toEqual(interaction.fields);
        InteractionSchema.parse({
          id: interaction.id,
          ...interaction.fields,
          createdAt: interaction.createdAt,
          createdBy: interaction.createdBy,
          updatedAt: interaction.createdAt,
          updatedBy: interaction.createdBy,
        });
      }
    }
  });

  test('ids are unique UUIDv7 whose time prefix is createdAt; records point at their customer and the team', () => {
    const memberIds = new Set(demoMembers(SEED).map((m) => m.id));
    const ids = new Set<string>();
    let records = 0;
    for (const { customer, interactions } of demo) {
      const all = [customer, ...interactions];
      records += all.length;
      for (const record of all) {
        expect(record.id).toMatch(UUID_V7);
        expect(uuidV7Time(record.id)).toBe(record.createdAt);
        expect(memberIds.has(record.createdBy)).toBe(true);
        ids.add(record.id);
      }
      if (customer.fields.ownerId !== undefined) expect(memberIds.has(customer.fields.ownerId)).toBe(true);
      for (const interaction of interactions) {
        expect(interaction.fields.customerId).toBe(customer.id);
        expect(interaction.createdAt).toBe(interaction.fields.at);
      }
    }
    expect(ids.size).toBe(records);
  });

  test('interactions are sorted by time, inside the two-year window and not before their customer was created', () => {
    for (const { customer, interactions } of demo) {
      expect(customer.createdAt).toBeGreaterThanOrEqual(WINDOW_START);
      expect(customer.createdAt).toBeLessThanOrEqual(NOW);
      expect(interactions.length).toBeGreaterThan(0);
      let previous = customer.createdAt;
      for (const { fields } of interactions) {
        expect(fields.at).toBeGreaterThanOrEqual(previous);
        expect(fields.at).toBeLessThanOrEqual(NOW);
        previous = fields.at;
      }
    }
  });

  test('about 85% persons, and a good share of Chinese names', () => {
    const persons = share(demo, (c) => c.customer.fields.kind === 'person');
    const chinese = share(demo, (c) => HAN.test(c.customer.fields.name));
    console.info(`persons ${persons.toFixed(3)}, Chinese names ${chinese.toFixed(3)}`);
    expect(persons).toBeGreaterThan(0.78);
    expect(persons).toBeLessThan(0.92);
    expect(chinese).toBeGreaterThanOrEqual(0.2);
    expect(chinese).toBeLessThan(0.45);
  });

  test('every phone is valid E.164 under libphonenumber', () => {
    const phones = demo.flatMap((c) => c.customer.fields.phones);
    expect(phones.length).toBeGreaterThan(1_500);
    for (const code of ['+1', '+44', '+49', '+86']) {
      expect(phones.filter((p) => p.startsWith(code)).length, code).toBeGreaterThan(100);
    }
    for (const phone of phones) expect(normalisePhone(phone, 'US')).toBe(phone);
  });

  test('covers every interaction type, both survey scales and every lifecycle stage', () => {
    const types = new Set(demo.flatMap((c) => c.interactions.map((i) => i.fields.type)));
    expect([...types].sort()).toEqual(['call', 'complaint', 'email', 'feedback', 'inquiry', 'meeting', 'note', 'purchase', 'survey']);
    const scales = new Set(demo.flatMap((c) => c.interactions.map((i) => i.fields.scoreScale).filter(Boolean)));
    expect([...scales].sort()).toEqual(['csat', 'nps']);
    const stages = new Set(demo.map((c) => c.customer.fields.lifecycle));
    expect([...stages].sort()).toEqual(['churned', 'customer', 'lead', 'prospect']);
  });

  test('purchases carry a positive integer amount in the requested currency; leads have none', () => {
    for (const currency of ['USD', 'CNY', 'JPY']) {
      const customers = currency === 'USD' ? demo : run({ customers: 200, currency });
      for (const { customer, interactions } of customers) {
        const purchases = interactions.filter((i) => i.fields.type === 'purchase');
        if (customer.fields.lifecycle === 'lead' || customer.fields.lifecycle === 'prospect') expect(purchases).toEqual([]);
        else expect(purchases.length).toBeGreaterThan(0);
        for (const { fields } of purchases) {
          expect(Number.isInteger(fields.amountMinor)).toBe(true);
          expect(fields.amountMinor).toBeGreaterThan(0);
          expect(fields.currency).toBe(currency);
        }
      }
    }
  });

  test('carries a churn signal: quiet customers, more of them among those who complained', () => {
    const quietShare = share(demo, quiet);
    const complained = demo.filter((c) => c.interactions.some((i) => i.fields.type === 'complaint'));
    const calm = demo.filter((c) => !c.interactions.some((i) => i.fields.type === 'complaint'));
    const quietComplained = share(complained, quiet);
    const quietCalm = share(calm, quiet);
    console.info(
      `no interaction in 180 days: ${quietShare.toFixed(3)} overall, ${quietComplained.toFixed(3)} of ${complained.length} who complained, ${quietCalm.toFixed(3)} of the rest`,
    );
    expect(quietShare).toBeGreaterThanOrEqual(0.1);
    expect(quietShare).toBeLessThanOrEqual(0.4);
    expect(quietComplained).toBeGreaterThan(quietCalm * 1.5);
    // 'churned' is set only for some of the customers who faded away.
    const churned = demo.filter((c) => c.customer.fields.lifecycle === 'churned');
    expect(churned.length).toBeGreaterThan(0);
    for (const c of churned) expect(quiet(c)).toBe(true);
    expect(churned.length).toBeLessThan(demo.filter(quiet).length / 2);
  });

  test('detractors precede churn; loyal buyers are promoters', () => {
    const lastNps = (c: DemoCustomer): number | undefined =>
      c.interactions.filter((i) => i.fields.scoreScale === 'nps').at(-1)?.fields.score;
    const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
    const churnedScores = demo.filter((c) => c.customer.fields.lifecycle === 'churned').flatMap((c) => lastNps(c) ?? []);
    const frequentBuyers = demo.filter((c) => !quiet(c) && c.interactions.filter((i) => i.fields.type === 'purchase').length >= 5);
    const frequentScores = frequentBuyers.flatMap((c) => lastNps(c) ?? []);
    console.info(`last NPS: churned ${mean(churnedScores).toFixed(2)} (n ${churnedScores.length}), active frequent buyers ${mean(frequentScores).toFixed(2)} (n ${frequentScores.length})`);
    expect(mean(churnedScores)).toBeLessThan(6.5);
    expect(mean(frequentScores)).toBeGreaterThan(8);
    expect(mean(frequentScores) - mean(churnedScores)).toBeGreaterThan(2.5);
  });

  test('refuses options it cannot honour', () => {
    expect(() => [...generateDemo(options({ seed: 1.5 }))]).toThrow(RangeError);
    expect(() => [...generateDemo(options({ customers: -1 }))]).toThrow(RangeError);
    expect(() => [...generateDemo(options({ now: 1_000 }))]).toThrow(RangeError);
    expect(() => [...generateDemo(options({ currency: 'usd' }))]).toThrow(RangeError);
    expect(() => [...generateDemo(options({ interactionsPerCustomer: 0 }))]).toThrow(RangeError);
  });
});
