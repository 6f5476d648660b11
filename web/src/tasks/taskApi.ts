import { ApiError, type ApiClient } from '../lib/api';
import type { BulkResult, ListTasksRequest, Task, TaskChanges, TaskPage } from './types';

export function listTasks(api: ApiClient, request: ListTasksRequest): Promise<TaskPage> {
  return api.call<TaskPage>('/api/todo/listTasks', request, { idempotent: true });
}

export function getTask(api: ApiClient, id: number): Promise<Task> {
  return api.call<Task>('/api/todo/getTask', { id }, { idempotent: true });
}

/**
 * Adds a task. `idempotencyKey` names this one addition: a request sent again with the same key
 * (by the client's retries, or by the user trying again after a failure) adds nothing more.
 */
export function addTask(
  api: ApiClient,
  title: string,
  idempotencyKey: string,
  details: Omit<TaskChanges, 'title'> = {},
): Promise<Task> {
  return api.call<Task>('/api/todo/addTask', { title, ...details }, { idempotencyKey });
}

/** Changes `task` as it was read: refused with a 409 when it has changed since. */
export function updateTask(api: ApiClient, task: Task, changes: TaskChanges): Promise<Task> {
  return api.call<Task>('/api/todo/updateTask', { id: task.id, version: task.version, ...changes });
}

/** Completes `task` as it was read: refused with a 409 when it has changed since. */
export function completeTask(api: ApiClient, task: Task): Promise<Task> {
  return api.call<Task>('/api/todo/completeTask', { id: task.id, version: task.version });
}

export function deleteTask(api: ApiClient, id: number): Promise<{ id: number; deleted: true }> {
  return api.call('/api/todo/deleteTask', { id });
}

/**
 * Completes several tasks at once: a result per id, in the order given, each on its own (one
 * missing task does not undo the others). Not retried after a 502/503/504: the first try may
 * have done the work, and a second would then report each task as failed.
 */
export async function completeTasks(api: ApiClient, ids: number[]): Promise<BulkResult[]> {
  return (await api.call<{ results: BulkResult[] }>('/api/todo/completeTasks', { ids })).results;
}

/** Deletes several tasks at once, a result per id (not retried either, as for completeTasks). */
export async function deleteTasks(api: ApiClient, ids: number[]): Promise<BulkResult[]> {
  return (await api.call<{ results: BulkResult[] }>('/api/todo/deleteTasks', { ids })).results;
}

export const CHANGED_ELSEWHERE = 'This task was changed elsewhere; showing the latest. Your change was not saved.';

export interface ChangeOutcome {
  /** The task as the server has it now. */
  task: Task;
  /** The change was refused because the task had changed since it was read; `task` is the latest. */
  stale: boolean;
}

/**
 * Runs a change of `task`. When the server refuses it because someone else (the chat, another
 * tab) changed the task since it was read, reads the task again instead of guessing a merge.
 */
export async function changeOrReload(
  api: ApiClient,
  task: Task,
  change: (task: Task) => Promise<Task>,
): Promise<ChangeOutcome> {
  try {
    return { task: await change(task), stale: false };
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 409)) throw error;
    return { task: await getTask(api, task.id), stale: true };
  }
}
