import { LIFECYCLE_STAGES } from './customer';
import { compareTickets } from './service';
import type { FieldIssue } from './validation';
import { PRIORITIES, TICKET_STATUSES, type Ticket } from './work';

// Saved views: a list's filters, sort and visible columns under a name, kept for the member who saved it or shared
// with the team. Pure: what a view may hold, how one read from a peer is cleaned, and what applying it does to a
// list's state, checked in Node.

export const VIEW_LISTS = ['customers', 'deals', 'tickets'] as const;
export type ViewList = (typeof VIEW_LISTS)[number];
export const VIEW_NAME_MAX = 60;

export type FilterValue = string | boolean;

/** What a list shows: its filters (by name), its order, and its optional columns in display order. */
export interface ListState {
  filters: Record<string, FilterValue>;
  sort: { key: string; descending: boolean };
  columns: string[];
}

export interface SavedView {
  id: string;
  list: ViewList;
  name: string;
  /** The member who saved it; only they change it. */
  ownerId: string;
  /** Shown to the whole team (otherwise only to its owner). */
  shared: boolean;
  state: ListState;
  createdAt: number;
}

/** A filter takes any text (an id, a tag), a yes/no, or one of a fixed set of values. */
type FilterSpec = { kind: 'text' } | { kind: 'flag' } | { kind: 'choice'; values: readonly string[] };

export interface ListSpec {
  filters: Record<string, FilterSpec>;
  sorts: readonly string[];
  /** Optional columns, in their natural order; the row's name or title always shows. */
  columns: readonly string[];
  /** The state a list starts in, and what a view that leaves a filter out means. */
  defaults: ListState;
}

