'use client';

import { useEffect, useMemo, useState } from 'react';
import { AuthScreen } from '../auth/AuthScreen';
import { clearSession, loadSession, saveSession, type Session } from '../auth/session';
import { ChatPanel } from '../chat/ChatPanel';
import { createApiClient } from '../lib/api';
import { TaskPanel } from '../tasks/TaskPanel';
import styles from './App.module.css';

/** Signs the user in and out and lays out the chat beside the task list. */
export function TodoApp() {
  // undefined until the stored session has been read (there is none while prerendering)
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const [waking, setWaking] = useState(false);
  const [tasksVersion, setTasksVersion] = useState(0);

  const api = useMemo(
    () =>
      createApiClient({
        getToken: () => loadSession()?.token ?? null,
        onUnauthorized: () => {
          clearSession();
          setSession(null);
          setNotice('Session expired. Please sign in again.');
        },
        onWakingChange: setWaking,
      }),
    [],
  );

  useEffect(() => setSession(loadSession()), []);

  function signIn(started: Session) {
    saveSession(started);
    setNotice(null);
    setSession(started);
  }

  function signOut() {
    clearSession();
    setSession(null);
  }

  return (
    <>
      <p className={waking ? styles.waking : 'visually-hidden'} role="status">
        {waking && 'Waking up… the service was asleep and is starting, this takes a few seconds.'}
      </p>
      {session === null && <AuthScreen api={api} notice={notice} onSignedIn={signIn} />}
      {session && (
        <div className={styles.app}>
          <header className={styles.header}>
            <span className={styles.brand}>Todo Chatbot</span>
            <span className={styles.user}>{session.user.name || session.user.email}</span>
            <button type="button" onClick={signOut}>
              Sign out
            </button>
          </header>
          <main className={styles.main}>
            <h1 className="visually-hidden">Your tasks</h1>
            <ChatPanel api={api} onTasksChanged={() => setTasksVersion((v) => v + 1)} />
            <TaskPanel api={api} version={tasksVersion} />
          </main>
        </div>
      )}
    </>
  );
}
