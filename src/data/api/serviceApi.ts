import type * as Y from 'yjs';
import type { InteractionId, TaskId, TicketId } from '../../domain/ids';
import { InteractionFieldsSchema } from '../../domain/interaction';
import { checkStatusChange, COMPLAINT_PRIORITY, isPriority, slaDueAt, type TicketStatus } from '../../domain/service';
import { toFieldIssues, type Validated } from '../../domain/validation';
import { TicketSchema } from '../../domain/work';
import { now } from '../../platform/clock';
import { WORK_DOC } from '../../sync/documentNames';
import { MAP_ENTITIES } from '../../sync/entities';
import { readRecordMap, type FieldChange } from '../../sync/recordMaps';
import type { LeaderContext } from './context';

/**
 * Customer service and follow-ups. Tickets and tasks are written by the generic record commands; these calls add
 * service's rules where the documents are: a ticket's SLA due time follows its priority, its status moves only
 * along the allowed steps, a complaint logged on a customer opens a ticket, and completing a follow-up can log what
 * was done in the same call.
 */
export function serviceApi({ engine, actor, tabId }: LeaderContext) {
  const commands = engine.commands(actor, tabId);

  const readTicket = async (id: TicketId) => {
    const map = (await engine.docs.open(WORK_DOC)).getMap<Y.Map<unknown>>(MAP_ENTITIES.ticket.collection).get(id);
    const ticket = map ? TicketSchema.safeParse(readRecordMap(id, map, MAP_ENTITIES.ticket)) : undefined;
    return ticket?.success ? ticket.data : undefined;
  };

  /** A new ticket is open, normal priority unless said otherwise, and due by its priority's SLA from now. */
  const createTicket = (input: Record<string, unknown>): Promise<Validated<string>> => {
    const priority = input.priority ?? 'normal';
    return commands.createRecord('ticket', {
      status: 'open',
      ...input,
      priority,
      ...(isPriority(priority) ? { slaDue: slaDueAt(priority, now()) } : {}),
    });
  };

  /** A complaint without a ticket opens one first, so the interaction can carry the ticket's id. */
  const logInteraction = async (input: Record<string, unknown>): Promise<Validated<{ id: InteractionId; doc: string }>> => {
    if (input.type !== 'complaint' || input.ticketId !== undefined) return commands.logInteraction(input);
    // Checked before the ticket is written: a refused complaint must not leave a ticket behind.
    const check = InteractionFieldsSchema.safeParse({ at: now(), ...input });
    if (!check.success) return { ok: false, issues: toFieldIssues(check.error.issues) };
    const subject = (check.data.subject || check.data.body || '').trim().split('\n')[0]?.slice(0, 300) ?? '';
    if (!subject) return { ok: false, issues: [{ field: 'subject', code: 'required' }] };
    const ticket = await createTicket({ customerId: check.data.customerId, kind: 'complaint', subject, priority: COMPLAINT_PRIORITY, assigneeId: actor.memberId });
    if (!ticket.ok) return ticket;
    return commands.logInteraction({ ...input, ticketId: ticket.value });
  };

  return {
    createTicket,
    /** Status changes follow checkStatusChange; a new priority moves the SLA due time, counted from the opening. */
    updateTicket: async (id: TicketId, input: Record<string, unknown>): Promise<Validated<FieldChange[]>> => {
      const before = await readTicket(id);
      if (!before) return { ok: false, issues: [{ field: 'id', code: 'not_found' }] };
      if (typeof input.status === 'string') {
        const issues = checkStatusChange(before.status, input.status as TicketStatus);
        if (issues.length) return { ok: false, issues };
      }
      const patch = { ...input };
      if (isPriority(input.priority) && input.priority !== before.priority) patch.slaDue = slaDueAt(input.priority, before.createdAt);
      return commands.updateRecord('ticket', id, patch);
    },
    logInteraction,
    createTask: (input: Record<string, unknown>): Promise<Validated<string>> => commands.createRecord('task', { done: false, ...input }),
    /**
     * Marks a task done, after logging what was done (a call, …) on its customer when asked: the log goes first,
     * so a refused log leaves the task open to try again.
     */
    completeTask: async (id: TaskId, log?: Record<string, unknown>): Promise<Validated<FieldChange[]>> => {
      if (log) {
        const logged = await logInteraction(log);
        if (!logged.ok) return logged;
      }
      return commands.updateRecord('task', id, { done: true });
    },
  };
}
