// @vitest-environment happy-dom
// Seeing what changed (issue 11, point 6): any two revisions of the history
// compared word by word, side by side or with the changes in place, syllables
// compared with their tone marks; and "Ban biên tập đã sửa gì" for the reporter
// of a returned or published story, from what they handed in to now.
import { act, createElement, Fragment, useMemo, type ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HandlerName, RevisionSummary } from '../../core/api';
import { nodes, type RevisionReason, type StoryContent, type StoryStatus } from '../../core/story';
import { submittedBaseline } from '../../renderer/changes/baseline';
import { useDeskChanges } from '../../renderer/changes/useDeskChanges';
import { HistoryPanel } from '../../renderer/history';
import { FakeServiceDesk, storedStory } from '../helpers/fake-service-client';
import { all, click, get, render, settle, unmountAll } from '../helpers/react-dom';

const STORY_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a70';
const rid = (n: number): string => `0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4b${String(n).padStart(2, '0')}`;
// From shared/samples (ldld-hai-ba-trung-doi-moi.txt).
const HEADLINE = 'LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới, hoạt động hiệu quả vì người lao động';
const P1 = 'Theo Chủ tịch LĐLĐ quận Hai Bà Trưng Nguyễn Thị Kim Dung, nâng cao đời sống tinh thần cho đoàn viên là nhiệm vụ quan trọng.';
const P2 = 'Các cấp Công đoàn quận luôn hướng tới việc chăm lo, bảo vệ quyền lợi cho đoàn viên và người lao động.';

const text = (p1: string, p2: string, sapo = 'Sapo của bài.'): StoryContent => ({
  headline: HEADLINE,
  sapo,
  byline: 'H.Phong',
  section: 'Công đoàn',
  tags: ['công đoàn'],
  slug: '',
  related: [],
  body: nodes.bodyOf([p1, p2].map((p) => nodes.paragraph(nodes.inlineFromText(p)))),
});

interface Entry {
  reason: RevisionReason;
  author: string;
  minutesAgo: number;
  content: StoryContent;
}

class Desk extends FakeServiceDesk {
  private readonly at = Date.now();

  constructor(
    private readonly entries: Entry[],
    private readonly now: StoryContent,
    private readonly story: { status: StoryStatus; author: string } = { status: 'draft', author: 'hphong' },
  ) {
    super();
  }

  private summary(entry: Entry, index: number): RevisionSummary {
    return { id: rid(index), author: entry.author, reason: entry.reason, open: false, createdAt: new Date(this.at - entry.minutesAgo * 60_000).toISOString() };
  }

