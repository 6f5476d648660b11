'use client';

import { useId, useState, type FormEvent } from 'react';
import { ApiError, type ApiClient } from '../lib/api';
import { errorMessage } from '../lib/errors';
import { browserTimeZone } from '../lib/zones';
import type { Session } from './session';
import styles from './Auth.module.css';

type Mode = 'signin' | 'signup';

interface Props {
  api: ApiClient;
  /** Why the user is here again, such as an expired session. */
  notice: string | null;
  onSignedIn: (session: Session) => void;
}

export function AuthScreen({ api, notice, onSignedIn }: Props) {
  const [mode, setMode] = useState<Mode>('signin');
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const signUp = mode === 'signup';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    const body = {
      email: String(form.get('email')).trim(),
      password: String(form.get('password')),
      ...(signUp && name && { name }),
      // the account counts "today" and due times in the zone of the browser it was made in
      ...(signUp && browserTimeZone() && { timeZone: browserTimeZone() }),
    };
    setBusy(true);
    setError(null);
    try {
      // signing in again changes nothing, so it may be retried while the function wakes up; a
      // sign-up may not: its first try may have made the account
      const session = signUp
        ? await api.call<Session>('/api/todo/signup', body)
        : await api.call<Session>('/api/todo/login', body, { idempotent: true });
      onSignedIn(session);
    } catch (caught) {
      setError({ message: errorMessage(caught), field: caught instanceof ApiError ? caught.field : undefined });
      setBusy(false);
    }
  }

  function switchMode() {
    setMode(signUp ? 'signin' : 'signup');
    setError(null);
  }

  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const check = (field: string, hint?: string) => {
    const invalid = error?.field === field;
    const describedBy = [hint, invalid && errorId].filter(Boolean).join(' ');
    return { 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy || undefined };
  };

  return (
    <main className={styles.screen}>
      <div className={styles.card}>
        <p className={styles.brand}>Todo Chatbot</p>
        <h1 className={styles.title}>{signUp ? 'Create your account' : 'Sign in'}</h1>
        {notice && !error && (
          <p className={styles.notice} role="status">
            {notice}
          </p>
        )}
        <form className={styles.form} onSubmit={submit}>
          {signUp && (
            <label className={styles.field}>
              <span>
                Name <span className={styles.optional}>(optional)</span>
              </span>
              <input name="name" autoComplete="name" maxLength={100} {...check('name')} />
            </label>
          )}
          <label className={styles.field}>
            <span>Email</span>
            <input name="email" type="email" autoComplete="email" required {...check('email')} />
          </label>
          <label className={styles.field}>
            <span>Password</span>
            <input
              name="password"
              type="password"
              autoComplete={signUp ? 'new-password' : 'current-password'}
              required
              {...check('password', signUp ? hintId : undefined)}
            />
            {signUp && (
              <small id={hintId} className={styles.hint}>
                At least 8 characters.
              </small>
            )}
          </label>
          {error && (
            <p id={errorId} className={styles.error} role="alert">
              {error.message}
            </p>
          )}
          <button className="primary" type="submit" disabled={busy}>
            {signUp ? 'Sign up' : 'Sign in'}
          </button>
        </form>
        <p className={styles.switch}>
          {signUp ? 'Already have an account?' : 'New here?'}{' '}
          <button type="button" className="link" onClick={switchMode}>
            {signUp ? 'I have an account' : 'Create an account'}
          </button>
        </p>
      </div>
    </main>
  );
}
