import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApiClient } from '../lib/api';
import { addTask, changeOrReload, completeTask, getTask, updateTask } from './taskApi';
import type { Task } from './types';

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

const task: Task = {
  id: 12,
  title: 'Buy milk',
  description: null,
  completed: false,
  dueDate: null,
  priority: 'medium',
  tags: [],
  createdAt: '2030-05-01T09:30:00Z',
  updatedAt: '2030-05-01T09:30:00Z',
  completedAt: null,
  version: 3,
};

function client(responses: (Response | Error)[]) {
  const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => {
    const next = responses.shift();
    if (!next) throw new Error('no more responses');
    if (next instanceof Error) throw next;
    return next;
  });
  const api = createApiClient({
    getToken: () => 'token-1',
    onUnauthorized: vi.fn(),
    onWakingChange: vi.fn(),
    retryDelaysMs: [10, 20],
    fetch,
    sleep: async () => {},
  });
  return { api, fetch };
}

const sent = (fetch: ReturnType<typeof client>['fetch'], call = 0) => ({
  path: fetch.mock.calls[call][0],
  body: JSON.parse(String(fetch.mock.calls[call][1]?.body)),
  headers: fetch.mock.calls[call][1]?.headers as Record<string, string>,
});

describe('task calls', () => {
  it('send the version the change is based on', async () => {
    const { api, fetch } = client([json(200, task), json(200, task)]);

    await updateTask(api, task, { title: 'Buy oat milk' });
    await completeTask(api, task);

    expect(sent(fetch, 0)).toMatchObject({
      path: '/api/todo/updateTask',
      body: { id: 12, version: 3, title: 'Buy oat milk' },
    });
    expect(sent(fetch, 1)).toMatchObject({ path: '/api/todo/completeTask', body: { id: 12, version: 3 } });
  });

  it('add a task with its idempotency key, retried after a gateway timeout', async () => {
    const { api, fetch } = client([new Response('', { status: 504 }), json(200, task)]);

    await expect(addTask(api, 'Buy milk', 'key-1')).resolves.toEqual(task);

    expect(fetch).toHaveBeenCalledTimes(2);
    expect(sent(fetch, 0).headers['Idempotency-Key']).toBe('"key-1"');
    expect(sent(fetch, 1).headers['Idempotency-Key']).toBe('"key-1"');
  });

  it('retry reading a task while the function wakes up', async () => {
    const { api, fetch } = client([new Response('', { status: 503 }), json(200, task)]);

    await expect(getTask(api, 12)).resolves.toEqual(task);

    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

describe('changeOrReload', () => {
  it('gives the changed task', async () => {
    const { api } = client([]);
    const changed = { ...task, title: 'Buy oat milk', version: 4 };

    await expect(changeOrReload(api, task, async () => changed)).resolves.toEqual({ task: changed, stale: false });
  });

  it('reads the task again when it was changed elsewhere since it was read', async () => {
    const latest = { ...task, title: 'Buy milk and bread', version: 5 };
    const { api, fetch } = client([
      json(
        409,
        { status: 409, detail: 'Task 12 changed since you read it', currentVersion: 5 },
        'application/problem+json',
      ),
      json(200, latest),
    ]);

    const outcome = await changeOrReload(api, task, (read) => updateTask(api, read, { title: 'Buy oat milk' }));

    expect(outcome).toEqual({ task: latest, stale: true });
    expect(sent(fetch, 1)).toMatchObject({ path: '/api/todo/getTask', body: { id: 12 } });
  });

  it('passes any other failure on', async () => {
    const { api, fetch } = client([json(404, { status: 404, detail: 'No task 12' }, 'application/problem+json')]);

    const error = await changeOrReload(api, task, (read) => completeTask(api, read)).catch((e) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, message: 'No task 12' });
    expect(fetch).toHaveBeenCalledOnce();
  });
});
