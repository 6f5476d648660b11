export type Priority = 'low' | 'medium' | 'high';

export const PRIORITIES: readonly Priority[] = ['high', 'medium', 'low'];

export interface Task {
  id: number;
  title: string;
  description: string | null;
  completed: boolean;
  /** YYYY-MM-DD or null */
  dueDate: string | null;
  /** HH:mm on the owner's clock, or null (only with a due date) */
  dueTime?: string | null;
  /** The instant of this occurrence's reminder, or null */
  remindAt?: string | null;
  /** The reminder as a lead before the due time (09:00 without one), or null when set as an instant */
  remindBeforeMinutes?: number | null;
  /** When the reminder went out, or null */
  remindedAt?: string | null;
  /** An RFC 5545 RRULE without "RRULE:", such as FREQ=WEEKLY;BYDAY=MO,WE, or null */
  recurrence?: string | null;
  /** The rule in words, such as "every week on Monday and Wednesday"; null when not recurring */
  recurrenceText?: string | null;
  priority: Priority;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  /** One more with each change; sent back with a change so that a change based on an old read is refused. */
  version: number;
}

export interface TaskPage {
  items: Task[];
  nextCursor: string | null;
}

export interface ListTasksRequest {
  status?: 'all' | 'pending' | 'completed';
  priority?: Priority;
  tag?: string;
  q?: string;
  due?: 'overdue' | 'today' | 'week';
  sort?: 'created' | 'due' | 'priority';
  limit?: number;
  cursor?: string;
}

export interface TaskChanges {
  title?: string;
  description?: string;
  /** null removes the due date */
  dueDate?: string | null;
  /** null removes the due time */
  dueTime?: string | null;
  remindAt?: string | null;
  remindBeforeMinutes?: number | null;
  /** null stops the repetition */
  recurrence?: string | null;
  priority?: Priority;
  tags?: string[];
  completed?: boolean;
}

/** What a task is scheduled by: its due day and time, reminder and repetition. */
export type Schedule = Required<
  Pick<TaskChanges, 'dueDate' | 'dueTime' | 'remindAt' | 'remindBeforeMinutes' | 'recurrence'>
>;

export interface BulkResult {
  id: number;
  ok: boolean;
  task?: Task;
  deleted?: boolean;
  status?: number;
  detail?: string;
}
