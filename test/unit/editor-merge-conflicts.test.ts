// @vitest-environment happy-dom
// The editor and a merge (issue 11, point 3), against a fake service that
// keeps one story the way the app service does: a place both sides changed is
// shown above the body with both texts and marked in the body, and settled
// there "giữ của tôi / của họ / cả hai", the body then showing the new text;
// a merge that comes in while the story is open is taken into the editor
// without losing what is being typed (the save is refused with STORY_CHANGED,
// merged, and saved again).
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HandlerName, Settings, SyncConflict } from '../../core/api';
import { mergeStoryContent, settleConflict, type MergeChoice } from '../../core/merge';
import { bodyFromBlocks, randomBlockId, type StoryContent } from '../../core/story';
import { StoryEditor } from '../../renderer/editor/StoryEditor';
import { createI18n } from '../../renderer/i18n';
import { ServiceError } from '../../renderer/transport/client';
import { FakeServiceDesk, storedStory } from '../helpers/fake-service-client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const STORY_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d';
const CONFLICT_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60';
const settings: Settings = { language: 'vi', theme: 'light', userName: 'bientap.lan', sectionTargets: {}, personalDictionary: [], serverUrl: '' };
// From shared/samples (cum-thi-dua-so-4-cham-lo-doan-vien.txt).
const P1 = 'Dự buổi khảo sát có đồng chí Đàm Công Lợi - Phó Bí thư Thường trực Huyện ủy, Chủ tịch Hội đồng nhân dân huyện Quốc Oai.';
const P2 = 'Báo cáo tại buổi khảo sát, các đơn vị trong Cụm đã tập trung thực hiện tốt công tác chăm lo cho đoàn viên.';
const P3 = 'Năm 2024, LĐLĐ huyện đã phối hợp tổ chức nhiều hoạt động chăm lo Tết cho đoàn viên, người lao động.';
const MINE_P2 = P2.replace('Báo cáo tại buổi khảo sát', 'Theo báo cáo của Cụm trưởng');
const THEIRS_P2 = P2.replace('Báo cáo tại buổi khảo sát', 'Phát biểu tại buổi làm việc');

const text = (p2: string, p3 = P3, headline = 'Cụm thi đua số 4 chăm lo tốt đời sống đoàn viên'): StoryContent => ({
  headline,
  sapo: '',
  byline: 'Mạnh Quân',
  section: 'Công đoàn',
  tags: [],
  slug: '',
  related: [],
  body: bodyFromBlocks([
    { type: 'paragraph', text: P1 },
    { type: 'paragraph', text: p2 },
    { type: 'paragraph', text: p3 },
  ]),
});

/** One story as the app service keeps it: its text, when it last changed, and the places a merge left open. */
class Desk extends FakeServiceDesk {
  content: StoryContent;
  updatedAt = '2025-03-01T08:00:00.000Z';
  conflicts: SyncConflict[];
  private tick = 0;

  constructor() {
    super();
    const merged = mergeStoryContent(text(P2), text(MINE_P2), text(THEIRS_P2));
    this.content = merged.merged;
    this.conflicts = merged.conflicts.map((conflict) => ({ id: CONFLICT_ID, storyId: STORY_ID, createdAt: this.updatedAt, serverRev: 4, conflict }));
  }

  /** The story's text changes here, as sync or a settled conflict changes it, and every window is told (unless `quietly`). */
  change(content: StoryContent, quietly = false): void {
    this.content = content;
    this.updatedAt = new Date(Date.parse('2025-03-01T08:00:00.000Z') + ++this.tick * 1000).toISOString();
    if (!quietly) this.emit('story.changed', { id: STORY_ID });
  }

  protected answer(name: HandlerName, args: unknown): unknown {
    switch (name) {
      case 'stories.get':
        return storedStory(this.content, { id: STORY_ID, status: 'draft', rev: 4, updatedAt: this.updatedAt });
      case 'stories.autosave': {
        const { content, since } = args as { content: StoryContent; since?: string };
        if (since !== this.updatedAt) throw new ServiceError('STORY_CHANGED', 'Bài vừa được cập nhật trên máy này');
        this.content = content;
        this.updatedAt = new Date(Date.parse(this.updatedAt) + 1).toISOString();
        return { updatedAt: this.updatedAt };
      }
      case 'stories.sections':
        return [];
      case 'sync.conflicts':
        return structuredClone(this.conflicts);
      case 'sync.resolveConflict': {
        const { conflictId, keep } = args as { conflictId: string; keep: MergeChoice };
        const open = this.conflicts.find((c) => c.id === conflictId);
        if (open === undefined) throw new ServiceError('CONFLICT_NOT_FOUND', 'Không còn chờ chọn');
        this.conflicts = this.conflicts.filter((c) => c !== open);
        this.change(settleConflict(this.content, open.conflict, keep, randomBlockId));
        return { story: storedStory(this.content, { id: STORY_ID, status: 'draft', rev: 4 }) };
      }
      default:
        throw new Error(`not in this test: ${name}`);
    }
  }
}

const byTestId = <T extends HTMLElement>(id: string, within: ParentNode = document): T => {
  const element = within.querySelector<T>(`[data-testid="${id}"]`);
  if (element === null) throw new Error(`no [data-testid=${id}]`);
  return element;
};

