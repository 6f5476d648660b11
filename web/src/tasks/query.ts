import type { ListTasksRequest, Priority } from './types';

export const VIEWS = [
  { id: 'all', label: 'All' },
  { id: 'open', label: 'Open' },
  { id: 'done', label: 'Done' },
  { id: 'overdue', label: 'Overdue' },
  { id: 'today', label: 'Today' },
] as const;

export type View = (typeof VIEWS)[number]['id'];

export type Sort = NonNullable<ListTasksRequest['sort']>;

export interface TaskFilters {
  view: View;
  priority: Priority | null;
  tag: string | null;
  q: string;
  sort: Sort;
}

export const DEFAULT_FILTERS: TaskFilters = { view: 'all', priority: null, tag: null, q: '', sort: 'created' };

export const PAGE_SIZE = 20;

const VIEW_REQUESTS: Record<View, ListTasksRequest> = {
  all: { status: 'all' },
  open: { status: 'pending' },
  done: { status: 'completed' },
  overdue: { status: 'pending', due: 'overdue' },
  today: { status: 'all', due: 'today' },
};

/** The listTasks body for the chosen filters, leaving out what is not set. */
export function toListRequest(filters: TaskFilters, cursor?: string): ListTasksRequest {
  const q = filters.q.trim();
  return {
    ...VIEW_REQUESTS[filters.view],
    ...(filters.priority && { priority: filters.priority }),
    ...(filters.tag && { tag: filters.tag }),
    ...(q && { q }),
    sort: filters.sort,
    limit: PAGE_SIZE,
    ...(cursor && { cursor }),
  };
}

export function isFiltered(filters: TaskFilters): boolean {
  return filters.view !== 'all' || filters.priority !== null || filters.tag !== null || filters.q.trim() !== '';
}