  protected answer(name: HandlerName, args: unknown): unknown {
    switch (name) {
      case 'revisions.list':
        return this.entries.map((entry, index) => this.summary(entry, index)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      case 'revisions.get': {
        const index = this.entries.findIndex((_, i) => rid(i) === (args as { id: string }).id);
        const entry = this.entries[index];
        if (entry === undefined) throw new Error('no such revision');
        return { ...this.summary(entry, index), storyId: STORY_ID, content: entry.content };
      }
      case 'stories.get':
        return storedStory(this.now, { id: STORY_ID, rev: 3, ...this.story });
      default:
        throw new Error(`not in this test: ${name}`);
    }
  }
}

afterEach(unmountAll);

const byTestId = <T extends Element>(id: string): T | null => document.querySelector<T>(`[data-testid="${id}"]`);
const marks = (selector: string): string[] => [...document.querySelectorAll(selector)].map((node) => node.textContent ?? '');

async function openHistory(desk: Desk): Promise<HTMLElement[]> {
  await render(createElement(HistoryPanel, { client: desk.client(), storyId: STORY_ID, onClose: () => undefined, onRestored: () => undefined }));
  await settle(() => expect(all(document, 'history-item')).toHaveLength(3));
  return all(document, 'history-item');
}

async function compareWithOther(id: string): Promise<void> {
  await click(get(document, 'history-compare-other'));
  const select = get(document, 'history-compare-other-revision') as HTMLSelectElement;
  await act(async () => {
    select.value = id;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle(() => expect(document.querySelector('[data-testid="history-compare"]')?.innerHTML).toContain('<del'));
}

describe('the history compares any two revisions word by word', () => {
  // Three revisions: the first, then "hướng tới" made "hường tới" (one tone mark), then a paragraph rewritten.
  const first = text(P1, P2);
  const second = text(P1, P2.replace('hướng tới', 'hường tới'));
  const third = text(P1.replace('nâng cao đời sống tinh thần', 'chăm lo đời sống vật chất'), P2.replace('hướng tới', 'hường tới'), 'Sapo mới.');
  const desk = (): Desk =>
    new Desk(
      [
        { reason: 'save', author: 'hphong', minutesAgo: 90, content: first },
        { reason: 'autosave', author: 'hphong', minutesAgo: 60, content: second },
        { reason: 'merge', author: 'bientap.lan', minutesAgo: 30, content: third },
      ],
      third,
    );

  it('marks a changed tone mark as a changed word, side by side, then with the changes in place', async () => {
    const items = await openHistory(desk());
    // The first revision against the second: choose "another version".
    await click(items[2] as HTMLElement);
    await compareWithOther(rid(1));
    expect(marks('[data-testid="history-compare-table"] td.compare-a del')).toEqual(['hướng']);
    expect(marks('[data-testid="history-compare-table"] td.compare-b ins')).toEqual(['hường']);

    await click(get(document, 'history-layout-inline'));
    await settle(() => expect(get(document, 'history-compare-table').getAttribute('data-layout')).toBe('inline'));
    expect(marks('[data-testid="history-compare-table"] [data-change="changed"] del')).toEqual(['hướng']);
    expect(marks('[data-testid="history-compare-table"] [data-change="changed"] ins')).toEqual(['hường']);
  });

  it('compares the newest with the oldest, whichever is chosen first, the older on the left', async () => {
    const items = await openHistory(desk());
    await click(items[0] as HTMLElement);
    await compareWithOther(rid(0));
    const changed = [...document.querySelectorAll('[data-testid="history-compare-table"] tr[data-change="changed"]')].map((row) => row.getAttribute('data-field'));
    expect(changed).toEqual(['sapo', 'body', 'body']);
    expect(marks('td.compare-a del').join(' ')).toContain('nâng cao');
    expect(marks('td.compare-b ins').join(' ')).toContain('chăm lo');
  });
});

describe('"Ban biên tập đã sửa gì"', () => {
  const handedIn = text(P1, P2);
  const edited = text(P1, P2.replace('chăm lo, bảo vệ', 'bảo vệ'), 'Sapo ban biên tập viết lại.');
  const history: Entry[] = [
    { reason: 'autosave', author: 'hphong', minutesAgo: 120, content: text(P1, 'Bản nháp đầu.') },
    { reason: 'submit', author: 'hphong', minutesAgo: 100, content: handedIn },
    { reason: 'merge', author: 'hphong', minutesAgo: 10, content: edited },
  ];

  function Harness(props: { desk: Desk; me: string }): ReactNode {
    const client = useMemo(() => props.desk.client(), [props.desk]);
    const { button, dialog } = useDeskChanges({ client, storyId: STORY_ID, me: props.me });
    return createElement(Fragment, null, button, dialog);
  }

  it('picks the last submit, or else the reporter’s last own revision, never a merge', () => {
    const summaries = (entries: Entry[]): RevisionSummary[] =>
      entries.map((entry, index) => ({ id: rid(index), author: entry.author, reason: entry.reason, open: false, createdAt: new Date(Date.now() - entry.minutesAgo * 60_000).toISOString() }));
    expect(submittedBaseline(summaries(history), 'hphong')).toMatchObject({ revision: { id: rid(1) }, submitted: true });
    expect(submittedBaseline(summaries([history[0] as Entry, history[2] as Entry]), 'hphong')).toMatchObject({ revision: { id: rid(0) }, submitted: false });
    expect(submittedBaseline(summaries(history), 'bientap.lan')).toBeNull();
  });

  it('is offered to the reporter of a returned story and shows what the desk changed since the submit', async () => {
    const desk = new Desk(history, edited, { status: 'returned', author: 'hphong' });
    await render(createElement(Harness, { desk, me: 'hphong' }));
    await settle(() => get(document, 'desk-changes-button'));
    await click(get(document, 'desk-changes-button'));
    await settle(() => expect(get(document, 'desk-changes-diff').getAttribute('data-layout')).toBe('inline'));
    expect(byTestId('desk-changes')?.textContent).toContain('So sánh bản bạn gửi duyệt lúc');
    expect(marks('[data-testid="desk-changes-diff"] [data-field="sapo"] del')).toEqual(['của bài']);
    expect(marks('[data-testid="desk-changes-diff"] [data-field="sapo"] ins')).toEqual(['ban biên tập viết lại']);
    expect(marks('[data-testid="desk-changes-diff"] [data-field="body"] del')).toEqual(['chăm lo, ']);
    await click(get(document, 'desk-changes-layout-side'));
    await settle(() => expect(get(document, 'desk-changes-diff').getAttribute('data-layout')).toBe('side'));
    expect(marks('[data-testid="desk-changes-diff"] td.compare-a del')).toContain('chăm lo, ');
  });

  it('is not offered for a story still in the reporter’s hands, nor to someone else', async () => {
    const draft = new Desk(history, edited, { status: 'draft', author: 'hphong' });
    await render(createElement(Harness, { desk: draft, me: 'hphong' }));
    await settle(() => expect(draft.named('stories.get').length).toBeGreaterThan(0));
    const other = new Desk(history, edited, { status: 'published', author: 'hphong' });
    await render(createElement(Harness, { desk: other, me: 'bientap.lan' }));
    await settle(() => expect(other.named('stories.get').length).toBeGreaterThan(0));
    await settle(() => undefined);
    expect(byTestId('desk-changes-button')).toBeNull();
  });
});
