import { describe, expect, test } from 'vitest';
import { ticketInputOf, type TicketDraft } from '../../../src/app/service/utils/ticketDraft';

const draft: TicketDraft = { customerId: 'c1', kind: 'inquiry', subject: ' Invoice copy ', priority: 'normal', assigneeId: '' };

describe('ticket form input', () => {
  test('a new ticket sends its filled fields and names the required ones left empty', () => {
    expect(ticketInputOf(draft)).toEqual({ input: { customerId: 'c1', kind: 'inquiry', subject: 'Invoice copy', priority: 'normal' }, issues: [] });
    expect(ticketInputOf({ ...draft, customerId: '', subject: '  ' }).issues).toEqual([
      { field: 'customerId', code: 'required' },
      { field: 'subject', code: 'required' },
    ]);
  });

  test('an edit sends only what changed, and clearing the assignee sends null', () => {
    const before = { ...draft, assigneeId: 'm1' };
    expect(ticketInputOf({ ...before, priority: 'urgent', assigneeId: '' }, before)).toEqual({ input: { priority: 'urgent', assigneeId: null }, issues: [] });
  });
});
