import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { serviceApi } from '../../../src/data/api/serviceApi';
import type { RapportDb } from '../../../src/data/db';
import type { WorkspaceEngine } from '../../../src/data/engine';
import type { CustomerId, TaskId, TicketId } from '../../../src/domain/ids';
import { setClockForTests } from '../../../src/platform/clock';
import { newId } from '../../../src/platform/ids';
import { startDevice, stopDevice, type Device } from '../sync/devices';

const HOUR = 3_600_000;
let time: number;
let device: Device;
let db: RapportDb;
let engine: WorkspaceEngine;
let api: ReturnType<typeof serviceApi>;
let customerId: CustomerId;

beforeEach(async () => {
  time = Date.UTC(2027, 2, 9, 9, 0, 0);
  // A fixed clock: every figure below is exact.
  setClockForTests(() => time);
  device = await startDevice('Alice', newId());
  ({ db, engine } = device);
  api = serviceApi({ engine, actor: device.actor, tabId: 'tab-1', onProgress: () => undefined });
  const customer = await device.commands.createCustomer({ name: '王芳' });
  if (!customer.ok) throw new Error('no customer');
  customerId = customer.value;
});

afterEach(() => stopDevice(device));

describe('a complaint logged on a customer', () => {
  test('opens a high-priority complaint ticket, due in 8 hours, linked to the interaction', async () => {
    const logged = await api.logInteraction({ customerId, type: 'complaint', direction: 'inbound', subject: 'Parcel arrived broken', body: 'Box crushed.' });
    if (!logged.ok) throw new Error(JSON.stringify(logged.issues));
    await engine.projection.idle();
    const tickets = await db.tickets.toArray();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({
      customerId,
      kind: 'complaint',
      subject: 'Parcel arrived broken',
      status: 'open',
      priority: 'high',
      slaDue: Date.UTC(2027, 2, 9, 17, 0, 0),
      assigneeId: device.actor.memberId,
    });
    expect(await db.interactions.get(logged.value.id)).toMatchObject({ type: 'complaint', customerId, ticketId: tickets[0]?.id, at: time });
  });

  test('without a subject takes the first line of the body; with neither, nothing is written', async () => {
    expect((await api.logInteraction({ customerId, type: 'complaint', body: 'Rude driver\nat the gate' })).ok).toBe(true);
    expect(await api.logInteraction({ customerId, type: 'complaint' })).toEqual({ ok: false, issues: [{ field: 'subject', code: 'required' }] });
    expect(await api.logInteraction({ customerId, type: 'complaint', subject: 'x', score: 1.5 })).toEqual({ ok: false, issues: [{ field: 'score', code: 'invalid_score' }] });
    await engine.projection.idle();
    expect((await db.tickets.toArray()).map((ticket) => ticket.subject)).toEqual(['Rude driver']);
    expect(await db.interactions.count()).toBe(1);
  });

  test('a reply on a ticket and other interactions open no ticket', async () => {
    const ticket = await api.createTicket({ customerId, kind: 'inquiry', subject: 'Opening hours?' });
    if (!ticket.ok) throw new Error('no ticket');
    expect((await api.logInteraction({ customerId, type: 'complaint', subject: 'Still waiting', ticketId: ticket.value })).ok).toBe(true);
    expect((await api.logInteraction({ customerId, type: 'call', subject: 'Called back' })).ok).toBe(true);
    await engine.projection.idle();
    expect(await db.tickets.count()).toBe(1);
  });
});

describe('tickets', () => {
  test('a new ticket is open, normal priority and due in 24 hours; a new priority moves the SLA from the opening', async () => {
    const created = await api.createTicket({ customerId, kind: 'inquiry', subject: 'Invoice copy' });
    if (!created.ok) throw new Error('no ticket');
    const id = created.value as TicketId;
    await engine.projection.idle();
    expect(await db.tickets.get(id)).toMatchObject({ status: 'open', priority: 'normal', slaDue: time + 24 * HOUR });
    time += 2 * HOUR;
    expect((await api.updateTicket(id, { priority: 'urgent' })).ok).toBe(true);
    await engine.projection.idle();
    expect((await db.tickets.get(id))?.slaDue).toBe(Date.UTC(2027, 2, 9, 13, 0, 0));
  });

  test('status moves only along the allowed steps', async () => {
    const created = await api.createTicket({ customerId, kind: 'feedback', subject: 'Nice shop', priority: 'low' });
    if (!created.ok) throw new Error('no ticket');
    const id = created.value as TicketId;
    expect(await api.updateTicket(id, { status: 'closed' })).toEqual({ ok: false, issues: [{ field: 'status', code: 'invalid_transition' }] });
    expect((await api.updateTicket(id, { status: 'resolved' })).ok).toBe(true);
    expect((await api.updateTicket(id, { status: 'closed' })).ok).toBe(true);
    await engine.projection.idle();
    expect((await db.tickets.get(id))?.status).toBe('closed');
    expect(await api.updateTicket(newId<TicketId>(), { status: 'open' })).toEqual({ ok: false, issues: [{ field: 'id', code: 'not_found' }] });
  });
});

describe('tasks', () => {
  test('completing a follow-up logs the call on its customer in the same call', async () => {
    const created = await api.createTask({ title: 'Call back about the refund', customerId, due: time + HOUR });
    if (!created.ok) throw new Error('no task');
    const id = created.value as TaskId;
    expect(await api.completeTask(id, { customerId, type: 'purchase' })).toMatchObject({ ok: false });
    await engine.projection.idle();
    expect((await db.tasks.get(id))?.done).toBe(false);
    expect((await api.completeTask(id, { customerId, type: 'call', direction: 'outbound', subject: 'Call back about the refund' })).ok).toBe(true);
    await engine.projection.idle();
    expect((await db.tasks.get(id))?.done).toBe(true);
    expect(await db.interactions.where('[customerId+at]').between([customerId, 0], [customerId, Infinity]).toArray()).toMatchObject([
      { type: 'call', subject: 'Call back about the refund', at: time },
    ]);
  });
});
