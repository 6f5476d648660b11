'use client';

import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { describeDue } from '../lib/dates';
import { PRIORITIES, type Priority, type Task, type TaskChanges } from './types';
import styles from './Tasks.module.css';

interface Props {
  task: Task;
  busy: boolean;
  now: Date;
  onToggle: () => void;
  /** Resolves to true when the changes were saved. */
  onSave: (changes: TaskChanges) => Promise<boolean>;
  onDelete: () => void;
  onTag: (tag: string) => void;
}

export function TaskItem({ task, busy, now, onToggle, onSave, onDelete, onTag }: Props) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  useEffect(() => {
    // give focus back to the Edit button when the form closes
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  if (editing) {
    return (
      <li className={styles.task}>
        <EditForm
          task={task}
          busy={busy}
          onCancel={() => setEditing(false)}
          onSave={async (changes) => {
            if (await onSave(changes)) setEditing(false);
          }}
        />
      </li>
    );
  }

  const due = task.dueDate ? describeDue(task.dueDate, now) : null;
  return (
    <li className={styles.task} data-done={task.completed || undefined}>
      <input
        type="checkbox"
        className={styles.check}
        checked={task.completed}
        disabled={busy}
        onChange={onToggle}
        aria-label={`Complete ${task.title}`}
      />
      <div className={styles.body}>
        <span className={styles.title}>{task.title}</span>
        {task.description && <p className={styles.description}>{task.description}</p>}
        <div className={styles.meta}>
          <span className={styles.id}>#{task.id}</span>
          {due && task.dueDate && (
            <time className={due.overdue && !task.completed ? styles.overdue : undefined} dateTime={task.dueDate}>
              {due.text}
            </time>
          )}
          {task.priority !== 'medium' && (
            <span className={styles[task.priority]}>{capitalize(task.priority)} priority</span>
          )}
          {task.tags.map((tag) => (
            <button
              key={tag}
              type="button"
              className={styles.tag}
              title={`Show only #${tag}`}
              onClick={() => onTag(tag)}
            >
              #{tag}
            </button>
          ))}
        </div>
      </div>
      <div className={styles.actions}>
        <button
          ref={editButton}
          type="button"
          disabled={busy}
          onClick={() => setEditing(true)}
          aria-label={`Edit ${task.title}`}
        >
          Edit
        </button>
        <button
          type="button"
          className={styles.delete}
          disabled={busy}
          onClick={onDelete}
          aria-label={`Delete ${task.title}`}
        >
          Delete
        </button>
      </div>
    </li>
  );
}

function EditForm({
  task,
  busy,
  onCancel,
  onSave,
}: {
  task: Task;
  busy: boolean;
  onCancel: () => void;
  onSave: (changes: TaskChanges) => void;
}) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const title = String(form.get('title')).trim();
    const dueDate = String(form.get('dueDate')) || null;
    const priority = String(form.get('priority')) as Priority;
    const changes: TaskChanges = {
      ...(title !== task.title && { title }),
      ...(dueDate !== task.dueDate && { dueDate }),
      ...(priority !== task.priority && { priority }),
    };
    if (Object.keys(changes).length === 0) onCancel();
    else onSave(changes);
  }

  function cancelOnEscape(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    <form className={styles.edit} onSubmit={submit} onKeyDown={cancelOnEscape} aria-label={`Edit ${task.title}`}>
      <label className={styles.editTitle}>
        <span>Title</span>
        <input name="title" defaultValue={task.title} required maxLength={200} autoFocus />
      </label>
      <label>
        <span>Due date</span>
        <input name="dueDate" type="date" defaultValue={task.dueDate ?? ''} />
      </label>
      <label>
        <span>Priority</span>
        <select name="priority" defaultValue={task.priority}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {capitalize(p)}
            </option>
          ))}
        </select>
      </label>
      <div className={styles.editActions}>
        <button type="submit" className="primary" disabled={busy}>
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
