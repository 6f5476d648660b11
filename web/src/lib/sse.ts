/**
 * A Server-Sent Events reader for streams that `EventSource` cannot open (it only GETs):
 * the WHATWG parsing rules for the fields this app uses (`event`, `data`), with lines ending in
 * LF, CRLF or CR, and events, lines and UTF-8 characters split anywhere between chunks.
 */

export interface SseEvent {
  /** The `event` field, `message` when absent. */
  type: string;
  /** The `data` lines joined by newlines. */
  data: string;
}

export class SseParser {
  private buffer = '';
  private afterCR = false;
  private type = '';
  private data: string[] = [];

  constructor(private readonly onEvent: (event: SseEvent) => void) {}

  /** Feeds decoded text; complete events are passed to the callback as they finish. */
  push(chunk: string): void {
    if (chunk === '') return;
    const text = this.buffer + chunk;
    // the LF of a CRLF that was split between chunks ends no line
    let start = this.afterCR && text.startsWith('\n') ? 1 : 0;
    this.afterCR = false;
    for (let i = start; i < text.length; i++) {
      const c = text[i];
      if (c !== '\n' && c !== '\r') continue;
      this.line(text.slice(start, i));
      if (c === '\r') {
        if (i + 1 === text.length) this.afterCR = true;
        else if (text[i + 1] === '\n') i++;
      }
      start = i + 1;
    }
    this.buffer = text.slice(start);
  }

  private line(line: string): void {
    if (line === '') {
      if (this.data.length > 0) this.onEvent({ type: this.type || 'message', data: this.data.join('\n') });
      this.type = '';
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.type = value;
    else if (field === 'data') this.data.push(value);
  }
}

/** Yields the events of an SSE response body as they arrive. */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const ready: SseEvent[] = [];
  const parser = new SseParser((event) => ready.push(event));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      parser.push(done ? decoder.decode() : decoder.decode(value, { stream: true }));
      yield* ready.splice(0);
      if (done) return;
    }
  } finally {
    // stops the download when the caller leaves early; a no-op on a finished stream
    reader.cancel().catch(() => {});
  }
}
