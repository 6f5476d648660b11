'use client';

import { useId, useState, type FormEvent } from 'react';
import type { Session } from '../auth/session';
import type { ApiClient } from '../lib/api';
import { errorMessage } from '../lib/errors';
import { browserTimeZone, knownTimeZones } from '../lib/zones';
import styles from '../app/App.module.css';

interface Props {
  api: ApiClient;
  session: Session;
  /** The profile was saved: a new token (the zone is one of its claims) and user. */
  onSaved: (session: Session) => void;
  onClose: () => void;
}

/** The user's settings: the time zone their "today", due times and reminders are counted in. */
export function ProfilePanel({ api, session, onSaved, onClose }: Props) {
  const current = session.user.timeZone ?? 'UTC';
  const [zone, setZone] = useState(current);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const id = useId();
  const browser = browserTimeZone();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      onSaved(await api.call<Session>('/api/todo/updateProfile', { timeZone: zone }, { idempotent: true }));
      setSaved(true);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={styles.popover} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className={styles.popoverHeading}>
        Profile
      </h2>
      <p className={styles.popoverText}>
        Time zone: <strong>{current}</strong>
      </p>
      <form className={styles.popoverForm} onSubmit={submit}>
        <label>
          <span>Time zone</span>
          <select name="timeZone" value={zone} onChange={(e) => setZone(e.target.value)}>
            {knownTimeZones(current).map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </label>
        {browser && browser !== zone && (
          <button type="button" className="link" onClick={() => setZone(browser)}>
            Use this browser’s zone ({browser})
          </button>
        )}
        {error && (
          <p className={styles.popoverError} role="alert">
            {error}
          </p>
        )}
        {saved && <p role="status">Saved.</p>}
        <div className={styles.popoverActions}>
          <button type="submit" className="primary" disabled={busy || zone === current}>
            Save
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
    </section>
  );
}
