// The signed-in user's notifications for the bell: asked once, and again when
// the sync worker brings new ones ('notifications.new'), which also raise an
// OS notification in the browser host (the desktop shell raises its own).
import { useCallback, useEffect, useState } from 'react';
import type { NotificationsAnswer } from '../../core/api';
import type { NewsdeskClient } from '../transport';
import { showOsNotifications } from './os-notify';

export function useNotifications(
  client: NewsdeskClient,
  onOpenStory: (storyId: string) => void,
): { answer: NotificationsAnswer; markRead: (ids: readonly string[]) => void } {
  const [answer, setAnswer] = useState<NotificationsAnswer>({ items: [], unread: 0 });
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    let live = true;
    client.call('notifications.list', {}).then(
      (found) => live && setAnswer(found),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client, asked]);

  useEffect(
    () =>
      client.on('notifications.new', ({ items, alert }) => {
        setAsked((n) => n + 1);
        if (alert && client.transport === 'http') showOsNotifications(items, onOpenStory);
      }),
    [client, onOpenStory],
  );
  // Signing in as someone else brings their notifications.
  useEffect(() => client.on('sync.state', (state) => state.signedIn !== undefined && setAsked((n) => n + 1)), [client]);

  const markRead = useCallback(
    (ids: readonly string[]) => {
      if (ids.length === 0) return;
      setAnswer((old) => ({ ...old, items: old.items.map((n) => (ids.includes(n.id) ? { ...n, readAt: n.readAt ?? new Date().toISOString() } : n)) }));
      client.call('notifications.markRead', { ids: [...ids] }).then(
        ({ unread }) => setAnswer((old) => ({ ...old, unread })),
        () => undefined,
      );
    },
    [client],
  );
  return { answer, markRead };
}
