import { describe, expect, it } from 'vitest';
import { readSse, SseParser, type SseEvent } from './sse';

function parse(...chunks: string[]): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = new SseParser((event) => events.push(event));
  chunks.forEach((chunk) => parser.push(chunk));
  return events;
}

function stream(...chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      chunks.forEach((chunk) => controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk));
      controller.close();
    },
  });
}

describe('SSE parser', () => {
  it('reads named events with their data', () => {
    expect(parse('event: delta\ndata: {"text":"Hi"}\n\nevent: done\ndata: {}\n\n')).toEqual([
      { type: 'delta', data: '{"text":"Hi"}' },
      { type: 'done', data: '{}' },
    ]);
  });

  it.each(['\n', '\r\n', '\r'])('joins events split across chunks at any point (%j)', (eol) => {
    const text = ['event: tool', 'data: {"name":"add_task"}', '', 'event: delta', 'data: ok', '', ''].join(eol);
    for (let cut = 1; cut < text.length; cut++) {
      expect(parse(text.slice(0, cut), text.slice(cut))).toEqual([
        { type: 'tool', data: '{"name":"add_task"}' },
        { type: 'delta', data: 'ok' },
      ]);
    }
  });

  it('accepts CRLF and CR line endings, also with CRLF split between chunks', () => {
    expect(parse('event: a\r\ndata: 1\r', '\n\r\nevent: b\rdata: 2\r\r')).toEqual([
      { type: 'a', data: '1' },
      { type: 'b', data: '2' },
    ]);
  });

  it('joins data lines with newlines, strips only the first space, and defaults the type', () => {
    expect(parse('data:one\ndata:  two\n\n')).toEqual([{ type: 'message', data: 'one\n two' }]);
  });

  it('ignores comments, unknown fields and events without data', () => {
    expect(parse(': keep-alive\n\nid: 7\nretry: 1000\nevent: ping\n\nevent: x\ndata\n\n')).toEqual([
      { type: 'x', data: '' },
    ]);
  });

  it('does not dispatch an event the stream ends in the middle of', () => {
    expect(parse('event: delta\ndata: partial')).toEqual([]);
  });

  it('reads events from a byte stream, with a UTF-8 character split between chunks', async () => {
    const bytes = new TextEncoder().encode('event: delta\ndata: {"text":"café ☕"}\n\n');
    const split = bytes.length - 6; // inside the three bytes of ☕
    const events: SseEvent[] = [];
    for await (const event of readSse(stream(bytes.slice(0, split), bytes.slice(split)))) events.push(event);

    expect(events).toEqual([{ type: 'delta', data: '{"text":"café ☕"}' }]);
  });
});
