import { describe, expect, it } from 'vitest';
import { instantToZoned, todayIn, zonedToInstant } from './zones';

describe('time zones', () => {
  it('turns a wall-clock time in a zone into its instant and back', () => {
    expect(zonedToInstant('2030-01-15T09:00', 'Europe/Berlin').toISOString()).toBe('2030-01-15T08:00:00.000Z');
    expect(zonedToInstant('2030-07-15T09:00', 'Europe/Berlin').toISOString()).toBe('2030-07-15T07:00:00.000Z');
    expect(zonedToInstant('2030-07-15T09:00', 'America/New_York').toISOString()).toBe('2030-07-15T13:00:00.000Z');
    expect(instantToZoned('2030-07-15T13:00:00Z', 'America/New_York')).toBe('2030-07-15T09:00');
  });

  it('keeps 09:00 at 09:00 on both sides of a daylight-saving change', () => {
    expect(zonedToInstant('2030-03-30T09:00', 'Europe/Berlin').toISOString()).toBe('2030-03-30T08:00:00.000Z');
    expect(zonedToInstant('2030-03-31T09:00', 'Europe/Berlin').toISOString()).toBe('2030-03-31T07:00:00.000Z');
  });

  it('counts today in the given zone, not the browser’s', () => {
    const instant = new Date('2030-05-03T23:30:00Z');
    expect(todayIn('UTC', instant)).toBe('2030-05-03');
    expect(todayIn('Asia/Tokyo', instant)).toBe('2030-05-04');
    expect(todayIn('Pacific/Pago_Pago', instant)).toBe('2030-05-03');
  });
});
