// @vitest-environment happy-dom
// The revision history of the open story, against a fake client that keeps a
// story and its revisions the way the app service does: revisions never change,
// and a restore writes the old text as a new 'restore' revision on top and
// emits 'story.changed'. Text from shared/samples/articles/ldld-hai-ba-trung-doi-moi.txt
// (the happy-dom environment's URL cannot read files, so the lines are copied here).
import { act, createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HandlerArgs, HandlerName, RevisionSummary, Settings } from '../../core/api';
import { nodes, REVISION_REASONS, type Revision, type RevisionReason, type Story, type StoryContent } from '../../core/story';
import { EditorPane } from '../../renderer/app/EditorPane';
import { HistoryPanel } from '../../renderer/history';
import { formatRevisionTime } from '../../renderer/history/revision-time';
import { ServiceError } from '../../renderer/transport/client';
import { FakeServiceDesk, storedStory } from '../helpers/fake-service-client';
import { all, click, find, get, press, render, settle, unmountAll } from '../helpers/react-dom';

const STORY_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const HEADLINE = 'LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới, hoạt động hiệu quả vì người lao động';
const SAPO_OLD =
  'Bên cạnh việc thực hiện tốt chức năng đại diện chăm lo, bảo vệ quyền và lợi ích hợp pháp, chính đáng cho đoàn viên và người lao động thì việc nâng cao đời sống tinh thần cho đoàn viên, công nhân, viên chức, lao động (CNVCLĐ) luôn là nhiệm vụ trọng tâm của Liên đoàn Lao động (LĐLĐ) quận Hai Bà Trưng.';
const SAPO_NEW = 'Nâng cao đời sống tinh thần cho đoàn viên, CNVCLĐ luôn là nhiệm vụ trọng tâm của LĐLĐ quận Hai Bà Trưng.';
const P1 =
  'Theo Chủ tịch LĐLĐ quận Hai Bà Trưng Nguyễn Thị Kim Dung, nâng cao đời sống tinh thần cho đoàn viên, CNVCLĐ là nhiệm vụ quan trọng của tổ chức Công đoàn, không những đảm bảo tính đặc trưng của Công đoàn, mà còn tạo ra sức mạnh đoàn kết, để hoàn thành tốt các nhiệm vụ chính trị được giao.';
const P2 = 'Đoàn viên công đoàn tích cực hưởng ứng các phong trào thi đua năm 2025.';
const P3 = 'LĐLĐ quận Hai Bà Trưng: Phát động thi đua gắn với 3 khâu đột phá.';

const content = (sapo: string, ...paragraphs: string[]): StoryContent => ({
  headline: HEADLINE,
  sapo,
  byline: 'Mạnh Quân',
  section: 'Công đoàn',
  tags: [],
  slug: '',
  related: [],
  body: nodes.bodyOf(paragraphs.map((text) => nodes.paragraph(nodes.inlineFromText(text)))),
});

const V1 = content(SAPO_OLD, P1, P2);
const V2 = content(SAPO_NEW, P1, P2, P3);

const settings: Settings = {
  language: 'vi',
  theme: 'light',
  userName: 'bientap.lan',
  sectionTargets: {},
  personalDictionary: [],
  serverUrl: '',
};

const MINUTE = 60_000;
const revisionId = (n: number): string => `0190a1b2-c3d4-7e5f-8a9b-${String(n).padStart(12, '0')}`;

/** One story and its history, as the app service keeps them. */
class FakeDesk extends FakeServiceDesk {
  story: StoryContent;
  /** Oldest first, as written. */
  revisions: Array<Revision & { open: boolean }> = [];
  refuseRestore: string | null = null;

  constructor(history: Array<{ reason: RevisionReason; author: string; minutesAgo: number; content: StoryContent; open?: boolean }>) {
    super();
    const now = Date.now();
    history.forEach((entry, index) => {
      this.revisions.push({
        id: revisionId(index + 1),
        storyId: STORY_ID,
        author: entry.author,
        createdAt: new Date(now - entry.minutesAgo * MINUTE).toISOString(),
        reason: entry.reason,
        content: structuredClone(entry.content),
        open: entry.open ?? false,
      });
    });
    this.story = structuredClone(history.at(-1)?.content ?? V1);
  }

