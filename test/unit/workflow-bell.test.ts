// @vitest-environment happy-dom
// The notifications bell: the unread count, the list with each notification's
// text, opening a story from it (which marks it read), marking all read, and
// the list read again when the sync worker brings new ones.
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskNotification, HandlerArgs, HandlerName } from '../../core/api';
import { notificationText } from '../../core/api';
import { NotificationBell } from '../../renderer/workflow/NotificationBell';
import { FakeServiceDesk } from '../helpers/fake-service-client';
import { all, click, find, get, render, settle, unmountAll } from '../helpers/react-dom';

afterEach(unmountAll);

const HEADLINE = 'Cụm thi đua số 4 triển khai hiệu quả công tác chăm lo đời sống cho đoàn viên';

function item(id: string, kind: DeskNotification['kind'], readAt: string | null): DeskNotification {
  return {
    id,
    user: 'hphong',
    kind,
    storyId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    actor: 'bientap.lan',
    noteId: null,
    at: '2025-05-20T03:32:00.000Z',
    readAt,
    headline: HEADLINE,
    ...notificationText(kind, { actor: 'bientap.lan', headline: HEADLINE }, 'vi'),
  };
}

class Desk extends FakeServiceDesk {
  items = [item('0190a1b2-c3d4-7e5f-8a9b-000000000001', 'returned', null), item('0190a1b2-c3d4-7e5f-8a9b-000000000002', 'assigned', '2025-05-20T03:40:00.000Z')];

  protected answer(name: HandlerName, args: unknown): unknown {
    switch (name) {
      case 'notifications.list':
        return { items: structuredClone(this.items), unread: this.items.filter((n) => n.readAt === null).length };
      case 'notifications.markRead': {
        const { ids } = args as HandlerArgs<'notifications.markRead'>;
        this.items = this.items.map((n) => (ids.includes(n.id) ? { ...n, readAt: '2025-05-20T04:00:00.000Z' } : n));
        return { unread: this.items.filter((n) => n.readAt === null).length };
      }
      default:
        throw new Error(`not in this test: ${name}`);
    }
  }
}

describe('the notifications bell', () => {
  it('counts the unread, lists them in words, opens a story and marks it read', async () => {
    const desk = new Desk();
    const opened: string[] = [];
    const host = await render(createElement(NotificationBell, { client: desk.client(), onOpenStory: (id) => opened.push(id) }));
    await settle(() => expect(get(host, 'bell-count').textContent).toBe('1'));
    expect(get(host, 'bell-button').getAttribute('aria-label')).toBe('Thông báo (1 chưa đọc)');
    await click(get(host, 'bell-button'));
    expect(all(host, 'bell-item').map((li) => li.querySelector('strong')?.textContent)).toEqual(['Bài bị trả lại', 'Bạn được giao bài']);
    expect(all(host, 'bell-item')[0]?.textContent).toContain(`bientap.lan đã trả bài “${HEADLINE}”. Hãy xem ghi chú rồi sửa bài.`);
    expect(all(host, 'bell-item')[0]?.textContent).toContain('10:32 20/05/2025');
    const open = all(host, 'bell-item')[0]?.querySelector('button');
    if (!open) throw new Error('no open button');
    await click(open);
    expect(opened).toEqual(['0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b']);
    expect(desk.named('notifications.markRead')).toEqual([{ ids: ['0190a1b2-c3d4-7e5f-8a9b-000000000001'] }]);
    await settle(() => expect(find(host, 'bell-count')).toBeNull());
  });

  it('reads the list again when new notifications arrive', async () => {
    const desk = new Desk();
    desk.items = [];
    const host = await render(createElement(NotificationBell, { client: desk.client(), onOpenStory: () => undefined }));
    await settle(() => expect(desk.named('notifications.list')).toHaveLength(1));
    expect(find(host, 'bell-count')).toBeNull();
    const fresh = item('0190a1b2-c3d4-7e5f-8a9b-000000000003', 'published', null);
    desk.items = [fresh];
    desk.emit('notifications.new', { items: [fresh], alert: true });
    await settle(() => expect(get(host, 'bell-count').textContent).toBe('1'));
    await click(get(host, 'bell-button'));
    await click(get(host, 'bell-mark-all'));
    expect(desk.named('notifications.markRead').at(-1)).toEqual({ ids: [fresh.id] });
  });
});
