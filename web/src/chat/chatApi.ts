import { ApiError, newIdempotencyKey, type ApiClient } from '../lib/api';
import { readSse } from '../lib/sse';
import type { ChatMessage, ChatReply, Conversation, ToolCall } from './types';

export interface ReplyListener {
  /** More text of the reply. */
  onDelta(text: string): void;
  /** A tool call of the reply, as soon as it ran. */
  onTool(call: ToolCall): void;
}

/**
 * Sends a message and streams the reply: asks for SSE (`delta`, `tool` and `done` events) and
 * takes a plain JSON answer as well, for a server that does not stream. The idempotency key makes
 * the server answer a retried send once; a failure names the conversation it started, if any
 * (see {@link failedConversation}).
 */
export async function sendMessage(
  api: ApiClient,
  request: { message: string; conversationId?: string | number },
  listener: ReplyListener,
  signal?: AbortSignal,
  idempotencyKey: string = newIdempotencyKey(),
): Promise<ChatReply> {
  const response = await api.send('/api/chat/chat', request, {
    accept: 'text/event-stream',
    signal,
    idempotencyKey,
  });
  if (!(response.headers.get('Content-Type') ?? '').includes('text/event-stream')) {
    const reply = (await response.json()) as ChatReply;
    const toolCalls = reply.toolCalls ?? [];
    toolCalls.forEach((call) => listener.onTool(call));
    listener.onDelta(reply.reply);
    return { ...reply, toolCalls };
  }

  let text = '';
  const toolCalls: ToolCall[] = [];
  for await (const event of readSse(response.body!)) {
    const data = JSON.parse(event.data);
    switch (event.type) {
      case 'delta':
        text += data.text;
        listener.onDelta(data.text);
        break;
      case 'tool':
        toolCalls.push(data);
        listener.onTool(data);
        break;
      case 'done':
        if (text === '' && typeof data.reply === 'string' && data.reply !== '') {
          text = data.reply;
          listener.onDelta(text);
        }
        return { conversationId: data.conversationId, reply: text, toolCalls };
      case 'error':
        throw new ApiError(data.status ?? 500, data.detail ?? 'The assistant could not answer.', undefined, data);
    }
  }
  throw new ApiError(0, 'The reply was cut off. Please try again.');
}

/** The conversation a failed send started or continued, as the server's problem names it. */
export function failedConversation(error: unknown): string | undefined {
  const id = error instanceof ApiError ? error.problem?.conversationId : undefined;
  return typeof id === 'string' ? id : undefined;
}

export function listConversations(api: ApiClient): Promise<Conversation[]> {
  return api.call<Conversation[]>('/api/chat/conversations', {}, { idempotent: true });
}

export function listMessages(api: ApiClient, conversationId: string | number): Promise<ChatMessage[]> {
  return api.call<ChatMessage[]>('/api/chat/messages', { conversationId }, { idempotent: true });
}
