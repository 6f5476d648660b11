'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../lib/api';
import { errorMessage, isQuiet } from '../lib/errors';
import { dismissReminders, listReminders } from './reminderApi';
import type { Reminder } from './types';

export const POLL_INTERVAL_MS = 30_000;

/**
 * The user's due reminders, read every 30 seconds and whenever the window gets focus again.
 * `onNew` hears of reminders first seen after the first read (those already there when the page
 * opened are in the list, but are not news).
 */
export function useReminders(api: ApiClient, onNew: (reminders: Reminder[]) => void) {
  const [items, setItems] = useState<Reminder[]>([]);
  const [error, setError] = useState<string | null>(null);
  const seen = useRef<Set<number> | null>(null);
  const newsListener = useRef(onNew);
  newsListener.current = onNew;
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const request = ++latest.current;
    try {
      const read = await listReminders(api);
      if (request !== latest.current) return;
      const known = seen.current;
      const fresh = known ? read.filter((r) => !known.has(r.id)) : [];
      seen.current = new Set([...(known ?? []), ...read.map((r) => r.id)]);
      setItems(read);
      setError(null);
      if (fresh.length > 0) newsListener.current(fresh);
    } catch (caught) {
      if (request === latest.current && !isQuiet(caught)) setError(errorMessage(caught));
    }
  }, [api]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_INTERVAL_MS);
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [refresh]);

  const dismiss = useCallback(
    async (ids: number[]) => {
      setError(null);
      latest.current++; // a read under way may still list them
      try {
        await dismissReminders(api, ids);
        setItems((current) => current.filter((r) => !ids.includes(r.id)));
      } catch (caught) {
        setError(errorMessage(caught));
      }
    },
    [api],
  );

  return { items, error, refresh, dismiss };
}
