import { describe, expect, it } from 'vitest';
import { describeDue, localIsoDate } from './dates';

const now = new Date(2030, 4, 3, 23, 30); // Fri 3 May 2030, late evening

describe('due dates', () => {
  it('formats the local calendar date', () => {
    expect(localIsoDate(now)).toBe('2030-05-03');
  });

  it('says today and tomorrow in words', () => {
    expect(describeDue('2030-05-03', now)).toEqual({ text: 'Due today', overdue: false });
    expect(describeDue('2030-05-04', now)).toEqual({ text: 'Due tomorrow', overdue: false });
  });

  it('marks past dates overdue and shows the year only when it differs', () => {
    expect(describeDue('2030-05-01', now, 'en-US')).toEqual({ text: 'Overdue: Wed, May 1', overdue: true });
    expect(describeDue('2031-01-10', now, 'en-US')).toEqual({ text: 'Due Fri, Jan 10, 2031', overdue: false });
  });
});

describe('due times', () => {
  it('adds the due time to the day', () => {
    expect(describeDue('2030-05-04', now, 'en-US', '09:00')).toEqual({ text: 'Due tomorrow at 09:00', overdue: false });
    expect(describeDue('2030-05-10', now, 'en-US', '18:30')).toEqual({
      text: 'Due Fri, May 10 at 18:30',
      overdue: false,
    });
  });

  it('counts today in the user’s zone when given', () => {
    const instant = new Date('2030-05-03T23:30:00Z');
    expect(describeDue('2030-05-04', instant, 'en-US', null, 'Asia/Tokyo')).toEqual({
      text: 'Due today',
      overdue: false,
    });
    expect(describeDue('2030-05-03', instant, 'en-US', null, 'Asia/Tokyo')).toEqual({
      text: 'Overdue: Fri, May 3',
      overdue: true,
    });
  });
});
