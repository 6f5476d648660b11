export type Priority = 'low' | 'medium' | 'high';

export const PRIORITIES: readonly Priority[] = ['high', 'medium', 'low'];

export interface Task {
  id: number;
  title: string;
  description: string | null;
  completed: boolean;
  /** YYYY-MM-DD or null */
  dueDate: string | null;
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
  priority?: Priority;
  tags?: string[];
  completed?: boolean;
}
