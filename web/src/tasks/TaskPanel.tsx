'use client';

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { newIdempotencyKey, type ApiClient } from '../lib/api';
import { errorMessage } from '../lib/errors';
import { FilterBar } from './FilterBar';
import { DEFAULT_FILTERS, isFiltered, type TaskFilters } from './query';
import { addTask, CHANGED_ELSEWHERE, changeOrReload, completeTask, deleteTask, updateTask } from './taskApi';
import { TaskItem } from './TaskItem';
import type { Task, TaskChanges } from './types';
import { useTaskList } from './useTaskList';
import styles from './Tasks.module.css';

const SEARCH_DELAY_MS = 300;

interface Props {
  api: ApiClient;
  /** Changes when something else (the chat) may have changed the tasks. */
  version: number;
}

export function TaskPanel({ api, version }: Props) {
  const [filters, setFilters] = useState<TaskFilters>(DEFAULT_FILTERS);
  const [search, setSearch] = useState('');
  const [busyIds, setBusyIds] = useState<ReadonlySet<number>>(new Set());
  const [actionError, setActionError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  // the key of an addition that failed: trying the same title again reuses it, so that an
  // addition whose answer was lost is not made twice
  const unfinishedAdd = useRef<{ title: string; key: string } | null>(null);
  const list = useTaskList(api, filters, version);
  const headingId = useId();
  const now = new Date();

  useEffect(() => {
    const timer = setTimeout(() => setFilters((f) => (f.q === search ? f : { ...f, q: search })), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search]);

  const filter = (changes: Partial<TaskFilters>) => setFilters((f) => ({ ...f, ...changes }));

  /** Runs a change of one task, keeping its controls disabled meanwhile. */
  async function change(task: Task, action: () => Promise<unknown>): Promise<boolean> {
    setBusyIds((ids) => new Set(ids).add(task.id));
    setActionError(null);
    try {
      await action();
      return true;
    } catch (error) {
      setActionError(`“${task.title}”: ${errorMessage(error)}`);
      return false;
    } finally {
      setBusyIds((ids) => {
        const rest = new Set(ids);
        rest.delete(task.id);
        return rest;
      });
    }
  }

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const title = String(new FormData(form).get('title')).trim();
    if (!title) return;
    setAdding(true);
    setActionError(null);
    if (unfinishedAdd.current?.title !== title) unfinishedAdd.current = { title, key: newIdempotencyKey() };
    try {
      await addTask(api, title, unfinishedAdd.current.key);
      unfinishedAdd.current = null;
      form.reset();
      await list.reload();
    } catch (error) {
      setActionError(errorMessage(error));
    } finally {
      setAdding(false);
    }
  }

  /**
   * Writes a change of a task and shows the task as saved; when the task was changed elsewhere
   * since it was read, shows the latest instead and says so (an open edit form closes).
   */
  async function write(task: Task, change: (task: Task) => Promise<Task>) {
    const outcome = await changeOrReload(api, task, change);
    list.replace(outcome.task);
    if (outcome.stale) setActionError(`“${task.title}”: ${CHANGED_ELSEWHERE}`);
  }

  // ticks at once, and unticks again if the change fails
  const toggle = (task: Task) => {
    list.replace({ ...task, completed: !task.completed });
    return change(task, async () => {
      try {
        await write(task, (read) =>
          read.completed ? updateTask(api, read, { completed: false }) : completeTask(api, read),
        );
      } catch (error) {
        list.replace(task);
        throw error;
      }
    });
  };
  const save = (task: Task, changes: TaskChanges) =>
    change(task, () => write(task, (read) => updateTask(api, read, changes)));
  const remove = (task: Task) =>
    change(task, async () => {
      await deleteTask(api, task.id);
      list.remove(task.id);
    });

  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        Tasks
      </h2>

      <form className={styles.add} onSubmit={add}>
        <label className="visually-hidden" htmlFor={`${headingId}-new`}>
          New task
        </label>
        <input
          id={`${headingId}-new`}
          name="title"
          placeholder="Add a task…"
          maxLength={200}
          autoComplete="off"
          required
        />
        <button type="submit" className="primary" disabled={adding}>
          Add
        </button>
      </form>

      <FilterBar filters={filters} search={search} onSearch={setSearch} onChange={filter} />

      {(actionError ?? list.error) && (
        <p className={styles.error} role="alert">
          {actionError ?? list.error}
        </p>
      )}

      <div className={styles.scroll}>
        <ul className={styles.list} aria-busy={list.loading === 'first' || undefined}>
          {list.items.map((task) => (
            <TaskItem
              key={task.id}
              task={task}
              now={now}
              busy={busyIds.has(task.id)}
              onToggle={() => toggle(task)}
              onSave={(changes) => save(task, changes)}
              onDelete={() => remove(task)}
              onTag={(tag) => filter({ tag })}
            />
          ))}
        </ul>
        {list.items.length === 0 && !list.error && (
          <p className={styles.empty}>
            {list.loading
              ? 'Loading tasks…'
              : isFiltered(filters)
                ? 'No tasks match these filters.'
                : 'No tasks yet. Add one above, or ask the assistant.'}
          </p>
        )}
        {list.nextCursor && (
          <button
            type="button"
            className={styles.more}
            disabled={list.loading !== null}
            aria-busy={list.loading === 'more' || undefined}
            onClick={list.loadMore}
          >
            Load more
          </button>
        )}
      </div>
    </section>
  );
}
