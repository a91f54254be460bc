import { describe, expect, test } from 'vitest';
import { cleanListState, LIST_SPECS, ticketOrder, toggleColumn, validateView, viewMatches, visibleViews, type SavedView } from '../../../src/domain/views';
import type { Ticket } from '../../../src/domain/work';

const state = (list: keyof typeof LIST_SPECS) => structuredClone(LIST_SPECS[list].defaults);

function view(fields: Partial<SavedView>): SavedView {
  return { id: 'v1', list: 'customers', name: 'Mine', ownerId: 'alice', shared: false, state: state('customers'), createdAt: 1, ...fields };
}

describe('validateView', () => {
  test('a named view of a list default state is valid', () => {
    for (const list of ['customers', 'deals', 'tickets'] as const) expect(validateView({ list, name: 'All', state: state(list) })).toEqual([]);
  });

  test('names the empty or too long name, an unknown list, a bad filter, sort or column', () => {
    expect(validateView({ list: 'customers', name: '  ', state: state('customers') })).toEqual([{ field: 'name', code: 'required' }]);
    expect(validateView({ list: 'customers', name: 'x'.repeat(61), state: state('customers') })).toEqual([{ field: 'name', code: 'too_long' }]);
    expect(validateView({ list: 'invoices', name: 'x', state: {} })).toEqual([{ field: 'list', code: 'invalid' }]);
    expect(
      validateView({
        list: 'tickets',
        name: 'Urgent',
        state: { filters: { status: 'escalated', priority: 'urgent', color: 'red' }, sort: { key: 'name', descending: false }, columns: ['sla', 'sla'] },
      }),
    ).toEqual([
      { field: 'filters.status', code: 'invalid' },
      { field: 'filters.color', code: 'invalid' },
      { field: 'sort', code: 'invalid' },
      { field: 'columns', code: 'invalid' },
    ]);
    expect(validateView({ list: 'customers', name: 'x', state: { ...state('customers'), filters: { deleted: 'yes' } } })).toEqual([
      { field: 'filters.deleted', code: 'invalid' },
    ]);
  });
});

describe('cleanListState', () => {
  test('fills missing filters with the defaults and keeps the valid ones', () => {
    expect(cleanListState('tickets', { filters: { priority: 'high' }, sort: { key: 'created', descending: true }, columns: ['priority', 'customer'] })).toEqual({
      filters: { status: 'active', priority: 'high', assignee: '' },
      sort: { key: 'created', descending: true },
      columns: ['priority', 'customer'],
    });
  });

  test('drops what a peer or an older app wrote that this list does not know', () => {
    expect(cleanListState('deals', { filters: { status: 'maybe', stage: 'x' }, sort: { key: 'colour' }, columns: ['owner', 'nope', 7, 'owner'] })).toEqual({
      filters: { status: 'open' },
      sort: { key: 'expectedClose', descending: false },
      columns: ['owner'],
    });
    expect(cleanListState('customers', null)).toEqual(LIST_SPECS.customers.defaults);
  });
});

describe('applying and listing views', () => {
  test('a view matches the list state it was saved from, and no longer once a filter or column changes', () => {
    const saved = { ...state('customers'), filters: { ...state('customers').filters, tag: 'vip' } };
    expect(viewMatches('customers', { state: saved }, cleanListState('customers', saved))).toBe(true);
    expect(viewMatches('customers', { state: saved }, state('customers'))).toBe(false);
    expect(viewMatches('customers', { state: saved }, { ...saved, columns: ['company'] })).toBe(false);
    expect(viewMatches('customers', { state: saved }, { ...saved, sort: { key: 'name', descending: true } })).toBe(false);
  });

  test('a member sees their own views and the shared ones of the list, by name', () => {
    const views = [
      view({ id: 'a', name: 'Zed', ownerId: 'alice' }),
      view({ id: 'b', name: 'Bob private', ownerId: 'bob' }),
      view({ id: 'c', name: 'Bob shared', ownerId: 'bob', shared: true }),
      view({ id: 'd', name: 'Deals', list: 'deals', ownerId: 'alice', state: state('deals') }),
    ];
    expect(visibleViews(views, 'customers', 'alice').map((one) => one.id)).toEqual(['c', 'a']);
    expect(visibleViews(views, 'customers', 'bob').map((one) => one.id)).toEqual(['b', 'c']);
    expect(visibleViews(views, 'deals', 'bob')).toEqual([]);
  });

  test('toggling a column keeps the natural column order', () => {
    expect(toggleColumn('deals', ['owner', 'customer'], 'stage')).toEqual(['customer', 'stage', 'owner']);
    expect(toggleColumn('deals', ['customer', 'stage'], 'customer')).toEqual(['stage']);
  });
});

describe('ticketOrder', () => {
  const at = 10_000;
  const ticket = (id: string, fields: Record<string, unknown>) =>
    ({ id, status: 'open', priority: 'normal', createdAt: 0, updatedAt: 0, ...fields }) as unknown as Ticket;
  const tickets = [
    ticket('a', { createdAt: 1, updatedAt: 9, slaDue: 20_000 }),
    ticket('b', { createdAt: 3, updatedAt: 4, slaDue: 5_000 }),
    ticket('c', { createdAt: 2, updatedAt: 7, slaDue: 15_000 }),
  ];
  test('the queue puts breached tickets first, newest or recently updated first on request', () => {
    expect([...tickets].sort(ticketOrder({ key: 'sla', descending: false }, at)).map((one) => one.id)).toEqual(['b', 'c', 'a']);
    expect([...tickets].sort(ticketOrder({ key: 'created', descending: true }, at)).map((one) => one.id)).toEqual(['b', 'c', 'a']);
    expect([...tickets].sort(ticketOrder({ key: 'updated', descending: true }, at)).map((one) => one.id)).toEqual(['a', 'c', 'b']);
    expect([...tickets].sort(ticketOrder({ key: 'created', descending: false }, at)).map((one) => one.id)).toEqual(['a', 'c', 'b']);
  });
});
