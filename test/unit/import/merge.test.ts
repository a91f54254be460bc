import { describe, expect, test } from 'vitest';
import { CUSTOMER_DEFAULTS, CUSTOMER_FIELDS, type Customer } from '../../../src/domain/customer';
import type { CustomerId, MemberId } from '../../../src/domain/ids';
import { planMerge } from '../../../src/domain/merge';

const member = '01890a5d-ac96-774b-bcce-b302099a8057' as MemberId;
const OLD = '01890a5d-ac96-774b-bcce-b302099a8001' as CustomerId;
const NEW = '01890a5d-ac96-774b-bcce-b302099a8002' as CustomerId;
const MID = '01890a5d-ac96-774b-bcce-b302099a8003' as CustomerId;

function customer(id: CustomerId, createdAt: number, updatedAt: number, fields: Partial<Customer>): Customer {
  return { ...CUSTOMER_DEFAULTS, emails: [], phones: [], tags: [], name: '', id, createdAt, updatedAt, createdBy: member, updatedBy: member, ...fields };
}

describe('planMerge', () => {
  const oldest = customer(OLD, 1000, 5000, {
    name: 'Mary Smith',
    emails: ['mary@acme.com'],
    phones: ['+14155550132'],
    company: 'Acme',
    title: 'Sales lead',
    tags: ['vip'],
    needs: 'Wants quarterly billing',
    custom: { region: 'West', tier: 'gold' },
  });
  const newest = customer(NEW, 3000, 9000, {
    name: 'Mary Smith',
    emails: ['m.smith@acme.com', 'mary@acme.com'],
    title: 'VP Sales',
    birthday: '1985-04-12',
    tags: ['VIP', 'newsletter'],
    lifecycle: 'customer',
    needs: 'Asked about the API',
    custom: { region: 'East' },
  });
  const middle = customer(MID, 2000, 7000, { name: 'M. Smith', phones: ['+14155550199'], title: 'Sales director', consentEmail: true });

  test('non-empty beats empty, the most recent wins conflicts, lists are unions, needs are joined', () => {
    const plan = planMerge([newest, oldest, middle]);
    expect(plan.survivorId).toBe(OLD);
    expect(plan.mergedIds).toEqual([NEW, MID]);
    expect(plan.fields).toEqual({
      ...CUSTOMER_DEFAULTS,
      name: 'Mary Smith',
      emails: ['mary@acme.com', 'm.smith@acme.com'],
      phones: ['+14155550132', '+14155550199'],
      company: 'Acme',
      title: 'VP Sales',
      birthday: '1985-04-12',
      tags: ['vip', 'newsletter'],
      lifecycle: 'customer',
      needs: 'Wants quarterly billing\n\nAsked about the API',
      custom: { region: 'East', tier: 'gold' },
    });
  });

  test('every decision names the values that won and lost', () => {
    const plan = planMerge([newest, oldest, middle]);
    const decision = (field: string) => plan.decisions.find((d) => d.field === field);
    expect(decision('name')).toEqual({
      field: 'name',
      value: 'Mary Smith',
      rule: 'most_recent',
      won: [{ id: NEW, value: 'Mary Smith' }, { id: OLD, value: 'Mary Smith' }],
      lost: [{ id: MID, value: 'M. Smith' }],
    });
    expect(decision('title')).toEqual({
      field: 'title',
      value: 'VP Sales',
      rule: 'most_recent',
      won: [{ id: NEW, value: 'VP Sales' }],
      lost: [{ id: MID, value: 'Sales director' }, { id: OLD, value: 'Sales lead' }],
    });
    expect(decision('birthday')).toMatchObject({ rule: 'non_empty', won: [{ id: NEW, value: '1985-04-12' }], lost: [] });
    expect(decision('company')).toMatchObject({ rule: 'non_empty', won: [{ id: OLD, value: 'Acme' }] });
    expect(decision('emails')).toMatchObject({ rule: 'union', lost: [] });
    expect(decision('needs')).toMatchObject({ rule: 'concatenated' });
    expect(decision('custom.region')).toEqual({
      field: 'custom.region',
      value: 'East',
      rule: 'most_recent',
      won: [{ id: NEW, value: 'East' }],
      lost: [{ id: OLD, value: 'West' }],
    });
    expect(decision('custom.tier')).toMatchObject({ rule: 'non_empty', value: 'gold' });
    // Consent follows the most recent record too; the consent it overrides is listed for the reviewer.
    expect(decision('consentEmail')).toEqual({
      field: 'consentEmail',
      value: false,
      rule: 'most_recent',
      won: [{ id: NEW, value: false }, { id: OLD, value: false }],
      lost: [{ id: MID, value: true }],
    });
    expect(decision('kind')).toBeUndefined();
  });

  test('the patch changes the survivor into the merged record and the undo patch puts it back', () => {
    const plan = planMerge([newest, oldest]);
    expect(plan.patch).toEqual({
      emails: ['mary@acme.com', 'm.smith@acme.com'],
      title: 'VP Sales',
      birthday: '1985-04-12',
      tags: ['vip', 'newsletter'],
      lifecycle: 'customer',
      needs: 'Wants quarterly billing\n\nAsked about the API',
      custom: { region: 'East', tier: 'gold' },
    });
    expect(plan.undo).toEqual({
      emails: ['mary@acme.com'],
      title: 'Sales lead',
      birthday: null,
      tags: ['vip'],
      lifecycle: 'lead',
      needs: 'Wants quarterly billing',
      custom: { region: 'West', tier: 'gold' },
    });
    const restored = { ...plan.fields, ...plan.undo };
    for (const [field, value] of Object.entries(restored)) if (value === null) delete restored[field as keyof typeof restored];
    const original = Object.fromEntries(CUSTOMER_FIELDS.filter((f) => oldest[f] !== undefined).map((f) => [f, oldest[f]]));
    expect(restored).toEqual(original);
  });

  test('a chosen survivor; lists past their limit keep the overflow as lost values', () => {
    const many = customer(NEW, 3000, 9000, { name: 'A', emails: Array.from({ length: 8 }, (_, i) => `a${i}@x.com`) });
    const more = customer(MID, 2000, 7000, { name: 'A', emails: Array.from({ length: 4 }, (_, i) => `b${i}@x.com`) });
    const plan = planMerge([many, more], NEW);
    expect(plan.survivorId).toBe(NEW);
    expect(plan.fields.emails).toHaveLength(10);
    expect(plan.decisions.find((d) => d.field === 'emails')?.lost).toEqual([{ id: MID, value: ['b2@x.com', 'b3@x.com'] }]);
    expect(() => planMerge([many])).toThrow('planMerge: a merge needs at least two customers');
    expect(() => planMerge([many, more], OLD)).toThrow(`planMerge: survivor ${OLD} is not among the customers`);
  });
});
