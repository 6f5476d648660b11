import type { ApiClient } from '../lib/api';
import type { Reminder } from './types';

/** The user's reminders that came due and are not dismissed, newest first. */
export async function listReminders(api: ApiClient, signal?: AbortSignal): Promise<Reminder[]> {
  const { items } = await api.call<{ items: Reminder[] }>('/api/todo/listReminders', {}, { idempotent: true, signal });
  return items;
}

/** Dismissing twice changes nothing more: retried while the function wakes up. */
export function dismissReminders(api: ApiClient, ids: number[]): Promise<{ dismissed: number }> {
  return api.call('/api/todo/dismissReminders', { ids }, { idempotent: true });
}