export const DEAL_STATUS_FILTERS = ['open', 'won', 'lost', 'all'] as const;
export const TICKET_STATUS_FILTERS = ['active', ...TICKET_STATUSES, 'all'] as const;
export const TICKET_SORTS = ['sla', 'created', 'updated'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

export const LIST_SPECS: Record<ViewList, ListSpec> = {
  customers: {
    filters: {
      text: { kind: 'text' },
      tag: { kind: 'text' },
      ownerId: { kind: 'text' },
      lifecycle: { kind: 'choice', values: ['', ...LIFECYCLE_STAGES] },
      segment: { kind: 'text' },
      deleted: { kind: 'flag' },
    },
    sorts: ['name', 'updated', 'created', 'churn', 'clv'],
    columns: ['company', 'contact', 'lifecycle', 'owner'],
    defaults: {
      filters: { text: '', tag: '', ownerId: '', lifecycle: '', segment: '', deleted: false },
      sort: { key: 'name', descending: false },
      columns: ['company', 'contact', 'lifecycle', 'owner'],
    },
  },
  deals: {
    filters: { status: { kind: 'choice', values: DEAL_STATUS_FILTERS } },
    sorts: ['amount', 'expectedClose'],
    columns: ['customer', 'stage', 'amount', 'probability', 'expectedClose', 'owner'],
    defaults: {
      filters: { status: 'open' },
      sort: { key: 'expectedClose', descending: false },
      columns: ['customer', 'stage', 'amount', 'probability', 'expectedClose', 'owner'],
    },
  },
  tickets: {
    filters: {
      status: { kind: 'choice', values: TICKET_STATUS_FILTERS },
      priority: { kind: 'choice', values: ['', ...PRIORITIES] },
      assignee: { kind: 'text' },
    },
    sorts: TICKET_SORTS,
    columns: ['customer', 'status', 'priority', 'sla'],
    defaults: {
      filters: { status: 'active', priority: '', assignee: '' },
      sort: { key: 'sla', descending: false },
      columns: ['customer', 'status', 'priority', 'sla'],
    },
  },
};

export function isViewList(value: unknown): value is ViewList {
  return typeof value === 'string' && (VIEW_LISTS as readonly string[]).includes(value);
}

const TEXT_MAX = 200;

function filterOk(spec: FilterSpec | undefined, value: unknown): value is FilterValue {
  if (!spec) return false;
  if (spec.kind === 'flag') return typeof value === 'boolean';
  if (typeof value !== 'string') return false;
  return spec.kind === 'text' ? value.length <= TEXT_MAX : spec.values.includes(value);
}

/** The problems of a view someone wants to save, keyed by field (`name`, `filters.<name>`, `sort`, `columns`). */
export function validateView(input: { list: unknown; name: unknown; state: unknown }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (!name) issues.push({ field: 'name', code: 'required' });
  else if (name.length > VIEW_NAME_MAX) issues.push({ field: 'name', code: 'too_long' });
  if (!isViewList(input.list)) return [...issues, { field: 'list', code: 'invalid' }];
  const spec = LIST_SPECS[input.list];
  const state = (typeof input.state === 'object' && input.state !== null ? input.state : {}) as Partial<Record<keyof ListState, unknown>>;
  const filters = (typeof state.filters === 'object' && state.filters !== null ? state.filters : {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(filters)) {
    if (!filterOk(spec.filters[key], value)) issues.push({ field: `filters.${key}`, code: 'invalid' });
  }
  const sort = state.sort as { key?: unknown; descending?: unknown } | undefined;
  if (!sort || typeof sort.key !== 'string' || !spec.sorts.includes(sort.key) || typeof sort.descending !== 'boolean') {
    issues.push({ field: 'sort', code: 'invalid' });
  }
  const columns = state.columns;
  if (!Array.isArray(columns) || columns.some((column) => typeof column !== 'string' || !spec.columns.includes(column)) || new Set(columns).size !== columns.length) {
    issues.push({ field: 'columns', code: 'invalid' });
  }
  return issues;
}

/**
 * A list state read from a document (a peer's, an older app's) made safe to apply: unknown or malformed filters and
 * columns are dropped, a missing filter takes the list's default, an unknown sort falls back to the default one.
 */
export function cleanListState(list: ViewList, raw: unknown): ListState {
  const spec = LIST_SPECS[list];
  const state = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof ListState, unknown>>;
  const given = (typeof state.filters === 'object' && state.filters !== null ? state.filters : {}) as Record<string, unknown>;
  const filters: Record<string, FilterValue> = { ...spec.defaults.filters };
  for (const [key, value] of Object.entries(given)) if (filterOk(spec.filters[key], value)) filters[key] = value;
  const sort = state.sort as { key?: unknown; descending?: unknown } | undefined;
  const sortOk = typeof sort?.key === 'string' && spec.sorts.includes(sort.key);
  const columns = Array.isArray(state.columns) ? state.columns.filter((column): column is string => typeof column === 'string' && spec.columns.includes(column)) : [...spec.defaults.columns];
  return {
    filters,
    sort: sortOk ? { key: sort.key as string, descending: sort.descending === true } : { ...spec.defaults.sort },
    columns: [...new Set(columns)],
  };
}

/** Whether the list shows exactly what a view holds (the view menu marks it as the one in use). */
export function viewMatches(list: ViewList, view: Pick<SavedView, 'state'>, current: ListState): boolean {
  const a = cleanListState(list, view.state);
  const b = cleanListState(list, current);
  const spec = LIST_SPECS[list];
  return (
    Object.keys(spec.filters).every((key) => a.filters[key] === b.filters[key]) &&
    a.sort.key === b.sort.key &&
    a.sort.descending === b.sort.descending &&
    a.columns.join() === b.columns.join()
  );
}

/** The views a member sees on one list: their own and the team's shared ones, by name, then oldest first. */
export function visibleViews(views: readonly SavedView[], list: ViewList, memberId: string): SavedView[] {
  return views
    .filter((view) => view.list === list && (view.ownerId === memberId || view.shared))
    .sort((a, b) => a.name.localeCompare(b.name) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Shows or hides one optional column, keeping the list's natural column order. */
export function toggleColumn(list: ViewList, columns: readonly string[], column: string): string[] {
  const shown = new Set(columns);
  if (shown.has(column)) shown.delete(column);
  else shown.add(column);
  return LIST_SPECS[list].columns.filter((name) => shown.has(name));
}

/** Who may change a view: only the member who saved it (the team sees a shared view, and may save a copy). */
export function canEditView(view: Pick<SavedView, 'ownerId'>, memberId: string): boolean {
  return view.ownerId === memberId;
}

/**
 * The ticket queue's order: 'sla' is the service queue (breached first, then the nearest due time); 'created' and
 * 'updated' put the newest first, or the oldest when not descending.
 */
export function ticketOrder(sort: { key: string; descending: boolean }, at: number): (a: Ticket, b: Ticket) => number {
  if (sort.key !== 'created' && sort.key !== 'updated') return compareTickets<Ticket>(at);
  const field = sort.key === 'created' ? 'createdAt' : 'updatedAt';
  const sign = sort.descending ? -1 : 1;
  return (a, b) => sign * (a[field] - b[field]) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
