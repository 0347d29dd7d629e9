// OS notifications on the desktop: each notification the sync worker brings
// (your story was returned, approved or published, a story was assigned to
// you, someone mentioned you…) is raised with Electron's Notification, its text
// already in the desk's language. A click brings the window forward. The
// first poll after sign-in only fills the bell (`alert` false): no burst of
// old news.
import { Notification } from 'electron';
import { notificationsEvent } from '../core/api/contract-workflow';
import type { AppService } from './service-contract';

export function raiseOsNotifications(service: Pick<AppService, 'on'>, onClick: (storyId: string) => void): () => void {
  return service.on('notifications.new', (payload) => {
    const event = notificationsEvent.safeParse(payload);
    if (!event.success || !event.data.alert || !Notification.isSupported()) return;
    for (const item of event.data.items) {
      const shown = new Notification({ title: item.title, body: item.body });
      shown.on('click', () => onClick(item.storyId));
      shown.show();
    }
  });
}
