// @vitest-environment happy-dom
// The notes panel against a fake service that keeps notes as the app service
// does: threads load and load again when the service says they changed; a
// returned story opens with the editor's note in view; a thread asked for is
// the one in view; @ suggests colleagues; a note is written and shows.
import { act, createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskNote, HandlerName, NoteThread } from '../../core/api';
import { NotesBridge } from '../../renderer/notes/notes-bridge';
import { NotesPanel } from '../../renderer/notes/NotesPanel';
import { FakeServiceDesk } from '../helpers/fake-service-client';
import { all, click, get, render, settle, unmountAll } from '../helpers/react-dom';

const STORY_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const noteId = (n: number) => `0190a1b2-c3d4-7e5f-8a9b-${String(n).padStart(12, '0')}`;

function note(n: number, fields: Partial<DeskNote>): DeskNote {
  return {
    id: noteId(n),
    storyId: STORY_ID,
    blockId: null,
    passage: null,
    parentId: null,
    author: 'bientap.lan',
    body: 'Ghi chú',
    mentions: [],
    createdAt: '2025-05-20T03:32:00.000Z',
    state: 'synced',
    refusedReason: null,
    ...fields,
  };
}

class NotesDesk extends FakeServiceDesk {
  threads: NoteThread[] = [
    {
      root: note(1, { blockId: 'b2', passage: '1.250 đoàn viên', body: 'Nhờ @hphong kiểm tra con số này.', mentions: ['hphong'] }),
      replies: [note(2, { parentId: noteId(1), author: 'hphong', body: 'Đúng theo báo cáo năm.' })],
    },
    { root: note(3, { body: 'Thiếu ảnh minh hoạ.', state: 'refused', refusedReason: 'Bài đang trong thùng rác' }), replies: [] },
  ];

  protected answer(name: HandlerName, args: unknown): unknown {
    switch (name) {
      case 'notes.list':
        return { threads: structuredClone(this.threads) };
      case 'workflow.users':
        return {
          users: [
            { username: 'hphong', role: 'reporter', displayName: 'Hoàng Phong' },
            { username: 'bientap.lan', role: 'editor', displayName: 'Nguyễn Thị Lan' },
          ],
          unavailable: null,
        };
      case 'notes.add': {
        const { body } = args as { body: string };
        const added = note(9, { body, author: 'bientap.lan', state: 'pending' });
        this.threads.push({ root: added, replies: [] });
        return added;
      }
      default:
        throw new Error(`not in this test: ${name}`);
    }
  }
}

function typeInto(element: HTMLTextAreaElement, value: string): Promise<void> {
  return act(async () => {
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
    setter?.call(element, value);
    element.setSelectionRange(value.length, value.length);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

afterEach(unmountAll);

describe('the notes panel', () => {
  it('shows threads with their passage, replies, mentions and refusals, and a returned story’s note first', async () => {
    const desk = new NotesDesk();
    const host = await render(
      createElement(NotesPanel, {
        client: desk.client(),
        storyId: STORY_ID,
        bridge: new NotesBridge(),
        notify: () => undefined,
        focus: { returnNote: { text: 'Bổ sung số liệu năm 2025 ở đoạn 2.', author: 'bientap.lan', at: '2025-05-20T03:32:00.000Z' }, noteId: noteId(3) },
      }),
    );
    await settle(() => expect(all(host, 'note-thread')).toHaveLength(2));
    const card = get(host, 'notes-return-note');
    expect(card.textContent).toBe('Bài bị trả lạiBổ sung số liệu năm 2025 ở đoạn 2.bientap.lan trả bài lúc 10:32 20/05/2025');
    // The return note comes before the threads.
    expect(card.compareDocumentPosition(get(host, 'note-on-selection')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const [first, second] = all(host, 'note-thread');
    expect(first?.querySelector('q')?.textContent).toBe('1.250 đoàn viên');
    expect([...(first?.querySelectorAll('.nd-mention') ?? [])].map((m) => m.textContent)).toEqual(['@hphong']);
    expect(all(first as HTMLElement, 'note').map((n) => n.textContent)).toEqual([
      'bientap.lan 10:32 20/05/2025Nhờ @hphong kiểm tra con số này.',
      'hphong 10:32 20/05/2025Đúng theo báo cáo năm.',
    ]);
    expect(second?.textContent).toContain('Máy chủ không nhận ghi chú này: Bài đang trong thùng rác');
    // The thread asked for is the one in view.
    expect(second?.className).toContain('is-active');
    expect(first?.className).not.toContain('is-active');
    expect(get(host, 'notes-panel').textContent).toContain('2 chuỗi');
  });

  it('suggests colleagues after @, writes the note, and shows it when the service says the notes changed', async () => {
    const desk = new NotesDesk();
    const host = await render(createElement(NotesPanel, { client: desk.client(), storyId: STORY_ID, bridge: new NotesBridge(), notify: () => undefined }));
    await settle(() => expect(all(host, 'note-thread')).toHaveLength(2));
    expect(host.querySelector('[data-testid="notes-return-note"]')).toBeNull();
    const box = get(host, 'note-new') as HTMLTextAreaElement;
    await typeInto(box, 'Nhờ @pho');
    await settle(() => expect(get(host, 'mention-suggestions').textContent).toBe('Hoàng Phong @hphong'));
    await act(async () => void box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })));
    expect(box.value).toBe('Nhờ @hphong ');
    await typeInto(box, 'Nhờ @hphong xem lại tít.');
    await click(get(host, 'note-new-send'));
    expect(desk.named('notes.add')).toEqual([{ storyId: STORY_ID, body: 'Nhờ @hphong xem lại tít.' }]);
    act(() => desk.emit('notes.changed', { storyId: STORY_ID }));
    await settle(() => expect(all(host, 'note-thread')).toHaveLength(3));
    expect(all(host, 'note-thread')[2]?.textContent).toContain('Chờ gửi lên máy chủ');
    expect(box.value).toBe('');
  });
});
