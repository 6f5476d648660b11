import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, PAGE_SIZE, toListRequest } from './query';

describe('listTasks request', () => {
  it('lists everything, newest first, a page at a time by default', () => {
    expect(toListRequest(DEFAULT_FILTERS)).toEqual({ status: 'all', sort: 'created', limit: PAGE_SIZE });
  });

  it.each([
    ['open', { status: 'pending' }],
    ['done', { status: 'completed' }],
    ['overdue', { status: 'pending', due: 'overdue' }],
    ['today', { status: 'all', due: 'today' }],
  ] as const)('maps the %s view', (view, expected) => {
    expect(toListRequest({ ...DEFAULT_FILTERS, view })).toMatchObject(expected);
  });

  it('adds priority, tag, trimmed search text, sort and cursor when set', () => {
    const filters = { ...DEFAULT_FILTERS, priority: 'high', tag: 'shop', q: '  milk ', sort: 'due' } as const;

    expect(toListRequest(filters, 'next-page')).toEqual({
      status: 'all',
      priority: 'high',
      tag: 'shop',
      q: 'milk',
      sort: 'due',
      limit: PAGE_SIZE,
      cursor: 'next-page',
    });
  });
});
