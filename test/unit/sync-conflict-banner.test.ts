// @vitest-environment happy-dom
// The banner above a story with two versions, and the side-by-side comparison
// behind it, against a fake client that holds one story and its conflict the
// way the app service does: the conflict stays until the user chooses, and the
// choice changes the story's text here and emits 'story.changed'.
import { act, createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HandlerArgs, HandlerName, Settings, SyncConflict } from '../../core/api';
import { nodes, type Story, type StoryContent } from '../../core/story';
import { EditorPane } from '../../renderer/app/EditorPane';
import { ConflictBanner } from '../../renderer/sync/ConflictBanner';
import { ServiceError } from '../../renderer/transport/client';
import { FakeServiceDesk, storedStory } from '../helpers/fake-service-client';
import { click, find, get, render, settle, unmountAll } from '../helpers/react-dom';

const STORY_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const OTHER_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60';
// From shared/samples/articles/cum-thi-dua-so-4-cham-lo-doan-vien.txt (the happy-dom
// environment's URL cannot read files, so the lines are copied here).
const HEADLINE = 'Cụm thi đua số 4 triển khai hiệu quả công tác chăm lo đời sống cho đoàn viên';
const SAPO =
  'Ngày 21/11, Đoàn khảo sát của Liên đoàn Lao động (LĐLĐ) thành phố Hà Nội do đồng chí Nguyễn Thị Thu Thủy - Phó Chủ tịch LĐLĐ Thành phố làm trưởng đoàn, đã có buổi khảo sát kết quả phong trào công nhân, viên chức, lao động (CNVCLĐ) và hoạt động công đoàn năm 2024 tại Cụm thi đua số 4.';
const P1 =
  'Dự buổi khảo sát có đồng chí Đàm Công Lợi - Phó Bí thư Thường trực Huyện ủy, Chủ tịch Hội đồng nhân dân huyện Quốc Oai; lãnh đạo các Ban LĐLĐ thành phố Hà Nội.';
const P2 =
  'Báo cáo tại buổi khảo sát, đồng chí Phùng Quốc Tuệ - Chủ tịch LĐLĐ huyện Quốc Oai, Cụm trưởng Cụm thi đua số 4 cho biết, trong năm 2024, các đơn vị trong Cụm thi đua số 4 (gồm LĐLĐ các huyện: Phúc Thọ, Ba Vì, Hoài Đức, Đan Phượng, Thạch Thất, Quốc Oai) đã tập trung thực hiện tốt công tác chăm lo, bảo vệ quyền và lợi ích hợp pháp cho đoàn viên, CNVCLĐ.';
const P3 =
  'Nổi bật là, LĐLĐ các huyện đã phối hợp với chính quyền đồng cấp hướng dẫn Công đoàn cơ sở tổ chức Hội nghị cán bộ, công chức, viên chức, Hội nghị người lao động năm 2024.';
const P2_REPORTER = `${P2} Phóng viên bổ sung: 1.250 đoàn viên được tặng quà Tết.`;

const content = (headline: string, sapo: string, ...paragraphs: string[]): StoryContent => ({
  headline,
  sapo,
  byline: 'Mạnh Quân',
  section: 'Công đoàn',
  tags: [],
  slug: '',
  related: [],
  body: nodes.bodyOf(paragraphs.map((text) => nodes.paragraph(nodes.inlineFromText(text)))),
});

/** The editor's text here, and the reporter's on the server (rev 3). */
const MINE = content(HEADLINE, 'Biên tập viên rút gọn sapo cho trang chủ.', P1, P2);
const THEIRS = content(`${HEADLINE} (cập nhật)`, SAPO, P1, P2_REPORTER, P3);

const settings: Settings = {
  language: 'vi',
  theme: 'light',
  userName: 'bientap.lan',
  sectionTargets: {},
  personalDictionary: [],
  serverUrl: 'http://127.0.0.1:4000',
};

/** One story with a conflict, as the app service keeps them. */
class FakeDesk extends FakeServiceDesk {
  story: StoryContent = structuredClone(MINE);
  conflict: SyncConflict | null = {
    storyId: STORY_ID,
    createdAt: '2025-03-01T08:00:00.000Z',
    serverRev: 3,
    mine: structuredClone(MINE),
    mineTrashed: false,
    theirs: structuredClone(THEIRS),
    theirsTrashed: false,
  };
  refuseResolve: string | null = null;

  /** The text here changed (a save), as the service says it: the conflict's "mine" follows it. */
  saveHere(next: StoryContent): void {
    this.story = next;
    if (this.conflict) this.conflict = { ...this.conflict, mine: structuredClone(next) };
    this.emit('story.changed', { id: STORY_ID });
  }

