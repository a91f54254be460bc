import type { FieldIssue } from '../../../domain/validation';
import type { Ticket } from '../../../domain/work';

/** The ticket form's fields as chosen; keys are the ticket's own field names, so issues land under the right field. */
export type TicketDraft = Pick<Ticket, 'kind' | 'priority'> & { customerId: string; subject: string; assigneeId: string };

export function draftOfTicket(ticket: Ticket): TicketDraft {
  return { customerId: ticket.customerId, kind: ticket.kind, subject: ticket.subject, priority: ticket.priority, assigneeId: ticket.assigneeId ?? '' };
}

/**
 * The fields that differ from `before` (all filled ones for a new ticket) as command input, '' clearing a field,
 * and, for a new ticket, the required fields left empty: the form sends nothing while there are any.
 */
export function ticketInputOf(draft: TicketDraft, before?: TicketDraft): { input: Record<string, unknown>; issues: FieldIssue[] } {
  const input: Record<string, unknown> = {};
  for (const key of Object.keys(draft) as (keyof TicketDraft)[]) {
    const value = draft[key].trim();
    if (before ? before[key] === draft[key] : value === '') continue;
    input[key] = value === '' ? null : value;
  }
  const issues: FieldIssue[] = before ? [] : (['customerId', 'subject'] as const).filter((key) => !draft[key].trim()).map((field) => ({ field, code: 'required' }));
  return { input, issues };
}
