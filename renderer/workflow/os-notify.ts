// OS notifications in the browser host, through the web Notification API. The
// desktop app raises its own from the Electron shell (electron/notifications.ts),
// so the page stays quiet there and nobody is told twice.
import type { DeskNotification } from '../../core/api';

/** The page's Notification constructor, when the browser has one. */
type NotificationApi = typeof Notification;

function api(): NotificationApi | null {
  return typeof window !== 'undefined' && 'Notification' in window ? window.Notification : null;
}

/** Asks for permission once, from a click (browsers ignore the question otherwise). */
export function askNotificationPermission(): void {
  const Api = api();
  if (Api !== null && Api.permission === 'default') void Api.requestPermission().catch(() => undefined);
}

/** Raises one OS notification per item, when allowed; a click brings the window and the story forward. */
export function showOsNotifications(items: readonly DeskNotification[], onOpen: (storyId: string) => void): number {
  const Api = api();
  if (Api === null || Api.permission !== 'granted') return 0;
  for (const item of items) {
    const shown = new Api(item.title, { body: item.body, tag: item.id, lang: document.documentElement.lang || 'vi' });
    shown.onclick = () => {
      window.focus();
      onOpen(item.storyId);
      shown.close();
    };
  }
  return items.length;
}
