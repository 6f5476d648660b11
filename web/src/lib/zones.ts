/**
 * Time zones by IANA name (the user's profile zone, which may differ from the browser's), with
 * the platform's Intl: a wall-clock time in a zone to an instant and back.
 */

/** The browser's zone, such as Europe/Berlin, or undefined when the platform does not say. */
export function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}

/** The zones the browser knows, for a picker; just `current` when it cannot list them. */
export function knownTimeZones(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    // an older browser: the current zone only
  }
  return zones.includes(current) ? zones : [current, ...zones];
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function wallClock(instant: number, zone: string): WallClock {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute') };
}

/** The zone's offset from UTC at `instant`, in milliseconds (whole minutes). */
function offsetAt(instant: number, zone: string): number {
  const c = wallClock(instant, zone);
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute);
  return asUtc - Math.floor(instant / 60_000) * 60_000;
}

/**
 * The instant of a wall-clock time ("2030-05-03T08:30", as a datetime-local field gives it) in
 * `zone`. A time skipped by a daylight-saving change counts with the offset before the change.
 */
export function zonedToInstant(local: string, zone: string): Date {
  const [date, time = '00:00'] = local.split('T');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const first = asUtc - offsetAt(asUtc, zone);
  return new Date(asUtc - offsetAt(first, zone));
}

/** `instant` as "YYYY-MM-DDTHH:mm" on the wall clock of `zone` (what a datetime-local field takes). */
export function instantToZoned(instant: string | Date, zone: string): string {
  const c = wallClock(new Date(instant).getTime(), zone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${c.year}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}`;
}

/** Today's date (YYYY-MM-DD) in `zone`. */
export function todayIn(zone: string, now = new Date()): string {
  return instantToZoned(now, zone).slice(0, 10);
}
