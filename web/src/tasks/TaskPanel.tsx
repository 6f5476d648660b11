'use client';

import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ApiClient } from '../lib/api';
import { errorMessage } from '../lib/errors';
import { FilterBar } from './FilterBar';
import { DEFAULT_FILTERS, isFiltered, type TaskFilters } from './query';
import { addTask, completeTask, deleteTask, updateTask } from './taskApi';
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
    try {
      await addTask(api, title);
      form.reset();
      await list.reload();
    } catch (error) {
      setActionError(errorMessage(error));
    } finally {
      setAdding(false);
    }
  }

  // ticks at once, and unticks again if the change fails
  const toggle = (task: Task) => {
    list.replace({ ...task, completed: !task.completed });
    return change(task, async () => {
      try {
        list.replace(
          task.completed ? await updateTask(api, task.id, { completed: false }) : await completeTask(api, task.id),
        );
      } catch (error) {
        list.replace(task);
        throw error;
      }
    });
  };
  const save = (task: Task, changes: TaskChanges) =>
    change(task, async () => list.replace(await updateTask(api, task.id, changes)));
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
