'use client';

import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ApiClient } from '../lib/api';
import { errorMessage, isQuiet } from '../lib/errors';
import { failedConversation, listConversations, listMessages, sendMessage } from './chatApi';
import { ConversationList } from './ConversationList';
import { MessageItem } from './MessageItem';
import type { ChatMessage, Conversation } from './types';
import styles from './Chat.module.css';

interface Shown extends ChatMessage {
  key: number;
  streaming?: boolean;
}

interface Props {
  api: ApiClient;
  /** Called after every reply: the assistant may have changed tasks. */
  onTasksChanged: () => void;
}

export function ChatPanel({ api, onTasksChanged }: Props) {
  const [conversations, setConversations] = useState<Conversation[]>([]);
  const [activeId, setActiveId] = useState<Conversation['id'] | null>(null);
  const [messages, setMessages] = useState<Shown[]>([]);
  const [loadingMessages, setLoadingMessages] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const nextKey = useRef(0);
  const opened = useRef(0);
  const log = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const abort = useRef<AbortController | null>(null);
  const id = useId();

  const shown = (message: ChatMessage, streaming = false): Shown => ({ ...message, key: nextKey.current++, streaming });

  const open = useCallback(
    async (conversationId: Conversation['id']) => {
      const request = ++opened.current;
      setActiveId(conversationId);
      setMessages([]);
      setError(null);
      setLoadingMessages(true);
      try {
        const loaded = await listMessages(api, conversationId);
        if (request === opened.current) setMessages(loaded.map((m) => shown(m)));
      } catch (caught) {
        if (request === opened.current && !isQuiet(caught)) setError(errorMessage(caught));
      } finally {
        if (request === opened.current) setLoadingMessages(false);
      }
    },
    [api],
  );

  const refreshConversations = useCallback(async () => {
    const list = await listConversations(api);
    const sorted = [...list].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    setConversations(sorted);
    return sorted;
  }, [api]);

  useEffect(() => {
    let current = true;
    const before = opened.current;
    refreshConversations()
      .then((sorted) => {
        // continue the latest conversation, unless the user has moved on meanwhile
        if (current && sorted.length > 0 && opened.current === before) void open(sorted[0].id);
      })
      .catch((caught) => {
        if (current && !isQuiet(caught)) setError(errorMessage(caught));
      });
    return () => {
      current = false;
      abort.current?.abort();
    };
  }, [refreshConversations, open]);

  useEffect(() => {
    if (stickToBottom.current && log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [messages]);

  function startNew() {
    opened.current++;
    setActiveId(null);
    setMessages([]);
    setError(null);
    setLoadingMessages(false);
  }

  async function send() {
    const text = draft.trim();
    if (!text || sending) return;
    const now = new Date().toISOString();
    const question = shown({ role: 'user', content: text, createdAt: now });
    const answer = shown({ role: 'assistant', content: '', toolCalls: [], createdAt: now }, true);
    const update = (change: (m: Shown) => Shown) =>
      setMessages((list) => list.map((m) => (m.key === answer.key ? change(m) : m)));

    // a conversation still loading must not replace this exchange when it arrives
    opened.current++;
    setLoadingMessages(false);
    setMessages((list) => [...list, question, answer]);
    setDraft('');
    setError(null);
    setSending(true);
    stickToBottom.current = true;
    abort.current = new AbortController();
    let received = false;
    try {
      const reply = await sendMessage(
        api,
        { message: text, ...(activeId !== null && { conversationId: activeId }) },
        {
          onDelta: (delta) => {
            received = true;
            update((m) => ({ ...m, content: m.content + delta }));
          },
          onTool: (call) => {
            received = true;
            update((m) => ({ ...m, toolCalls: [...(m.toolCalls ?? []), call] }));
          },
        },
        abort.current.signal,
      );
      update((m) => ({ ...m, streaming: false }));
      setActiveId(reply.conversationId);
      refreshConversations().catch(() => {});
    } catch (caught) {
      if (isQuiet(caught)) return;
      // a first message that failed still started a conversation: stay in it, so that
      // sending again continues it instead of starting another
      const started = failedConversation(caught);
      if (started !== undefined && activeId === null) {
        setActiveId(started);
        refreshConversations().catch(() => {});
      }
      if (received) {
        update((m) => ({ ...m, streaming: false }));
      } else {
        // nothing happened: take the message back so it can be sent again
        setMessages((list) => list.filter((m) => m.key !== question.key && m.key !== answer.key));
        setDraft(text);
      }
      setError(errorMessage(caught));
    } finally {
      setSending(false);
      onTasksChanged();
    }
  }

  function sendOnEnter(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  }

  return (
    <section className={styles.panel} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className={styles.heading}>
        Assistant
      </h2>
      <ConversationList
        conversations={conversations}
        activeId={activeId}
        disabled={sending}
        onOpen={open}
        onNew={startNew}
      />

      <div className={styles.thread}>
        <div
          ref={log}
          className={styles.log}
          role="log"
          aria-label="Conversation"
          aria-live="polite"
          aria-busy={loadingMessages || undefined}
          onScroll={(e) => {
            const el = e.currentTarget;
            stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
          }}
        >
          {messages.length > 0 && (
            <ol className={styles.messages}>
              {messages.map((m) => (
                <MessageItem key={m.key} message={m} streaming={m.streaming ?? false} />
              ))}
            </ol>
          )}
        </div>
        {messages.length === 0 && !loadingMessages && (
          <p className={styles.empty}>
            Ask me to manage your tasks, for example “add buy milk tomorrow”, “what’s still open?” or “complete task 3”.
          </p>
        )}

        {error && (
          <p className={styles.error} role="alert">
            {error}
          </p>
        )}

        <form
          className={styles.composer}
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <label className="visually-hidden" htmlFor={`${id}-message`}>
            Message
          </label>
          <textarea
            id={`${id}-message`}
            name="message"
            rows={2}
            value={draft}
            placeholder="Message the assistant…"
            aria-describedby={`${id}-hint`}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={sendOnEnter}
          />
          <button type="submit" className="primary" disabled={sending || draft.trim() === ''}>
            Send
          </button>
          <p id={`${id}-hint`} className={styles.hint}>
            Enter sends, Shift+Enter starts a new line.
          </p>
        </form>
      </div>
    </section>
  );
}
