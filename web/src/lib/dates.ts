/** Due dates are plain calendar dates (YYYY-MM-DD), compared in the user's own time zone. */

export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function parseIsoDate(iso: string): Date {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(year, month - 1, day);
}

export interface DueLabel {
  text: string;
  overdue: boolean;
}

/** "Due today", "Due tomorrow", "Overdue: Mon, Mar 2", "Due Fri, May 3" (the year only when not this year). */
export function describeDue(dueDate: string, now = new Date(), locale?: string): DueLabel {
  const today = localIsoDate(now);
  const tomorrow = localIsoDate(new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1));
  if (dueDate === today) return { text: 'Due today', overdue: false };
  if (dueDate === tomorrow) return { text: 'Due tomorrow', overdue: false };
  const date = parseIsoDate(dueDate);
  const formatted = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    ...(date.getFullYear() !== now.getFullYear() && { year: 'numeric' }),
  }).format(date);
  return dueDate < today
    ? { text: `Overdue: ${formatted}`, overdue: true }
    : { text: `Due ${formatted}`, overdue: false };
}
