import type { FieldIssue } from './validation';
import type { PRIORITIES, TICKET_STATUSES } from './work';

// Customer service rules: how a ticket moves between statuses and when its answer is due. Pure, so the SLA clock
// and the breach warning can be checked by hand in Node.

export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type Priority = (typeof PRIORITIES)[number];

const HOUR = 3_600_000;

/** Hours the team has to resolve a ticket, by priority. */
export const SLA_HOURS: Readonly<Record<Priority, number>> = { urgent: 4, high: 8, normal: 24, low: 72 };

/** A complaint logged on a customer opens a ticket of this priority: an unhappy customer should not wait a day. */
export const COMPLAINT_PRIORITY: Priority = 'high';

/**
 * Where a ticket may go from each status. Work moves forward (open → pending → resolved → closed); a ticket that was
 * answered too soon can be reopened, and closing needs a resolution first so no ticket is closed unanswered.
 */
const NEXT_STATUSES: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  open: ['pending', 'resolved'],
  pending: ['open', 'resolved'],
  resolved: ['closed', 'open'],
  closed: ['open'],
};

export function nextStatuses(status: TicketStatus): readonly TicketStatus[] {
  return NEXT_STATUSES[status];
}

/** The problem with moving a ticket from one status to another, if any. */
export function checkStatusChange(from: TicketStatus, to: TicketStatus): FieldIssue[] {
  return from === to || NEXT_STATUSES[from].includes(to) ? [] : [{ field: 'status', code: 'invalid_transition' }];
}

export function isPriority(value: unknown): value is Priority {
  return typeof value === 'string' && Object.hasOwn(SLA_HOURS, value);
}

/** When a ticket opened at `openedAt` with this priority must be resolved. */
export function slaDueAt(priority: Priority, openedAt: number): number {
  return openedAt + SLA_HOURS[priority] * HOUR;
}

/** Open and pending tickets still wait for the team; resolved and closed ones do not. */
export function isActiveStatus(status: TicketStatus): boolean {
  return status === 'open' || status === 'pending';
}

/** A ticket is breached once its SLA due time has passed while the team still owes an answer. */
export function isBreached(ticket: { status: TicketStatus; slaDue?: number | undefined }, at: number): boolean {
  return ticket.slaDue !== undefined && isActiveStatus(ticket.status) && at > ticket.slaDue;
}

/** The ticket queue's order: breached first, then the soonest due, then the newest. */
export function compareTickets<T extends { status: TicketStatus; slaDue?: number | undefined; createdAt: number }>(at: number): (a: T, b: T) => number {
  return (a, b) =>
    Number(isBreached(b, at)) - Number(isBreached(a, at)) ||
    Number(isActiveStatus(b.status)) - Number(isActiveStatus(a.status)) ||
    (a.slaDue ?? Infinity) - (b.slaDue ?? Infinity) ||
    b.createdAt - a.createdAt;
}