  protected answer(name: HandlerName, args: unknown): unknown {
    switch (name) {
      case 'revisions.list':
        return [...this.revisions].reverse().map(({ id, author, createdAt, reason, open }): RevisionSummary => ({ id, author, createdAt, reason, open }));
      case 'revisions.get': {
        const { id } = args as HandlerArgs<'revisions.get'>;
        const found = this.revisions.find((revision) => revision.id === id);
        if (!found) throw new ServiceError('REVISION_NOT_FOUND', 'Không tìm thấy phiên bản này của bài viết.');
        const { open: _open, ...revision } = found;
        return structuredClone(revision);
      }
      case 'revisions.restore': {
        const { id } = args as HandlerArgs<'revisions.restore'>;
        if (this.refuseRestore !== null) throw new ServiceError('STORY_IN_TRASH', this.refuseRestore);
        const found = this.revisions.find((revision) => revision.id === id);
        if (!found) throw new ServiceError('REVISION_NOT_FOUND', 'Không tìm thấy phiên bản này của bài viết.');
        const created = {
          id: revisionId(this.revisions.length + 1),
          storyId: STORY_ID,
          author: settings.userName,
          createdAt: new Date().toISOString(),
          reason: 'restore' as const,
          content: structuredClone(found.content),
          open: false,
        };
        this.revisions = [...this.revisions.map((revision) => ({ ...revision, open: false })), created];
        this.story = structuredClone(found.content);
        queueMicrotask(() => this.emit('story.changed', { id: STORY_ID }));
        return { story: this.stored(), revisionId: created.id };
      }
      case 'stories.get':
        return this.stored();
      case 'stories.autosave':
        return { updatedAt: new Date().toISOString() };
      case 'stories.sections':
        return ['Công đoàn'];
      case 'sync.conflicts':
        return [];
      default:
        throw new Error(`not in this test: ${name}`);
    }
  }

  stored(): Story {
    return storedStory(this.story, { id: STORY_ID, status: 'draft', rev: 0 });
  }
}

/** Saved twice an hour apart by the reporter, then autosaved by the editor: the usual history. */
const usualDesk = (): FakeDesk =>
  new FakeDesk([
    { reason: 'save', author: 'hphong', minutesAgo: 3 * 24 * 60, content: V1 },
    { reason: 'save', author: 'hphong', minutesAgo: 2 * 60, content: V2 },
    { reason: 'autosave', author: 'bientap.lan', minutesAgo: 5, content: V2, open: true },
  ]);

afterEach(unmountAll);

/** Each entry as its reason, author and relative time, newest first. */
function entries(panel: ParentNode): Array<[string, string, string]> {
  return all(panel, 'history-item').map((item) => [
    item.querySelector('.history-item-reason')?.textContent ?? '',
    item.querySelector('.history-item-author')?.textContent ?? '',
    item.querySelector('time')?.textContent ?? '',
  ]);
}

/** The comparison's rows as [field, left, right, change]. */
function rows(panel: ParentNode): Array<[string, string, string, string]> {
  return [...get(panel, 'history-compare').querySelectorAll('tbody tr.compare-row')].map((row) => {
    const [left, right] = [...row.querySelectorAll('td')].map((cell) => (cell.textContent ?? '').replace(/^(Đoạn khác nhau|Changed paragraph): /, ''));
    return [row.getAttribute('data-field') ?? '', left ?? '', right ?? '', row.getAttribute('data-change') ?? ''];
  });
}

async function openPanel(desk: FakeDesk, language: 'vi' | 'en' = 'vi', onRestored = vi.fn()): Promise<HTMLElement> {
  await render(createElement(HistoryPanel, { client: desk.client(), storyId: STORY_ID, onClose: () => undefined, onRestored }), language);
  const panel = get(document, 'history-panel');
  await settle(() => expect(all(panel, 'history-item').length).toBeGreaterThan(0));
  return panel;
}

