import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../lib/api';
import { failedConversation, sendMessage } from './chatApi';
import type { ToolCall } from './types';

function apiAnswering(response: Response) {
  const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => response);
  const api = createApiClient({ getToken: () => 't', onUnauthorized: () => {}, onWakingChange: () => {}, fetch });
  return { api, fetch };
}

function sse(...chunks: string[]): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      chunks.forEach((chunk) => controller.enqueue(encoder.encode(chunk)));
      controller.close();
    },
  });
  return new Response(body, { headers: { 'Content-Type': 'text/event-stream;charset=UTF-8' } });
}

function recorder() {
  const deltas: string[] = [];
  const tools: ToolCall[] = [];
  return {
    deltas,
    tools,
    listener: { onDelta: (t: string) => deltas.push(t), onTool: (c: ToolCall) => tools.push(c) },
  };
}

const addMilk = { name: 'add_task', arguments: { title: 'Buy milk' }, result: { id: 7, title: 'Buy milk' } };

describe('sendMessage', () => {
  it('asks for a stream and passes on deltas and tool calls as they come', async () => {
    const { api, fetch } = apiAnswering(
      sse(
        `event: tool\ndata: ${JSON.stringify(addMilk)}\n\nevent: del`,
        'ta\ndata: {"text":"Added "}\n\nevent: delta\ndata: {"text":"Buy milk."}\n\n',
        'event: done\ndata: {"conversationId":"c1","messageId":"m2"}\n\n',
      ),
    );
    const { deltas, tools, listener } = recorder();

    const reply = await sendMessage(api, { message: 'add buy milk', conversationId: 'c1' }, listener);

    expect(fetch.mock.calls[0][1]?.headers).toMatchObject({ Accept: 'text/event-stream' });
    expect(fetch.mock.calls[0][1]?.body).toBe('{"message":"add buy milk","conversationId":"c1"}');
    expect(deltas).toEqual(['Added ', 'Buy milk.']);
    expect(tools).toEqual([addMilk]);
    expect(reply).toEqual({ conversationId: 'c1', reply: 'Added Buy milk.', toolCalls: [addMilk] });
  });

  it('takes a plain JSON answer from a server that does not stream', async () => {
    const { api } = apiAnswering(
      new Response(JSON.stringify({ conversationId: 'c9', reply: 'Added Buy milk.', toolCalls: [addMilk] }), {
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    const { deltas, tools, listener } = recorder();

    const reply = await sendMessage(api, { message: 'add buy milk' }, listener);

    expect(reply).toEqual({ conversationId: 'c9', reply: 'Added Buy milk.', toolCalls: [addMilk] });
    expect(deltas).toEqual(['Added Buy milk.']);
    expect(tools).toEqual([addMilk]);
  });

  it('fails with the detail of an error event', async () => {
    const { api } = apiAnswering(sse('event: error\ndata: {"status":502,"detail":"the model is unavailable"}\n\n'));

    await expect(sendMessage(api, { message: 'hi' }, recorder().listener)).rejects.toMatchObject({
      message: 'the model is unavailable',
    });
  });

  it('fails when the stream ends before done', async () => {
    const { api } = apiAnswering(sse('event: delta\ndata: {"text":"Hal"}\n\n'));

    await expect(sendMessage(api, { message: 'hi' }, recorder().listener)).rejects.toMatchObject({
      message: 'The reply was cut off. Please try again.',
    });
  });

  it('sends one idempotency key with every retry of a message, and a new one with the next message', async () => {
    const answers = [
      new Response('', { status: 503 }),
      new Response(JSON.stringify({ conversationId: 'c1', reply: 'Hi.', toolCalls: [] }), {
        headers: { 'Content-Type': 'application/json' },
      }),
      new Response(JSON.stringify({ conversationId: 'c1', reply: 'Hi again.', toolCalls: [] }), {
        headers: { 'Content-Type': 'application/json' },
      }),
    ];
    const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => answers.shift()!);
    const api = createApiClient({
      getToken: () => 't',
      onUnauthorized: () => {},
      onWakingChange: () => {},
      fetch,
      retryDelaysMs: [0],
      sleep: async () => {},
    });

    await sendMessage(api, { message: 'hi' }, recorder().listener);
    await sendMessage(api, { message: 'hi' }, recorder().listener);

    const keys = fetch.mock.calls.map((call) => (call[1]?.headers as Record<string, string>)['Idempotency-Key']);
    expect(keys[0]).toMatch(/^"[0-9a-f]{32}"$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('names the conversation a failed message started, from the JSON problem or the error event', async () => {
    const problem = { status: 409, detail: 'busy', conversationId: 'c7' };
    const { api } = apiAnswering(
      new Response(JSON.stringify(problem), { status: 409, headers: { 'Content-Type': 'application/problem+json' } }),
    );
    const json = await sendMessage(api, { message: 'hi' }, recorder().listener).catch((e: unknown) => e);
    expect(failedConversation(json)).toBe('c7');

    const streamed = apiAnswering(
      sse('event: error\ndata: {"status":502,"detail":"the model failed","conversationId":"c8"}\n\n'),
    );
    const event = await sendMessage(streamed.api, { message: 'hi' }, recorder().listener).catch((e: unknown) => e);
    expect(failedConversation(event)).toBe('c8');
    expect(failedConversation(new Error('offline'))).toBeUndefined();
  });
});
