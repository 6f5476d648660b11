'use client';

import { useId, useState } from 'react';
import type { ApiClient } from '../lib/api';
import { formatDueTime } from '../lib/dates';
import { BellIcon } from './BellIcon';
import { askNotificationPermission, notificationState, notify, type NotificationState } from './notifications';
import type { Reminder } from './types';
import { useReminders } from './useReminders';
import appStyles from '../app/App.module.css';
import styles from './Reminders.module.css';

interface Props {
  api: ApiClient;
  /** The user's zone: reminders are shown on its clock. */
  zone: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** The bell in the header: how many reminders are due, and their list with dismiss. */
export function RemindersMenu({ api, zone, open, onOpenChange }: Props) {
  const [permission, setPermission] = useState<NotificationState>(notificationState);
  const reminders = useReminders(api, (fresh) => {
    for (const reminder of fresh) notify(reminder.title, describeReminder(reminder, zone), `reminder-${reminder.id}`);
  });
  const id = useId();
  const count = reminders.items.length;

  async function enableNotifications() {
    setPermission(await askNotificationPermission());
  }

  return (
    <>
      <button
        type="button"
        className={styles.bell}
        aria-expanded={open}
        aria-controls={open ? `${id}-panel` : undefined}
        aria-label={count === 0 ? 'Reminders' : `Reminders, ${count} due`}
        onClick={() => onOpenChange(!open)}
      >
        <BellIcon />
        <span className={styles.bellText}>Reminders</span>
        {count > 0 && (
          <span className={styles.badge} aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        )}
      </button>
      {open && (
        <section id={`${id}-panel`} className={appStyles.popover} aria-labelledby={`${id}-heading`}>
          <h2 id={`${id}-heading`} className={appStyles.popoverHeading}>
            Reminders
          </h2>
          {reminders.error && (
            <p className={appStyles.popoverError} role="alert">
              {reminders.error}
            </p>
          )}
          {count === 0 ? (
            <p className={styles.empty}>No reminders due.</p>
          ) : (
            <ul className={styles.list} aria-label="Due reminders">
              {reminders.items.map((reminder) => (
                <li key={reminder.id} className={styles.row}>
                  <div className={styles.text}>
                    <span className={styles.title}>{reminder.title}</span>
                    <span className={styles.when}>{describeReminder(reminder, zone)}</span>
                  </div>
                  <button
                    type="button"
                    onClick={() => void reminders.dismiss([reminder.id])}
                    aria-label={`Dismiss ${reminder.title}`}
                  >
                    Dismiss
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className={appStyles.popoverActions}>
            {count > 1 && (
              <button type="button" onClick={() => void reminders.dismiss(reminders.items.map((r) => r.id))}>
                Dismiss all
              </button>
            )}
            {permission === 'default' && (
              <button type="button" onClick={() => void enableNotifications()}>
                Notify me in this browser
              </button>
            )}
          </div>
          {permission === 'denied' && (
            <p className={styles.hint}>Browser notifications are blocked for this site; reminders show here.</p>
          )}
        </section>
      )}
    </>
  );
}

/** "Due Fri, May 3 at 09:00 · reminded 08:50" style line, on the user's clock. */
function describeReminder(reminder: Reminder, zone: string): string {
  const at = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(
    new Date(reminder.remindAt),
  );
  const due = reminder.dueDate ? `Due ${formatDueTime(reminder.dueDate, reminder.dueTime)} · ` : '';
  return `${due}Reminder for ${at}`;
}