function typeInto(element: HTMLTextAreaElement, value: string): void {
  Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(element, value);
  element.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('a merge in the editor', () => {
  let root: Root;
  let container: HTMLDivElement;
  let desk: Desk;

  beforeEach(async () => {
    desk = new Desk();
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    await act(async () => {
      root.render(createElement(I18nextProvider, { i18n: createI18n('vi') }, createElement(StoryEditor, { client: desk.client(), storyId: STORY_ID, settings })));
    });
    await vi.waitFor(() => byTestId('editor-body'));
  });

  afterEach(async () => {
    await act(async () => root.unmount());
    container.remove();
  });

  it('shows the block both sides changed with both texts, marks it in the body, and settles it "giữ của họ"', async () => {
    const card = await vi.waitFor(() => byTestId('merge-conflict'));
    expect(card.querySelector('.nd-conflict-place')?.textContent).toBe('Đoạn 2');
    expect(byTestId('merge-conflicts').textContent).toContain('1 chỗ trong bài được sửa cả ở máy này và trên máy chủ');
    expect(card.querySelector('[data-side="mine"]')?.textContent).toContain(MINE_P2);
    expect(card.querySelector('[data-side="theirs"]')?.textContent).toContain(THEIRS_P2);
    expect(card.querySelector('[data-side="theirs"]')?.textContent).toContain('phiên bản 4');
    // The words that differ are marked on both sides.
    expect([...card.querySelectorAll('[data-side="mine"] mark')].map((d) => d.textContent).join('')).toContain('Theo báo cáo của Cụm trưởng');
    expect([...card.querySelectorAll('[data-side="theirs"] mark')].map((d) => d.textContent).join('')).toContain('Phát biểu tại buổi làm việc');
    const body = byTestId('editor-body');
    await vi.waitFor(() => expect(body.querySelectorAll('.nd-block-conflict')).toHaveLength(1));
    expect(body.querySelector('.nd-block-conflict')?.textContent).toBe(MINE_P2);

    await act(async () => byTestId<HTMLButtonElement>('conflict-keep-theirs', card).click());
    expect(desk.named('sync.resolveConflict')).toEqual([{ storyId: STORY_ID, conflictId: CONFLICT_ID, keep: 'theirs' }]);
    await vi.waitFor(() => expect(body.textContent).toContain(THEIRS_P2));
    expect(body.textContent).not.toContain(MINE_P2);
    await vi.waitFor(() => expect(document.querySelector('[data-testid="merge-conflicts"]')).toBeNull());
    expect(body.querySelectorAll('.nd-block-conflict')).toHaveLength(0);
  });

  it('keeps both texts for "giữ cả hai", one after the other', async () => {
    const card = await vi.waitFor(() => byTestId('merge-conflict'));
    await act(async () => byTestId<HTMLButtonElement>('conflict-keep-both', card).click());
    const body = byTestId('editor-body');
    await vi.waitFor(() => expect(body.textContent).toContain(THEIRS_P2));
    const paragraphs = [...body.querySelectorAll('p')].map((p) => p.textContent);
    expect(paragraphs).toEqual([P1, MINE_P2, THEIRS_P2, P3]);
  });

  it('takes in a merge that arrives while the story is open, keeping what is being typed', async () => {
    await vi.waitFor(() => byTestId('merge-conflict'));
    // The writer types a new headline; before it is saved, sync merges a change of the third paragraph in.
    await act(async () => typeInto(byTestId('headline-input'), 'Cụm thi đua số 4: đời sống đoàn viên được chăm lo'));
    const p3 = `${P3} Ban biên tập bổ sung số liệu.`;
    await act(async () => desk.change({ ...desk.content, body: text(MINE_P2, p3).body }));
    const body = byTestId('editor-body');
    await vi.waitFor(() => expect(body.textContent).toContain('Ban biên tập bổ sung số liệu.'));
    // The typing was refused once (written on the older text), merged with the new one, and saved.
    await vi.waitFor(() => expect(desk.content.headline).toBe('Cụm thi đua số 4: đời sống đoàn viên được chăm lo'));
    expect(JSON.stringify(desk.content.body)).toContain('Ban biên tập bổ sung số liệu.');
    expect(byTestId<HTMLTextAreaElement>('headline-input').value).toBe('Cụm thi đua số 4: đời sống đoàn viên được chăm lo');
    expect(body.querySelectorAll('.nd-block-conflict')).toHaveLength(1);
  });

  it('merges before saving when its save is refused because the story changed unannounced', async () => {
    await vi.waitFor(() => byTestId('merge-conflict'));
    const p3 = `${P3} Ban biên tập bổ sung số liệu.`;
    desk.change({ ...desk.content, body: text(MINE_P2, p3).body }, true);
    await act(async () => typeInto(byTestId('headline-input'), 'Cụm thi đua số 4: đời sống đoàn viên được chăm lo'));
    await vi.waitFor(() => expect(desk.content.headline).toBe('Cụm thi đua số 4: đời sống đoàn viên được chăm lo'), { timeout: 3_000 });
    expect(JSON.stringify(desk.content.body)).toContain('Ban biên tập bổ sung số liệu.');
    expect(desk.named('stories.autosave')).toHaveLength(2);
    await vi.waitFor(() => expect(byTestId('editor-body').textContent).toContain('Ban biên tập bổ sung số liệu.'));
  });
});