describe('formatRevisionTime', () => {
  it.each([
    ['vi', '08:05:13 01/03/2025'],
    ['en', '01/03/2025, 08:05:13'],
  ] as const)('gives the moment to the second in %s', (language, expected) => {
    expect(formatRevisionTime('2025-03-01T01:05:13.000Z', language, 'Asia/Ho_Chi_Minh')).toBe(expected);
  });
});

describe('the history panel', () => {
  it('lists the revisions newest first, with the reason in words, the author and the time', async () => {
    const panel = await openPanel(usualDesk());
    expect(panel.querySelector('h2')?.textContent).toBe('Lịch sử phiên bản');
    expect(entries(panel)).toEqual([
      ['Tự động lưu · đang viết', 'bởi bientap.lan', '5 phút trước'],
      ['Lưu phiên bản', 'bởi hphong', '2 giờ trước'],
      ['Lưu phiên bản', 'bởi hphong', '3 ngày trước'],
    ]);
    for (const item of all(panel, 'history-item')) {
      expect(item.querySelector('.history-item-absolute')?.textContent).toMatch(/^\d{2}:\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/);
    }
    expect(find(panel, 'history-compare')).toBeNull();
    expect(panel.textContent).toContain('Chọn một phiên bản bên trái để so sánh.');
    expect(get(panel, 'history-restore').hasAttribute('disabled')).toBe(true);
  });

  const words: Record<RevisionReason, [string, string]> = {
    autosave: ['Tự động lưu', 'Autosave'],
    save: ['Lưu phiên bản', 'Saved version'],
    import: ['Nhập bài', 'Imported'],
    submit: ['Gửi duyệt', 'Submitted'],
    approve: ['Duyệt', 'Approved'],
    publish: ['Xuất bản', 'Published'],
    correct: ['Đính chính', 'Correction'],
    restore: ['Khôi phục', 'Restored'],
    merge: ['Gộp', 'Merged'],
  };

  it.each([
    ['vi', 0],
    ['en', 1],
  ] as const)('names every reason in words (%s)', async (language, column) => {
    const desk = new FakeDesk(REVISION_REASONS.map((reason, index) => ({ reason, author: 'hphong', minutesAgo: 100 - index, content: V1 })));
    const panel = await openPanel(desk, language);
    expect(entries(panel).map(([reason]) => reason)).toEqual([...REVISION_REASONS].reverse().map((reason) => words[reason][column]));
  });

  it('compares a revision with the current text, or with the revision before it', async () => {
    const panel = await openPanel(usualDesk());
    const [, second, first] = all(panel, 'history-item');
    await click(first as HTMLElement);
    await settle(() => get(panel, 'history-compare-table'));
    expect(first?.getAttribute('aria-selected')).toBe('true');
    const heads = [...get(panel, 'history-compare-table').querySelectorAll('thead th')].map((th) => th.textContent);
    expect(heads[0]).toMatch(/^Phiên bản lúc \d{2}:\d{2}:\d{2} /);
    expect(heads[1]).toBe('Bản hiện tại');
    expect(rows(panel)).toEqual([
      ['headline', HEADLINE, HEADLINE, 'same'],
      ['sapo', SAPO_OLD, SAPO_NEW, 'changed'],
      ['body', P1, P1, 'same'],
      ['body', P2, P2, 'same'],
      ['body', 'Chỉ có ở bản hiện tại', P3, 'added'],
    ]);

    // The first revision has none before it.
    await click(get(panel, 'history-compare-previous'));
    await settle(() => expect(get(panel, 'history-compare').textContent).toContain('Đây là phiên bản đầu tiên của bài'));

    // The second one changed the sapo and added a paragraph, compared with the first.
    await click(second as HTMLElement);
    await settle(() => expect(rows(panel)).toHaveLength(5));
    expect(get(panel, 'history-compare').getAttribute('data-mode')).toBe('previous');
    expect(rows(panel)[1]).toEqual(['sapo', SAPO_OLD, SAPO_NEW, 'changed']);
    expect(rows(panel)[4]).toEqual(['body', 'Chỉ có ở phiên bản này', P3, 'added']);

    // Against the current text the second one is the same: nothing to restore.
    await click(get(panel, 'history-compare-current'));
    await settle(() => expect(get(panel, 'history-compare').textContent).toContain('Phiên bản này giống bản hiện tại.'));
    expect(get(panel, 'history-restore').hasAttribute('disabled')).toBe(true);
  });

  it('moves through the list with the keyboard, one tab stop for the list', async () => {
    const panel = await openPanel(usualDesk());
    const items = all(panel, 'history-item');
    expect(items.map((item) => item.tabIndex)).toEqual([0, -1, -1]);
    await press(items[0] as HTMLElement, 'ArrowDown');
    expect(items.map((item) => item.getAttribute('aria-selected'))).toEqual(['false', 'true', 'false']);
    expect(document.activeElement).toBe(items[1]);
    expect(items.map((item) => item.tabIndex)).toEqual([-1, 0, -1]);
    await press(items[1] as HTMLElement, 'End');
    expect(document.activeElement).toBe(items[2]);
    await press(items[2] as HTMLElement, 'ArrowDown');
    expect(document.activeElement).toBe(items[2]);
    await press(items[2] as HTMLElement, 'Home');
    expect(items[0]?.getAttribute('aria-selected')).toBe('true');
    await settle(() => get(panel, 'history-compare'));
  });

  it('asks before restoring, restores, asks the editor to reload, and shows the new revision on top', async () => {
    const desk = usualDesk();
    const onRestored = vi.fn();
    const panel = await openPanel(desk, 'vi', onRestored);
    await click(all(panel, 'history-item')[2] as HTMLElement);
    await settle(() => expect(get(panel, 'history-restore').hasAttribute('disabled')).toBe(false));
    expect(get(panel, 'history-restore').textContent).toBe('Khôi phục phiên bản này');

    await click(get(panel, 'history-restore'));
    // Nothing happens before the answer; the question names the version and its author.
    expect(desk.named('revisions.restore')).toEqual([]);
    expect(panel.querySelector('.history-confirm')?.textContent).toMatch(/^Thay nội dung hiện tại của bài bằng phiên bản lúc .+ của hphong\?/);
    expect(document.activeElement).toBe(get(panel, 'history-restore-confirm'));

    await click(get(panel, 'history-restore-confirm'));
    expect(desk.named('revisions.restore')).toEqual([{ id: revisionId(1), storyId: STORY_ID }]);
    expect(onRestored).toHaveBeenCalledTimes(1);
    await settle(() => expect(entries(panel)[0]).toEqual(['Khôi phục', 'bởi bientap.lan', 'vừa xong']));
    expect(entries(panel)).toHaveLength(4);
    expect(get(panel, 'history-restored').textContent).toMatch(/^Đã khôi phục phiên bản lúc /);
    const top = all(panel, 'history-item')[0] as HTMLElement;
    expect(top.getAttribute('aria-selected')).toBe('true');
    await settle(() => expect(document.activeElement).toBe(top));
    expect(desk.story).toEqual(V1);
  });

  it('takes back the question with Escape, and keeps the panel open', async () => {
    const desk = usualDesk();
    const onClose = vi.fn();
    await render(createElement(HistoryPanel, { client: desk.client(), storyId: STORY_ID, onClose, onRestored: () => undefined }));
    const panel = get(document, 'history-panel');
    await settle(() => expect(all(panel, 'history-item')).toHaveLength(3));
    await click(all(panel, 'history-item')[2] as HTMLElement);
    await settle(() => expect(get(panel, 'history-restore').hasAttribute('disabled')).toBe(false));
    await click(get(panel, 'history-restore'));
    await act(async () => void panel.dispatchEvent(new Event('cancel', { cancelable: true })));
    expect(find(panel, 'history-restore-confirm')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
    await act(async () => void panel.dispatchEvent(new Event('cancel', { cancelable: true })));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(desk.named('revisions.restore')).toEqual([]);
  });

  it('shows the service’s reason when it refuses, and changes nothing', async () => {
    const desk = usualDesk();
    desk.refuseRestore = 'Bài viết đang ở thùng rác. Hãy đưa bài ra khỏi thùng rác trước, rồi mới khôi phục một phiên bản của nó.';
    const onRestored = vi.fn();
    const panel = await openPanel(desk, 'vi', onRestored);
    await click(all(panel, 'history-item')[2] as HTMLElement);
    await settle(() => expect(get(panel, 'history-restore').hasAttribute('disabled')).toBe(false));
    await click(get(panel, 'history-restore'));
    await click(get(panel, 'history-restore-confirm'));
    await settle(() => expect(panel.querySelector('[role="alert"]')?.textContent).toBe(`Không khôi phục được: ${desk.refuseRestore}`));
    expect(onRestored).not.toHaveBeenCalled();
    expect(entries(panel)).toHaveLength(3);
    expect(get(panel, 'history-restore-confirm').hasAttribute('disabled')).toBe(false);
  });

  it('speaks English', async () => {
    const panel = await openPanel(usualDesk(), 'en');
    expect(panel.querySelector('h2')?.textContent).toBe('Version history');
    expect(entries(panel)[1]).toEqual(['Saved version', 'by hphong', '2 hours ago']);
    expect(get(panel, 'history-restore').textContent).toBe('Restore this version');
  });
});

describe('the editor pane with its history', () => {
  it('opens from the status bar and with Ctrl+Shift+H, and loads the restored text into the editor without saving the old text over it', async () => {
    const desk = usualDesk();
    const host = await render(
      createElement(EditorPane, {
        client: desk.client(),
        storyId: STORY_ID,
        settings,
        onChanged: () => undefined,
        focusStoryId: null,
        onFocused: () => undefined,
      }),
    );
    await settle(() => expect((get(host, 'sapo-input') as HTMLTextAreaElement).value).toBe(SAPO_NEW));
    const button = get(host, 'history-button');
    expect(button.textContent).toBe('Lịch sử');
    expect(button.closest('.nd-status')).not.toBeNull();
    expect(button.getAttribute('aria-keyshortcuts')).toBe('Control+Shift+H');

    await press(get(host, 'sapo-input'), 'H', { ctrlKey: true, shiftKey: true });
    const panel = get(document, 'history-panel');
    await settle(() => expect(all(panel, 'history-item')).toHaveLength(3));

    await click(all(panel, 'history-item')[2] as HTMLElement);
    await settle(() => expect(get(panel, 'history-restore').hasAttribute('disabled')).toBe(false));
    await click(get(panel, 'history-restore'));
    await click(get(panel, 'history-restore-confirm'));

    // The editor is made anew with the restored text; the panel stays open with the new revision on top.
    await settle(() => expect((find(host, 'sapo-input') as HTMLTextAreaElement | null)?.value).toBe(SAPO_OLD));
    expect(get(host, 'editor-body').textContent).not.toContain(P3);
    await settle(() => expect(entries(get(document, 'history-panel'))[0]?.[0]).toBe('Khôi phục'));
    expect(desk.named('stories.get').length).toBeGreaterThanOrEqual(2);
    expect(desk.named('stories.autosave')).toEqual([]);
    expect(desk.story).toEqual(V1);

    // Closing gives the focus to the new editor's history button.
    await click([...get(document, 'history-panel').querySelectorAll('button')].find((b) => b.textContent === 'Đóng') as HTMLElement);
    expect(find(document, 'history-panel')).toBeNull();
    await settle(() => expect(document.activeElement).toBe(get(host, 'history-button')));
  });
});
