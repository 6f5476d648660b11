import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApiClient } from './api';

const json = (status: number, body: unknown, type = 'application/json', headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type, ...headers } });

function client(responses: (Response | Error)[], token: string | null = 'token-1') {
  const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => {
    const next = responses.shift();
    if (!next) throw new Error('no more responses');
    if (next instanceof Error) throw next;
    return next;
  });
  const sleep = vi.fn(async (_ms: number) => {});
  const options = {
    getToken: () => token,
    onUnauthorized: vi.fn(),
    onWakingChange: vi.fn(),
    retryDelaysMs: [10, 20, 30],
    fetch,
    sleep,
  };
  return { api: createApiClient(options), fetch, sleep, options };
}

describe('api client', () => {
  it('posts JSON with the bearer token and returns the parsed answer', async () => {
    const { api, fetch } = client([json(200, { items: [], nextCursor: null })]);

    const page = await api.call('/api/todo/listTasks', { status: 'pending' });

    expect(page).toEqual({ items: [], nextCursor: null });
    const [path, init] = fetch.mock.calls[0];
    expect(path).toBe('/api/todo/listTasks');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"status":"pending"}');
    expect(init?.headers).toMatchObject({
      Authorization: 'Bearer token-1',
      'Content-Type': 'application/json',
      Accept: 'application/json',
    });
  });

  it('sends no Authorization header without a token', async () => {
    const { api, fetch } = client([json(200, {})], null);

    await api.call('/api/todo/login', {});

    expect(fetch.mock.calls[0][1]?.headers).not.toHaveProperty('Authorization');
  });

  it('turns a problem+json answer into an error with its detail and field', async () => {
    const problem = { title: 'Invalid title', status: 400, detail: 'title must not be empty', field: 'title' };
    const { api } = client([json(400, problem, 'application/problem+json')]);

    const error = await api.call('/api/todo/addTask', { title: '' }).catch((e) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, message: 'title must not be empty', field: 'title' });
  });

  it('falls back to the problem title, then to a sentence for the status', async () => {
    const { api } = client([
      json(409, { title: 'Conflict', status: 409 }, 'application/problem+json'),
      new Response('<html>too big</html>', { status: 413, headers: { 'Content-Type': 'text/html' } }),
    ]);

    await expect(api.call('/api/todo/signup', {})).rejects.toMatchObject({ status: 409, message: 'Conflict' });
    await expect(api.call('/api/todo/addTask', {})).rejects.toMatchObject({
      status: 413,
      message: 'That is too large to send.',
    });
  });

  it('ends the session on a 401 to a call that carried a token', async () => {
    const { api, options } = client([json(401, { detail: 'token expired' }, 'application/problem+json')]);

    await expect(api.call('/api/todo/listTasks', {})).rejects.toMatchObject({ status: 401 });
    expect(options.onUnauthorized).toHaveBeenCalledOnce();
  });

  it('shows the detail of a 401 to sign-in instead of ending a session', async () => {
    const { api, options } = client(
      [json(401, { detail: 'wrong email or password' }, 'application/problem+json')],
      null,
    );

    await expect(api.call('/api/todo/login', {})).rejects.toMatchObject({ message: 'wrong email or password' });
    expect(options.onUnauthorized).not.toHaveBeenCalled();
  });

  it.each([502, 503, 504])('waits and retries an idempotent call while a function wakes up (%i)', async (status) => {
    const { api, fetch, sleep, options } = client([
      new Response('', { status }),
      new Response('', { status }),
      json(200, { ok: true }),
    ]);

    await expect(api.call('/api/todo/listTasks', {}, { idempotent: true })).resolves.toEqual({ ok: true });

    expect(fetch).toHaveBeenCalledTimes(3);
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([10, 20]);
    expect(options.onWakingChange.mock.calls).toEqual([[true], [false]]);
  });

  it.each([502, 503, 504])('does not send a plain write again after %i: it may have been done', async (status) => {
    const { api, fetch, sleep, options } = client([new Response('', { status }), json(200, { ok: true })]);

    await expect(api.call('/api/todo/updateTask', { id: 1, title: 'x' })).rejects.toMatchObject({
      status,
      message: 'The service is still waking up. Please try again in a moment.',
    });

    expect(fetch).toHaveBeenCalledOnce();
    expect(sleep).not.toHaveBeenCalled();
    expect(options.onWakingChange).not.toHaveBeenCalled();
  });

  it('sends the idempotency key as a header and the same key with every retry', async () => {
    const { api, fetch } = client([
      new Response('', { status: 504 }),
      new TypeError('Failed to fetch'),
      json(200, { id: 7 }),
    ]);

    await expect(api.call('/api/todo/addTask', { title: 'Buy milk' }, { idempotencyKey: 'key-1' })).resolves.toEqual({
      id: 7,
    });

    expect(fetch).toHaveBeenCalledTimes(3);
    for (const [, init] of fetch.mock.calls) {
      expect(init?.headers).toMatchObject({ 'Idempotency-Key': '"key-1"' });
      expect(init?.body).toBe('{"title":"Buy milk"}');
    }
  });

  it('sends no idempotency key unless given one', async () => {
    const { api, fetch } = client([json(200, {})]);

    await api.call('/api/todo/listTasks', {}, { idempotent: true });

    expect(fetch.mock.calls[0][1]?.headers).not.toHaveProperty('Idempotency-Key');
  });

  it('retries any call that got no answer at all', async () => {
    const { api, fetch } = client([new TypeError('Failed to fetch'), json(200, { ok: true })]);

    await expect(api.call('/api/todo/updateTask', { id: 1, title: 'x' })).resolves.toEqual({ ok: true });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('waits as long as Retry-After asks, up to a limit', async () => {
    const { api, sleep } = client([
      json(503, { detail: 'database unavailable' }, 'application/problem+json', { 'Retry-After': '2' }),
      json(503, {}, 'application/problem+json', { 'Retry-After': '3600' }),
      json(200, {}),
    ]);

    await api.call('/api/todo/listTasks', {}, { idempotent: true });

    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([2000, 10000]);
  });

  it('gives up after the last retry with the last answer', async () => {
    const { api, fetch, options } = client([
      new Response('', { status: 503 }),
      new Response('', { status: 503 }),
      new Response('', { status: 503 }),
      json(503, { detail: 'database unavailable' }, 'application/problem+json'),
    ]);

    await expect(api.call('/api/todo/listTasks', {}, { idempotent: true })).rejects.toMatchObject({
      status: 503,
      message: 'database unavailable',
    });
    expect(fetch).toHaveBeenCalledTimes(4);
    expect(options.onWakingChange).toHaveBeenLastCalledWith(false);
  });

  it('says the server cannot be reached when the network never answers', async () => {
    const down = () => new TypeError('Failed to fetch');
    const { api } = client([down(), down(), down(), down()]);

    await expect(api.call('/api/todo/listTasks', {})).rejects.toMatchObject({
      status: 0,
      message: 'Cannot reach the server. Check your connection and try again.',
    });
  });

  it('reports waking once while several calls wait', async () => {
    const { api, options } = client([
      new Response('', { status: 502 }),
      new Response('', { status: 502 }),
      json(200, {}),
      json(200, {}),
    ]);

    await Promise.all([api.call('/a', {}, { idempotent: true }), api.call('/b', {}, { idempotent: true })]);

    expect(options.onWakingChange.mock.calls).toEqual([[true], [false]]);
  });

  it('does not retry a call that was aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const { api, fetch } = client([new DOMException('aborted', 'AbortError')]);

    await expect(api.send('/api/chat/chat', {}, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(fetch).toHaveBeenCalledOnce();
  });
});