  protected answer(name: HandlerName, args: unknown): unknown {
    switch (name) {
      case 'sync.conflicts': {
        const { storyId } = args as HandlerArgs<'sync.conflicts'>;
        return this.conflict && (storyId === undefined || storyId === this.conflict.storyId) ? [structuredClone(this.conflict)] : [];
      }
      case 'sync.resolveConflict': {
        const { keep } = args as HandlerArgs<'sync.resolveConflict'>;
        if (this.refuseResolve !== null) throw new ServiceError('CONFLICT_NOT_FOUND', this.refuseResolve);
        if (this.conflict === null) throw new ServiceError('CONFLICT_NOT_FOUND', 'Bài này không có hai phiên bản đang chờ chọn.');
        if (keep === 'theirs') this.story = structuredClone(this.conflict.theirs);
        this.conflict = null;
        queueMicrotask(() => this.emit('story.changed', { id: STORY_ID }));
        return { story: this.stored() };
      }
      case 'stories.get':
        return this.stored();
      case 'stories.autosave':
        return { updatedAt: new Date().toISOString() };
      case 'stories.sections':
        return ['Công đoàn'];
      default:
        throw new Error(`not in this test: ${name}`);
    }
  }

  stored(): Story {
    return storedStory(this.story, { id: STORY_ID, status: 'submitted', rev: 3, updatedAt: '2025-03-01T08:00:00.000Z' });
  }
}

afterEach(unmountAll);

/** The comparison's rows as [mine, theirs, change]. */
function rows(host: ParentNode): Array<[string, string, string]> {
  return [...get(host, 'conflict-table').querySelectorAll('tbody tr.compare-row')].map((row) => {
    const [mine, theirs] = [...row.querySelectorAll('td')].map((cell) => (cell.textContent ?? '').replace(/^Đoạn khác nhau: /, ''));
    return [mine ?? '', theirs ?? '', row.getAttribute('data-change') ?? ''];
  });
}

