/** A reminder that came due, in the user's notification list until dismissed. */
export interface Reminder {
  id: number;
  taskId: number | null;
  title: string;
  /** YYYY-MM-DD or null */
  dueDate: string | null;
  /** HH:mm or null */
  dueTime: string | null;
  /** The instant it was due. */
  remindAt: string;
  createdAt: string;
}
