/**
 * The browser's Notification API, for reminders that come due while the page is open. Permission
 * is asked only from a click (browsers ignore or penalise asking on load); when it is denied or the
 * API is missing (an insecure origin, an old browser), the reminders list alone shows them.
 */

export type NotificationState = 'unavailable' | 'default' | 'granted' | 'denied';

export function notificationState(): NotificationState {
  return typeof window !== 'undefined' && 'Notification' in window ? Notification.permission : 'unavailable';
}

/** Asks for permission; call it from a user gesture. */
export async function askNotificationPermission(): Promise<NotificationState> {
  if (notificationState() === 'unavailable') return 'unavailable';
  try {
    return await Notification.requestPermission();
  } catch {
    return notificationState();
  }
}

/** Shows a notification when allowed; says nothing otherwise. */
export function notify(title: string, body: string, tag: string): void {
  if (notificationState() !== 'granted') return;
  try {
    new Notification(title, { body, tag });
  } catch {
    // Chrome on Android allows notifications only from a service worker: the list shows it
  }
}
