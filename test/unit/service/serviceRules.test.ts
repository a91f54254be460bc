import { describe, expect, test } from 'vitest';
import { checkStatusChange, compareTickets, isBreached, nextStatuses, slaDueAt, SLA_HOURS } from '../../../src/domain/service';
import { attentionCount, localDayStart, remindersBetween, taskBucket } from '../../../src/domain/tasks';

const opened = Date.UTC(2027, 2, 9, 9, 30, 0);

describe('ticket status', () => {
  test('work moves forward; resolved and closed tickets can be reopened; closing needs a resolution', () => {
    expect(nextStatuses('open')).toEqual(['pending', 'resolved']);
    expect(nextStatuses('pending')).toEqual(['open', 'resolved']);
    expect(nextStatuses('resolved')).toEqual(['closed', 'open']);
    expect(nextStatuses('closed')).toEqual(['open']);
    expect(checkStatusChange('open', 'pending')).toEqual([]);
    expect(checkStatusChange('resolved', 'closed')).toEqual([]);
    expect(checkStatusChange('open', 'open')).toEqual([]);
    expect(checkStatusChange('open', 'closed')).toEqual([{ field: 'status', code: 'invalid_transition' }]);
    expect(checkStatusChange('closed', 'pending')).toEqual([{ field: 'status', code: 'invalid_transition' }]);
  });
});

describe('SLA', () => {
  test('due 4, 8, 24 and 72 hours after opening by priority', () => {
    expect(SLA_HOURS).toEqual({ urgent: 4, high: 8, normal: 24, low: 72 });
    expect(slaDueAt('urgent', opened)).toBe(Date.UTC(2027, 2, 9, 13, 30, 0));
    expect(slaDueAt('high', opened)).toBe(Date.UTC(2027, 2, 9, 17, 30, 0));
    expect(slaDueAt('normal', opened)).toBe(Date.UTC(2027, 2, 10, 9, 30, 0));
    expect(slaDueAt('low', opened)).toBe(Date.UTC(2027, 2, 12, 9, 30, 0));
  });

  test('breached only after the due time and only while the team owes an answer', () => {
    const slaDue = slaDueAt('urgent', opened);
    expect(isBreached({ status: 'open', slaDue }, slaDue)).toBe(false);
    expect(isBreached({ status: 'open', slaDue }, slaDue + 1)).toBe(true);
    expect(isBreached({ status: 'pending', slaDue }, slaDue + 1)).toBe(true);
    expect(isBreached({ status: 'resolved', slaDue }, slaDue + 1)).toBe(false);
    expect(isBreached({ status: 'closed', slaDue }, slaDue + 1)).toBe(false);
    expect(isBreached({ status: 'open' }, slaDue + 1)).toBe(false);
  });

  test('the queue puts breached tickets first, then the soonest due, closed ones last', () => {
    const at = opened + 5 * 3_600_000;
    const tickets = [
      { id: 'closed', status: 'closed' as const, slaDue: opened, createdAt: 1 },
      { id: 'later', status: 'open' as const, slaDue: slaDueAt('low', opened), createdAt: 2 },
      { id: 'soon', status: 'pending' as const, slaDue: slaDueAt('high', opened), createdAt: 3 },
      { id: 'breached', status: 'open' as const, slaDue: slaDueAt('urgent', opened), createdAt: 4 },
    ];
    expect(tickets.sort(compareTickets(at)).map((ticket) => ticket.id)).toEqual(['breached', 'soon', 'later', 'closed']);
  });
});

describe('tasks by day in the reader’s zone', () => {
  // 23:30 on 9 March in Beijing (UTC+8) is 15:30 UTC; half an hour later it is the 10th there, still the 9th in UTC.
  const beforeMidnight = Date.UTC(2027, 2, 9, 15, 30);
  const afterMidnight = Date.UTC(2027, 2, 9, 16, 30);
  const beijing = 480;

  test('local midnight for zones east and west of UTC', () => {
    expect(localDayStart(beforeMidnight, beijing)).toBe(Date.UTC(2027, 2, 8, 16, 0));
    expect(localDayStart(afterMidnight, beijing)).toBe(Date.UTC(2027, 2, 9, 16, 0));
    expect(localDayStart(beforeMidnight, 0)).toBe(Date.UTC(2027, 2, 9));
    expect(localDayStart(Date.UTC(2027, 2, 9, 3, 0), -300)).toBe(Date.UTC(2027, 2, 8, 5, 0));
  });

  test('a task due at 22:00 Beijing time is today until local midnight, then overdue', () => {
    const due = Date.UTC(2027, 2, 9, 14, 0);
    expect(taskBucket({ done: false, due }, beforeMidnight, beijing)).toBe('today');
    expect(taskBucket({ done: false, due }, afterMidnight, beijing)).toBe('overdue');
    // The same instants read in UTC are still the 9th: today both times.
    expect(taskBucket({ done: false, due }, afterMidnight, 0)).toBe('today');
  });

  test('tomorrow, undated and done tasks', () => {
    const tomorrowMorning = Date.UTC(2027, 2, 10, 1, 0);
    expect(taskBucket({ done: false, due: tomorrowMorning }, beforeMidnight, beijing)).toBe('upcoming');
    expect(taskBucket({ done: false, due: tomorrowMorning }, afterMidnight, beijing)).toBe('today');
    expect(taskBucket({ done: false }, afterMidnight, beijing)).toBe('undated');
    expect(taskBucket({ done: true, due: 0 }, afterMidnight, beijing)).toBe('done');
  });

  test('the badge counts live overdue and due-today tasks', () => {
    const tasks = [
      { done: false, due: Date.UTC(2027, 2, 8, 12, 0) },
      { done: false, due: Date.UTC(2027, 2, 9, 14, 0) },
      { done: false, due: Date.UTC(2027, 2, 11, 14, 0) },
      { done: true, due: Date.UTC(2027, 2, 9, 14, 0) },
      { done: false, due: Date.UTC(2027, 2, 9, 14, 0), deletedAt: 1 },
      { done: false },
    ];
    expect(attentionCount(tasks, beforeMidnight, beijing)).toBe(2);
  });

  test('reminders fire once their reminder (else due) time is reached', () => {
    const tasks = [
      { id: 'reminder', done: false, due: afterMidnight + 3_600_000, reminderAt: beforeMidnight + 60_000 },
      { id: 'due', done: false, due: beforeMidnight + 120_000 },
      { id: 'past', done: false, due: beforeMidnight },
      { id: 'done', done: true, due: beforeMidnight + 60_000 },
    ];
    expect(remindersBetween(tasks, beforeMidnight, beforeMidnight + 60_000).map((task) => task.id)).toEqual(['reminder']);
    expect(remindersBetween(tasks, beforeMidnight + 60_000, beforeMidnight + 180_000).map((task) => task.id)).toEqual(['due']);
  });
});
