import { describe, expect, it } from 'vitest';
import {
  describeLead,
  EMPTY_SCHEDULE,
  fromRrule,
  newTaskSchedule,
  scheduleChanges,
  scheduleOf,
  toRrule,
  toSchedule,
  weekdayOf,
  type ScheduleForm,
} from './schedule';
import type { Task } from './types';

// Wed 15 May 2030
const form = (changes: Partial<ScheduleForm>): ScheduleForm => ({
  ...EMPTY_SCHEDULE,
  dueDate: '2030-05-15',
  ...changes,
});

const task: Task = {
  id: 7,
  title: 'Water the plants',
  description: null,
  completed: false,
  dueDate: '2030-05-15',
  dueTime: '09:00',
  remindAt: '2030-05-15T06:50:00Z',
  remindBeforeMinutes: 10,
  recurrence: 'FREQ=WEEKLY;BYDAY=MO,WE',
  recurrenceText: 'every week on Monday and Wednesday',
  priority: 'medium',
  tags: [],
  createdAt: '2030-05-01T09:30:00Z',
  updatedAt: '2030-05-01T09:30:00Z',
  completedAt: null,
  version: 1,
};

describe('repeat rules', () => {
  it.each([
    [{ repeat: 'none' }, null],
    [{ repeat: 'daily' }, 'FREQ=DAILY'],
    [{ repeat: 'weekdays' }, 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'],
    [{ repeat: 'weekly', days: ['WE', 'MO'] }, 'FREQ=WEEKLY;BYDAY=MO,WE'],
    [{ repeat: 'weekly', days: [] }, 'FREQ=WEEKLY;BYDAY=WE'],
    [{ repeat: 'monthly' }, 'FREQ=MONTHLY;BYMONTHDAY=15'],
    [{ repeat: 'interval', unit: 'DAILY', interval: 3 }, 'FREQ=DAILY;INTERVAL=3'],
    [{ repeat: 'interval', unit: 'WEEKLY', interval: 2 }, 'FREQ=WEEKLY;INTERVAL=2'],
    [{ repeat: 'interval', unit: 'MONTHLY', interval: 3 }, 'FREQ=MONTHLY;INTERVAL=3'],
    [{ repeat: 'daily', end: 'until', until: '2030-06-30' }, 'FREQ=DAILY;UNTIL=20300630'],
    [{ repeat: 'daily', end: 'count', count: 5 }, 'FREQ=DAILY;COUNT=5'],
  ] as [Partial<ScheduleForm>, string | null][])('%j gives %s', (fields, rule) => {
    expect(toRrule(form(fields))).toBe(rule);
    // and the form shows it again as it was chosen
    if (rule) expect(toRrule(form({ ...fields, ...fromRrule(rule, null, '2030-05-15') }))).toBe(rule);
  });

  it('reads a monthly rule without a day as monthly on the due day', () => {
    expect(fromRrule('FREQ=MONTHLY', null, '2030-05-15')).toMatchObject({ repeat: 'monthly' });
  });

  it('keeps a rule it cannot show, as it is', () => {
    const rule = 'FREQ=MONTHLY;BYDAY=-1FR';
    const fields = fromRrule(rule, 'every month on the last Friday', '2030-05-15');
    expect(fields).toMatchObject({ repeat: 'keep', ruleText: 'every month on the last Friday' });
    expect(toRrule(form(fields))).toBe(rule);
  });

  it('knows the weekday of a date', () => {
    expect(weekdayOf('2030-05-15')).toBe('WE');
    expect(weekdayOf('2030-05-19')).toBe('SU');
  });
});

describe('the schedule of a task', () => {
  it('reads a task into the form and back unchanged', () => {
    const fields = scheduleOf(task, 'Europe/Berlin');
    expect(fields).toMatchObject({ dueTime: '09:00', reminder: '10', repeat: 'weekly', days: ['MO', 'WE'] });
    expect(scheduleChanges(task, toSchedule(fields, 'Europe/Berlin'))).toEqual({});
  });

  it('sends a reminder at a moment on the user’s clock as an instant, in place of a lead', () => {
    const fields = { ...scheduleOf(task, 'Europe/Berlin'), reminder: 'at', remindAt: '2030-05-14T20:00' };
    expect(scheduleChanges(task, toSchedule(fields, 'Europe/Berlin'))).toEqual({
      remindAt: '2030-05-14T18:00:00.000Z',
    });
  });

  it('does not send a rule again that the server wrote in another order', () => {
    const written = { ...task, recurrence: 'BYDAY=MO,WE;FREQ=WEEKLY' };
    expect(scheduleChanges(written, toSchedule(scheduleOf(written, 'UTC'), 'UTC'))).toEqual({});
  });

  it('clears what was removed', () => {
    const fields = { ...scheduleOf(task, 'UTC'), dueTime: '', reminder: 'none', repeat: 'none' as const };
    expect(scheduleChanges(task, toSchedule(fields, 'UTC'))).toEqual({
      dueTime: null,
      recurrence: null,
      remindBeforeMinutes: null,
    });
  });

  it('drops what needs a due date when there is none', () => {
    const schedule = toSchedule(form({ dueDate: '', dueTime: '09:00', reminder: '10', repeat: 'daily' }), 'UTC');
    expect(schedule).toEqual({
      dueDate: null,
      dueTime: null,
      remindAt: null,
      remindBeforeMinutes: null,
      recurrence: null,
    });
    expect(newTaskSchedule(schedule)).toEqual({});
  });

  it('sends only what is set with a new task', () => {
    const schedule = toSchedule(form({ dueTime: '18:30', reminder: '60', repeat: 'weekly', days: ['FR'] }), 'UTC');
    expect(newTaskSchedule(schedule)).toEqual({
      dueDate: '2030-05-15',
      dueTime: '18:30',
      remindBeforeMinutes: 60,
      recurrence: 'FREQ=WEEKLY;BYDAY=FR',
    });
  });

  it('words a reminder lead', () => {
    expect(describeLead(0)).toBe('At due time');
    expect(describeLead(120)).toBe('2 hours before');
    expect(describeLead(2880)).toBe('2 days before');
    expect(describeLead(25)).toBe('25 minutes before');
  });
});
