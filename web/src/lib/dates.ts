/**
 * Due dates are plain calendar dates (YYYY-MM-DD) with an optional time of day (HH:mm), both on
 * the clock of the user's own time zone.
 */
import { todayIn } from './zones';

export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function parseIsoDate(iso: string): Date {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(year, month - 1, day);
}

function nextDay(iso: string): string {
  const date = parseIsoDate(iso);
  return localIsoDate(new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1));
}

export interface DueLabel {
  text: string;
  overdue: boolean;
}

/**
 * "Due today", "Due tomorrow", "Overdue: Mon, Mar 2", "Due Fri, May 3" (the year only when not
 * this year), with " at 09:00" when there is a due time. "Today" is today in `zone` when given
 * (the user's profile zone), else in the browser's. A task due today at a time already past is
 * still "Due today": the day, not the minute, makes it overdue, as the server's filters count it.
 */
export function describeDue(
  dueDate: string,
  now = new Date(),
  locale?: string,
  dueTime?: string | null,
  zone?: string,
): DueLabel {
  const today = zone ? todayIn(zone, now) : localIsoDate(now);
  const at = dueTime ? ` at ${dueTime}` : '';
  if (dueDate === today) return { text: `Due today${at}`, overdue: false };
  if (dueDate === nextDay(today)) return { text: `Due tomorrow${at}`, overdue: false };
  const formatted = formatDate(dueDate, today, locale) + at;
  return dueDate < today
    ? { text: `Overdue: ${formatted}`, overdue: true }
    : { text: `Due ${formatted}`, overdue: false };
}

/** "Fri, May 3 at 09:00" (the year only when not this year). */
export function formatDueTime(dueDate: string, dueTime: string | null, now = new Date(), locale?: string): string {
  return formatDate(dueDate, localIsoDate(now), locale) + (dueTime ? ` at ${dueTime}` : '');
}

function formatDate(iso: string, today: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    ...(iso.slice(0, 4) !== today.slice(0, 4) && { year: 'numeric' }),
  }).format(parseIsoDate(iso));
}
