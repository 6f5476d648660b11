/**
 * The signed-in user and their JWT, kept in sessionStorage: it lives as long as the tab, is not
 * written to disk for later visits (shared computers), and is not sent with every request the way
 * a cookie would be. A strict CSP (scripts from our own origin only) guards it against injected
 * scripts; an HttpOnly cookie would be stronger still, but the functions take bearer tokens.
 */

export interface User {
  id: number | string;
  email: string;
  name: string | null;
  /** The IANA time zone their days are counted in, such as Europe/Berlin (older sessions lack it). */
  timeZone?: string;
}

export interface Session {
  token: string;
  user: User;
}

const KEY = 'todo-chatbot.session';

export function loadSession(): Session | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Session | null;
    return stored && typeof stored.token === 'string' ? stored : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