describe('the conflict banner', () => {
  it('says plainly that the story has two versions, and nothing when it has one', async () => {
    const desk = new FakeDesk();
    const quiet = await render(createElement(ConflictBanner, { client: desk.client(), storyId: OTHER_ID, onResolved: () => undefined }));
    const host = await render(createElement(ConflictBanner, { client: desk.client(), storyId: STORY_ID, onResolved: () => undefined }));
    await vi.waitFor(() => get(host, 'conflict-banner'));
    expect(get(host, 'conflict-banner').textContent).toContain(
      'Bài này có hai phiên bản: bản trên máy này và bản trên máy chủ (phiên bản 3).',
    );
    expect(get(host, 'conflict-compare').textContent).toBe('So sánh');
    expect(find(quiet, 'conflict-banner')).toBeNull();
    expect(desk.named('sync.conflicts')).toContainEqual({ storyId: OTHER_ID });
  });

  it('appears when a conflict arrives with a sync, and speaks English too', async () => {
    const desk = new FakeDesk();
    const waiting = desk.conflict;
    desk.conflict = null;
    const host = await render(createElement(ConflictBanner, { client: desk.client(), storyId: STORY_ID, onResolved: () => undefined }), 'en');
    await vi.waitFor(() => expect(desk.named('sync.conflicts')).toHaveLength(1));
    expect(find(host, 'conflict-banner')).toBeNull();

    desk.conflict = waiting;
    await act(async () => desk.emit('sync.state', { online: true, pending: 1, lastError: null, lastSyncedAt: null, conflicts: 1 }));
    await vi.waitFor(() => get(host, 'conflict-banner'));
    expect(get(host, 'conflict-banner').textContent).toContain(
      'This story has two versions: the one on this computer and the one on the server (version 3).',
    );
    // A progress event with the same count asks nothing more.
    const asked = desk.named('sync.conflicts').length;
    await act(async () => desk.emit('sync.state', { online: true, pending: 1, lastError: null, lastSyncedAt: null, conflicts: 1, syncing: true }));
    expect(desk.named('sync.conflicts')).toHaveLength(asked);
  });

  it('compares both texts side by side, paragraph by paragraph, and changes nothing until the user chooses', async () => {
    const desk = new FakeDesk();
    const host = await render(createElement(ConflictBanner, { client: desk.client(), storyId: STORY_ID, onResolved: () => undefined }));
    await vi.waitFor(() => get(host, 'conflict-banner'));
    await click(get(host, 'conflict-compare'));

    const dialog = get(document, 'conflict-dialog');
    expect(dialog.querySelector('h2')?.textContent).toBe('Hai phiên bản của bài');
    expect([...dialog.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Bản trên máy này', 'Bản trên máy chủ (phiên bản 3)']);
    expect(rows(dialog)).toEqual([
      [MINE.headline, THEIRS.headline, 'changed'],
      [MINE.sapo, THEIRS.sapo, 'changed'],
      [P1, P1, 'same'],
      [P2, P2_REPORTER, 'changed'],
      ['Chỉ có trên máy chủ', P3, 'added'],
    ]);
    expect(get(dialog, 'conflict-keep-mine').textContent).toBe('Giữ bản của tôi');
    expect(get(dialog, 'conflict-keep-theirs').textContent).toBe('Dùng bản trên máy chủ');

    // Typing saved while the comparison is open shows up on "mine"; still nothing is resolved.
    const typed = { ...MINE, sapo: `${MINE.sapo} Thêm một câu.` };
    await act(async () => desk.saveHere(typed));
    await vi.waitFor(() => expect(rows(dialog)[1]).toEqual([typed.sapo, THEIRS.sapo, 'changed']));
    expect(desk.named('sync.resolveConflict')).toEqual([]);
    expect(desk.conflict?.theirs).toEqual(THEIRS);

    // "Later" closes the comparison and keeps the banner.
    await click([...dialog.querySelectorAll('button')].find((button) => button.textContent === 'Để sau') as HTMLElement);
    expect(find(document, 'conflict-dialog')).toBeNull();
    expect(find(host, 'conflict-banner')).not.toBeNull();
    expect(desk.named('sync.resolveConflict')).toEqual([]);
  });

  it('keeps mine: saves the choice, asks for a reload, and goes away', async () => {
    const desk = new FakeDesk();
    const onResolved = vi.fn();
    const host = await render(createElement(ConflictBanner, { client: desk.client(), storyId: STORY_ID, onResolved }));
    await vi.waitFor(() => get(host, 'conflict-banner'));
    await click(get(host, 'conflict-compare'));
    await click(get(document, 'conflict-keep-mine'));

    expect(desk.named('sync.resolveConflict')).toEqual([{ storyId: STORY_ID, keep: 'mine' }]);
    expect(onResolved).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(find(host, 'conflict-banner')).toBeNull());
    expect(find(document, 'conflict-dialog')).toBeNull();
    expect(desk.story).toEqual(MINE);
  });

  it('shows the service’s reason when the choice cannot be saved, and keeps both versions', async () => {
    const desk = new FakeDesk();
    desk.refuseResolve = 'Không lưu được lựa chọn: kho dữ liệu đang bận, hãy thử lại.';
    const onResolved = vi.fn();
    const host = await render(createElement(ConflictBanner, { client: desk.client(), storyId: STORY_ID, onResolved }));
    await vi.waitFor(() => get(host, 'conflict-banner'));
    await click(get(host, 'conflict-compare'));
    await click(get(document, 'conflict-keep-theirs'));

    const dialog = get(document, 'conflict-dialog');
    expect(dialog.querySelector('[role="alert"]')?.textContent).toBe(desk.refuseResolve);
    expect(onResolved).not.toHaveBeenCalled();
    expect(get(dialog, 'conflict-keep-theirs').hasAttribute('disabled')).toBe(false);
    expect(find(host, 'conflict-banner')).not.toBeNull();
  });
});

describe('the editor pane with a conflicted story', () => {
  it('loads the server’s text into the editor after "use the server’s version", without saving the old text over it', async () => {
    const desk = new FakeDesk();
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
    await settle(() => expect((get(host, 'headline-input') as HTMLTextAreaElement).value).toBe(MINE.headline));
    await settle(() => get(host, 'conflict-banner'));
    // The banner sits above the editor.
    expect(get(host, 'conflict-banner').compareDocumentPosition(get(host, 'story-editor')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    await click(get(host, 'conflict-compare'));
    await click(get(document, 'conflict-keep-theirs'));

    await settle(() => expect((find(host, 'headline-input') as HTMLTextAreaElement | null)?.value).toBe(THEIRS.headline));
    expect((get(host, 'sapo-input') as HTMLTextAreaElement).value).toBe(THEIRS.sapo);
    expect(get(host, 'editor-body').textContent).toContain('1.250 đoàn viên');
    expect(desk.named('stories.get')).toHaveLength(2);
    await settle(() => expect(find(host, 'conflict-banner')).toBeNull());
    expect(desk.named('stories.autosave')).toEqual([]);
    expect(desk.story).toEqual(THEIRS);
  });
});
