import type { Conversation } from './types';
import styles from './Chat.module.css';

interface Props {
  conversations: Conversation[];
  activeId: Conversation['id'] | null;
  disabled: boolean;
  onOpen: (id: Conversation['id']) => void;
  onNew: () => void;
}

export function ConversationList({ conversations, activeId, disabled, onOpen, onNew }: Props) {
  return (
    <nav className={styles.conversations} aria-label="Conversations">
      <button type="button" className={styles.newChat} onClick={onNew} disabled={disabled}>
        New conversation
      </button>
      <ul>
        {conversations.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className={styles.conversation}
              aria-current={c.id === activeId || undefined}
              disabled={disabled}
              onClick={() => onOpen(c.id)}
            >
              {c.title || 'Untitled conversation'}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
