'use client';

import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { describeDue } from '../lib/dates';
import { BellIcon } from '../reminders/BellIcon';
import { ScheduleFields } from './ScheduleFields';
import { describeLead, scheduleChanges, scheduleOf, toSchedule } from './schedule';
import { PRIORITIES, type Priority, type Task, type TaskChanges } from './types';
import styles from './Tasks.module.css';

interface Props {
  task: Task;
  busy: boolean;
  now: Date;
  /** The user's zone: "today" and reminder times are on its clock. */
  zone: string;
  /** Null unless the list is in selection mode (for bulk changes). */
  selected: boolean | null;
  onSelect: (selected: boolean) => void;
  onToggle: () => void;
  /** Resolves to true when the changes were saved. */
  onSave: (changes: TaskChanges) => Promise<boolean>;
  onDelete: () => void;
  onTag: (tag: string) => void;
}

export function TaskItem({ task, busy, now, zone, selected, onSelect, onToggle, onSave, onDelete, onTag }: Props) {
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
          zone={zone}
          onCancel={() => setEditing(false)}
          onSave={async (changes) => {
            if (await onSave(changes)) setEditing(false);
          }}
        />
      </li>
    );
  }

  const due = task.dueDate ? describeDue(task.dueDate, now, undefined, task.dueTime, zone) : null;
  const reminder = describeReminder(task, zone);
  return (
    <li className={styles.task} data-done={task.completed || undefined} data-selected={selected || undefined}>
      {selected !== null && (
        <input
          type="checkbox"
          className={styles.select}
          checked={selected}
          onChange={(e) => onSelect(e.target.checked)}
          aria-label={`Select ${task.title}`}
        />
      )}
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
            <time
              className={due.overdue && !task.completed ? styles.overdue : undefined}
              dateTime={task.dueTime ? `${task.dueDate}T${task.dueTime}` : task.dueDate}
            >
              {due.text}
            </time>
          )}
          {task.recurrenceText && (
            <span className={styles.repeat}>
              <span aria-hidden="true">↻ </span>
              <span className="visually-hidden">Repeats </span>
              {task.recurrenceText}
            </span>
          )}
          {reminder && !task.completed && (
            <span className={styles.reminder} title={reminder}>
              <BellIcon label="Reminder" />
              {reminder}
            </span>
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
  zone,
  onCancel,
  onSave,
}: {
  task: Task;
  busy: boolean;
  zone: string;
  onCancel: () => void;
  onSave: (changes: TaskChanges) => void;
}) {
  const [schedule, setSchedule] = useState(() => scheduleOf(task, zone));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const title = String(form.get('title')).trim();
    const priority = String(form.get('priority')) as Priority;
    const changes: TaskChanges = {
      ...(title !== task.title && { title }),
      ...(priority !== task.priority && { priority }),
      ...scheduleChanges(task, toSchedule(schedule, zone)),
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
        <span>Priority</span>
        <select name="priority" defaultValue={task.priority}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {capitalize(p)}
            </option>
          ))}
        </select>
      </label>
      <ScheduleFields value={schedule} onChange={setSchedule} />
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

/** "10 minutes before", "May 14, 2030, 8:00 PM" (on the user's clock), or null without a reminder. */
function describeReminder(task: Task, zone: string): string | null {
  if (task.remindBeforeMinutes != null) return describeLead(task.remindBeforeMinutes);
  if (!task.remindAt) return null;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(
    new Date(task.remindAt),
  );
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
