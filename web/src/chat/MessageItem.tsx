import { describeToolCall } from './toolChips';
import type { ChatMessage } from './types';
import styles from './Chat.module.css';

/** One message of the conversation: what the assistant changed as chips, then its words. */
export function MessageItem({ message, streaming }: { message: ChatMessage; streaming: boolean }) {
  const toolCalls = message.toolCalls ?? [];
  return (
    <li className={`${styles.message} ${styles[message.role]}`} aria-busy={streaming || undefined}>
      <span className="visually-hidden">{message.role === 'user' ? 'You: ' : 'Assistant: '}</span>
      {toolCalls.length > 0 && (
        <ul className={styles.chips} aria-label="Changes">
          {toolCalls.map((call, i) => {
            const chip = describeToolCall(call);
            return (
              <li key={i} className={`${styles.chip} ${styles[chip.kind]}`}>
                {chip.text}
              </li>
            );
          })}
        </ul>
      )}
      {message.content ? (
        <p className={styles.text}>{message.content}</p>
      ) : (
        streaming && (
          <p className={styles.typing}>
            <span className="visually-hidden">Thinking…</span>
          </p>
        )
      )}
    </li>
  );
}
