/**
 * The schedule part of the task form as plain data: due day and time, a reminder, and a
 * repetition that becomes an RFC 5545 RRULE (the subset the server takes: FREQ DAILY, WEEKLY,
 * MONTHLY with INTERVAL, BYDAY, BYMONTHDAY, COUNT, UNTIL). A rule the form cannot show (made in
 * the chat, say) is kept as it is unless the user picks another repetition.
 */
import { instantToZoned, zonedToInstant } from '../lib/zones';
import type { Schedule, Task } from './types';

export const WEEKDAYS = [
  { code: 'MO', short: 'Mon', name: 'Monday' },
  { code: 'TU', short: 'Tue', name: 'Tuesday' },
  { code: 'WE', short: 'Wed', name: 'Wednesday' },
  { code: 'TH', short: 'Thu', name: 'Thursday' },
  { code: 'FR', short: 'Fri', name: 'Friday' },
  { code: 'SA', short: 'Sat', name: 'Saturday' },
  { code: 'SU', short: 'Sun', name: 'Sunday' },
] as const;

export type Weekday = (typeof WEEKDAYS)[number]['code'];

const WORKDAYS: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR'];

export type RepeatKind = 'none' | 'daily' | 'weekdays' | 'weekly' | 'monthly' | 'interval' | 'keep';
export type IntervalUnit = 'DAILY' | 'WEEKLY' | 'MONTHLY';
export type RepeatEnd = 'never' | 'until' | 'count';

/** Reminder choices: none, minutes before the due time, or at a chosen moment. */
export const REMINDER_LEADS = [
  { minutes: 0, label: 'At due time' },
  { minutes: 10, label: '10 minutes before' },
  { minutes: 60, label: '1 hour before' },
  { minutes: 1440, label: '1 day before' },
] as const;

export interface ScheduleForm {
  dueDate: string;
  dueTime: string;
  /** 'none', 'at', or minutes before due as a string ('0', '10', ...) */
  reminder: string;
  /** datetime-local value on the user's clock, for reminder 'at' */
  remindAt: string;
  repeat: RepeatKind;
  /** weekly: the days; empty means the due date's weekday */
  days: Weekday[];
  interval: number;
  unit: IntervalUnit;
  end: RepeatEnd;
  until: string;
  count: number;
  /** the rule as the server has it, for 'keep' */
  rule: string | null;
  /** its words, for 'keep' */
  ruleText: string | null;
}

export const EMPTY_SCHEDULE: ScheduleForm = {
  dueDate: '',
  dueTime: '',
  reminder: 'none',
  remindAt: '',
  repeat: 'none',
  days: [],
  interval: 2,
  unit: 'DAILY',
  end: 'never',
  until: '',
  count: 10,
  rule: null,
  ruleText: null,
};

/** The weekday code of a YYYY-MM-DD date. */
export function weekdayOf(isoDate: string): Weekday {
  const [year, month, day] = isoDate.split('-').map(Number);
  const sundayFirst = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return WEEKDAYS[(sundayFirst + 6) % 7].code;
}

/** The RRULE of the form's repetition, or null for none; 'keep' gives the rule as it was. */
export function toRrule(form: ScheduleForm): string | null {
  if (form.repeat === 'keep') return form.rule;
  if (form.repeat === 'none' || !form.dueDate) return null;
  const parts: string[] = [];
  switch (form.repeat) {
    case 'daily':
      parts.push('FREQ=DAILY');
      break;
    case 'weekdays':
      parts.push('FREQ=WEEKLY', `BYDAY=${WORKDAYS.join(',')}`);
      break;
    case 'weekly': {
      const days = form.days.length > 0 ? form.days : [weekdayOf(form.dueDate)];
      const ordered = WEEKDAYS.map((d) => d.code).filter((code) => days.includes(code));
      parts.push('FREQ=WEEKLY', `BYDAY=${ordered.join(',')}`);
      break;
    }
    case 'monthly':
      parts.push('FREQ=MONTHLY', `BYMONTHDAY=${Number(form.dueDate.slice(8, 10))}`);
      break;
    case 'interval':
      parts.push(`FREQ=${form.unit}`);
      if (form.interval > 1) parts.push(`INTERVAL=${Math.floor(form.interval)}`);
      break;
  }
  if (form.end === 'until' && form.until) parts.push(`UNTIL=${form.until.replaceAll('-', '')}`);
  if (form.end === 'count' && form.count >= 1) parts.push(`COUNT=${Math.floor(form.count)}`);
  return parts.join(';');
}

