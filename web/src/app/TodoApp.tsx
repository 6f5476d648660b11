'use client';

import { useEffect, useMemo, useState } from 'react';
import { AuthScreen } from '../auth/AuthScreen';
import { clearSession, loadSession, saveSession, type Session } from '../auth/session';
import { ChatPanel } from '../chat/ChatPanel';
import { createApiClient } from '../lib/api';
import { ProfilePanel } from '../profile/ProfilePanel';
import { RemindersMenu } from '../reminders/RemindersMenu';
import { TaskPanel } from '../tasks/TaskPanel';
import styles from './App.module.css';

/** Signs the user in and out and lays out the chat beside the task list. */
export function TodoApp() {
  // undefined until the stored session has been read (there is none while prerendering)
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const [waking, setWaking] = useState(false);
  const [tasksVersion, setTasksVersion] = useState(0);
  const [menu, setMenu] = useState<'reminders' | 'profile' | null>(null);

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
    setMenu(null);
    setSession(null);
  }

  /** A changed profile comes with a new token: the zone is one of its claims. */
  function profileSaved(changed: Session) {
    saveSession(changed);
    setSession(changed);
    // "today", "overdue" and the due times are counted in the new zone
    setTasksVersion((v) => v + 1);
  }

  const zone = session?.user.timeZone ?? 'UTC';

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
            <div className={styles.headerTools} onKeyDown={(e) => e.key === 'Escape' && setMenu(null)}>
              <RemindersMenu
                api={api}
                zone={zone}
                open={menu === 'reminders'}
                onOpenChange={(open) => setMenu(open ? 'reminders' : null)}
              />
              <button
                type="button"
                aria-expanded={menu === 'profile'}
                onClick={() => setMenu(menu === 'profile' ? null : 'profile')}
              >
                Profile
              </button>
              {menu === 'profile' && (
                <ProfilePanel api={api} session={session} onSaved={profileSaved} onClose={() => setMenu(null)} />
              )}
              <button type="button" onClick={signOut}>
                Sign out
              </button>
            </div>
          </header>
          <main className={styles.main}>
            <h1 className="visually-hidden">Your tasks</h1>
            <ChatPanel api={api} onTasksChanged={() => setTasksVersion((v) => v + 1)} />
            <TaskPanel api={api} version={tasksVersion} zone={zone} />
          </main>
        </div>
      )}
    </>
  );
}
