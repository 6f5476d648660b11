'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../lib/api';
import { errorMessage } from '../lib/errors';
import { toListRequest, type TaskFilters } from './query';
import { listTasks } from './taskApi';
import type { Task } from './types';

interface ListState {
  items: Task[];
  nextCursor: string | null;
  loading: 'first' | 'more' | null;
  error: string | null;
}

/**
 * The pages of tasks for the current filters: the first page loads again whenever the filters
 * or `version` change (the chat bumps it after each reply); "load more" appends the next page.
 * An answer that arrives after a newer request started is dropped.
 */
export function useTaskList(api: ApiClient, filters: TaskFilters, version: number) {
  const [state, setState] = useState<ListState>({ items: [], nextCursor: null, loading: 'first', error: null });
  const latest = useRef(0);

  const load = useCallback(
    async (cursor?: string) => {
      const request = ++latest.current;
      setState((s) => ({ ...s, loading: cursor ? 'more' : 'first', error: null }));
      try {
        const page = await listTasks(api, toListRequest(filters, cursor));
        if (request !== latest.current) return;
        setState((s) => ({
          items: cursor ? [...s.items, ...page.items.filter((t) => !s.items.some((o) => o.id === t.id))] : page.items,
          nextCursor: page.nextCursor,
          loading: null,
          error: null,
        }));
      } catch (error) {
        if (request === latest.current) setState((s) => ({ ...s, loading: null, error: errorMessage(error) }));
      }
    },
    [api, filters],
  );

  useEffect(() => {
    void load();
  }, [load, version]);

  return {
    ...state,
    reload: () => load(),
    loadMore: () => state.nextCursor && load(state.nextCursor),
    replace: (task: Task) => setState((s) => ({ ...s, items: s.items.map((t) => (t.id === task.id ? task : t)) })),
    remove: (id: number) => setState((s) => ({ ...s, items: s.items.filter((t) => t.id !== id) })),
  };
}
