import type { ApiClient } from '../lib/api';
import type { ListTasksRequest, Task, TaskChanges, TaskPage } from './types';

export function listTasks(api: ApiClient, request: ListTasksRequest): Promise<TaskPage> {
  return api.call<TaskPage>('/api/todo/listTasks', request);
}

export function addTask(api: ApiClient, title: string): Promise<Task> {
  return api.call<Task>('/api/todo/addTask', { title });
}

export function updateTask(api: ApiClient, id: number, changes: TaskChanges): Promise<Task> {
  return api.call<Task>('/api/todo/updateTask', { id, ...changes });
}

export function completeTask(api: ApiClient, id: number): Promise<Task> {
  return api.call<Task>('/api/todo/completeTask', { id });
}

export function deleteTask(api: ApiClient, id: number): Promise<{ id: number; deleted: true }> {
  return api.call('/api/todo/deleteTask', { id });
}
