'use client';

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { newIdempotencyKey, type ApiClient } from '../lib/api';
import { errorMessage } from '../lib/errors';
import { FilterBar } from './FilterBar';
import { DEFAULT_FILTERS, isFiltered, type TaskFilters } from './query';
import { BulkBar, type BulkFailure } from './BulkBar';
import { ScheduleFields } from './ScheduleFields';
import { EMPTY_SCHEDULE, newTaskSchedule, toSchedule } from './schedule';
import {
  addTask,
  CHANGED_ELSEWHERE,
  changeOrReload,
  completeTask,
  completeTasks,
  deleteTask,
  deleteTasks,
  updateTask,
} from './taskApi';
import { TaskItem } from './TaskItem';
import type { BulkResult, Task, TaskChanges } from './types';
import { useTaskList } from './useTaskList';
import styles from './Tasks.module.css';

const SEARCH_DELAY_MS = 300;

interface Props {
  api: ApiClient;
  /** Changes when something else (the chat) may have changed the tasks. */
  version: number;
  /** The user's time zone: "today", due times and reminders are on its clock. */
  zone: string;
}

export function TaskPanel({ api, version, zone }: Props) {
  const [filters, setFilters] = useState<TaskFilters>(DEFAULT_FILTERS);
  const [search, setSearch] = useState('');
  const [busyIds, setBusyIds] = useState<ReadonlySet<number>>(new Set());
  const [actionError, setActionError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [details, setDetails] = useState(false);
  const [schedule, setSchedule] = useState(EMPTY_SCHEDULE);
  // null unless the list is in selection mode
  const [selected, setSelected] = useState<ReadonlySet<number> | null>(null);
  const [bulkBusy, setBulkBusy] = useState(false);
  const [bulkFailures, setBulkFailures] = useState<BulkFailure | null>(null);
  // the key of an addition that failed: trying the same task again reuses it, so that an
  // addition whose answer was lost is not made twice
  const unfinishedAdd = useRef<{ request: string; key: string } | null>(null);
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
    const extra = details ? newTaskSchedule(toSchedule(schedule, zone)) : {};
    const request = JSON.stringify({ title, ...extra });
    setAdding(true);
    setActionError(null);
    if (unfinishedAdd.current?.request !== request) unfinishedAdd.current = { request, key: newIdempotencyKey() };
    try {
      await addTask(api, title, unfinishedAdd.current.key, extra);
      unfinishedAdd.current = null;
      form.reset();
      setSchedule(EMPTY_SCHEDULE);
      setDetails(false);
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

  /** Runs a bulk change of the selected tasks; what failed stays selected, with its reason. */
  async function bulk(verb: 'complete' | 'delete') {
    if (!selected || selected.size === 0) return;
    const ids = list.items.filter((t) => selected.has(t.id)).map((t) => t.id);
    setBulkBusy(true);
    setActionError(null);
    setBulkFailures(null);
    try {
      const results: BulkResult[] = verb === 'complete' ? await completeTasks(api, ids) : await deleteTasks(api, ids);
      const failed = results.filter((r) => !r.ok);
      const titles = new Map(list.items.map((t) => [t.id, t.title]));
      for (const result of results) {
        if (result.ok && result.task) list.replace(result.task);
        // deleted now, or already gone (deleted elsewhere)
        if ((result.ok && verb === 'delete') || result.status === 404) list.remove(result.id);
      }
      // what failed for another reason stays selected, to try again
      setSelected(new Set(failed.filter((r) => r.status !== 404).map((r) => r.id)));
      if (failed.length > 0) {
        setBulkFailures({
          verb,
          total: results.length,
          failures: failed.map((r) => ({ id: r.id, title: titles.get(r.id), detail: r.detail ?? `HTTP ${r.status}` })),
        });
      }
      // a completed recurring task is followed by its next occurrence
      if (verb === 'complete') await list.reload();
    } catch (error) {
      setActionError(errorMessage(error));
    } finally {
      setBulkBusy(false);
    }
  }

  function select(id: number, on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

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
        <button
          type="button"
          aria-expanded={details}
          aria-controls={details ? `${headingId}-details` : undefined}
          onClick={() => setDetails(!details)}
        >
          Details
        </button>
        <button type="submit" className="primary" disabled={adding}>
          Add
        </button>
        {details && (
          <div id={`${headingId}-details`} className={styles.addDetails}>
            <ScheduleFields value={schedule} onChange={setSchedule} />
          </div>
        )}
      </form>

      <FilterBar filters={filters} search={search} onSearch={setSearch} onChange={filter} />

      <BulkBar
        selected={selected}
        shown={list.items.map((t) => t.id)}
        busy={bulkBusy}
        failures={bulkFailures}
        onSelecting={(on) => {
          setSelected(on ? new Set() : null);
          setBulkFailures(null);
        }}
        onSelectAll={(ids) => setSelected(new Set(ids))}
        onComplete={() => void bulk('complete')}
        onDelete={() => void bulk('delete')}
      />

      {(actionError ?? list.error) && (
        <p className={styles.error} role="alert">
          {actionError ?? list.error}
        </p>
      )}

      <div className={styles.scroll}>
        <ul
          className={styles.list}
          aria-busy={list.loading === 'first' || undefined}
          data-selecting={selected !== null || undefined}
        >
          {list.items.map((task) => (
            <TaskItem
              key={task.id}
              task={task}
              now={now}
              zone={zone}
              selected={selected ? selected.has(task.id) : null}
              onSelect={(on) => select(task.id, on)}
              busy={busyIds.has(task.id) || bulkBusy}
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