/** The form's repetition fields for a rule; one the form cannot show is kept ('keep'). */
export function fromRrule(rule: string | null, text: string | null, dueDate: string | null): Partial<ScheduleForm> {
  if (!rule) return { repeat: 'none', rule: null, ruleText: null };
  const keep: Partial<ScheduleForm> = { repeat: 'keep', rule, ruleText: text };
  const fields = new Map<string, string>();
  for (const part of rule.toUpperCase().split(';')) {
    const [key, value] = part.split('=');
    if (!key || value === undefined || fields.has(key)) return keep;
    fields.set(key, value);
  }
  const freq = fields.get('FREQ');
  const interval = Number(fields.get('INTERVAL') ?? '1');
  const byDay = fields.get('BYDAY');
  const byMonthDay = fields.get('BYMONTHDAY');
  const end: Partial<ScheduleForm> = fields.has('UNTIL')
    ? { end: 'until', until: untilDate(fields.get('UNTIL')!) }
    : fields.has('COUNT')
      ? { end: 'count', count: Number(fields.get('COUNT')) }
      : { end: 'never' };
  if (end.until === '' || (end.end === 'count' && !(end.count! >= 1)) || !(interval >= 1)) return keep;
  const known = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'UNTIL', 'COUNT']);
  if ([...fields.keys()].some((key) => !known.has(key))) return keep;
  const base = { rule, ruleText: text, ...end };

  const days = byDay?.split(',') ?? [];
  const plainDays = days.every((d) => WEEKDAYS.some((w) => w.code === d));
  if (freq === 'DAILY' && !byDay && !byMonthDay) {
    return interval === 1 ? { ...base, repeat: 'daily' } : { ...base, repeat: 'interval', unit: 'DAILY', interval };
  }
  if (freq === 'WEEKLY' && !byMonthDay && plainDays) {
    if (interval === 1 && days.length === 5 && WORKDAYS.every((d) => days.includes(d))) {
      return { ...base, repeat: 'weekdays' };
    }
    if (interval === 1 && days.length > 0) return { ...base, repeat: 'weekly', days: days as Weekday[] };
    if (days.length === 0) return { ...base, repeat: 'interval', unit: 'WEEKLY', interval };
  }
  if (freq === 'MONTHLY' && !byDay) {
    const onDueDay = !byMonthDay || (dueDate !== null && Number(byMonthDay) === Number(dueDate.slice(8, 10)));
    if (interval === 1 && onDueDay) return { ...base, repeat: 'monthly' };
    if (!byMonthDay) return { ...base, repeat: 'interval', unit: 'MONTHLY', interval };
  }
  return keep;
}

function untilDate(until: string): string {
  const match = /^(\d{4})(\d{2})(\d{2})/.exec(until);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : '';
}

/** The form's fields for a task as the server has it, on the user's clock. */
export function scheduleOf(task: Task, zone: string): ScheduleForm {
  const lead = task.remindBeforeMinutes;
  return {
    ...EMPTY_SCHEDULE,
    dueDate: task.dueDate ?? '',
    dueTime: task.dueTime ?? '',
    reminder: lead != null ? String(lead) : task.remindAt ? 'at' : 'none',
    remindAt: task.remindAt ? instantToZoned(task.remindAt, zone) : '',
    ...fromRrule(task.recurrence ?? null, task.recurrenceText ?? null, task.dueDate),
  };
}

/** What the form says, as the task's fields (null where unset). */
export function toSchedule(form: ScheduleForm, zone: string): Schedule {
  const dueDate = form.dueDate || null;
  const lead = form.reminder !== 'none' && form.reminder !== 'at' && dueDate ? Number(form.reminder) : null;
  return {
    dueDate,
    dueTime: dueDate && form.dueTime ? form.dueTime.slice(0, 5) : null,
    remindAt: form.reminder === 'at' && form.remindAt ? zonedToInstant(form.remindAt, zone).toISOString() : null,
    remindBeforeMinutes: lead,
    recurrence: dueDate ? toRrule(form) : null,
  };
}

/**
 * The fields that differ from the task, for updateTask (absent keeps, null clears). The reminder
 * goes as one: an instant or a lead, never both (the server refuses both together).
 */
export function scheduleChanges(task: Task, schedule: Schedule): Partial<Schedule> {
  const changes: Partial<Schedule> = {};
  if (schedule.dueDate !== task.dueDate) changes.dueDate = schedule.dueDate;
  if (schedule.dueTime !== (task.dueTime ?? null)) changes.dueTime = schedule.dueTime;
  // a rule sent again counts anew from the due date: sent only when it means something else
  if (!sameRule(schedule.recurrence, task.recurrence ?? null)) changes.recurrence = schedule.recurrence;
  const lead = task.remindBeforeMinutes ?? null;
  if (schedule.remindBeforeMinutes !== null) {
    if (schedule.remindBeforeMinutes !== lead) changes.remindBeforeMinutes = schedule.remindBeforeMinutes;
  } else if (schedule.remindAt !== null) {
    if (lead !== null || !sameInstant(schedule.remindAt, task.remindAt)) changes.remindAt = schedule.remindAt;
  } else if (lead !== null) {
    changes.remindBeforeMinutes = null; // and with it the instant it made
  } else if (task.remindAt) {
    changes.remindAt = null;
  }
  return changes;
}

/** The same rule, whatever the order of its parts (the server may write them in its own). */
function sameRule(a: string | null, b: string | null): boolean {
  const parts = (rule: string | null) => rule?.toUpperCase().split(';').sort().join(';') ?? null;
  return parts(a) === parts(b);
}

function sameInstant(a: string, b: string | null | undefined): boolean {
  return b != null && new Date(a).getTime() === new Date(b).getTime();
}

/** The schedule's fields worth sending with a new task (the unset ones left out). */
export function newTaskSchedule(schedule: Schedule): Partial<Schedule> {
  return Object.fromEntries(Object.entries(schedule).filter(([, value]) => value !== null));
}

/** A reminder lead in words: "at due time", "10 minutes before", "2 days before". */
export function describeLead(minutes: number): string {
  const preset = REMINDER_LEADS.find((lead) => lead.minutes === minutes);
  if (preset) return preset.label;
  const [amount, unit] =
    minutes % 1440 === 0 ? [minutes / 1440, 'day'] : minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
  return `${amount} ${unit}${amount === 1 ? '' : 's'} before`;
}
