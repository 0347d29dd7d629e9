// @vitest-environment happy-dom
// The workflow in the open story and in the list: a story the user may not edit
// opens read-only with canEdit's reason and sends no edits; the one action it
// offers saves the open text first and then asks the service; a note is
// required to return a story and the checklist blocks an approval; the desk's
// views show their counts and each row who holds the story, since when, and an
// overdue deadline.
import { act, createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChecklistAnswer, HandlerArgs, HandlerName, QueueCounts, Settings, StorySummary, WorkflowView } from '../../core/api';
import { nodes, type Story, type StoryContent } from '../../core/story';
import { initialWorkflow, type WorkflowState } from '../../core/workflow';
import { StoryEditor } from '../../renderer/editor/StoryEditor';
import { QueueBar } from '../../renderer/workflow/QueueBar';
import { StoryRowWorkflow } from '../../renderer/workflow/StoryRowWorkflow';
import { ServiceError } from '../../renderer/transport/client';
import { FakeServiceDesk, storedStory } from '../helpers/fake-service-client';
import { click, find, get, render, settle, unmountAll } from '../helpers/react-dom';

afterEach(unmountAll);

const STORY_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
// From shared/samples/articles/cum-thi-dua-so-4-cham-lo-doan-vien.txt.
const CONTENT: StoryContent = {
  headline: 'Cụm thi đua số 4 triển khai hiệu quả công tác chăm lo đời sống cho đoàn viên',
  sapo: 'Ngày 21/11, Đoàn khảo sát của Liên đoàn Lao động (LĐLĐ) thành phố Hà Nội đã có buổi khảo sát tại Cụm thi đua số 4.',
  byline: 'Mạnh Quân',
  section: 'Công đoàn',
  tags: [],
  slug: '',
  related: [],
  body: nodes.bodyOf([nodes.paragraph(nodes.inlineFromText('Dự buổi khảo sát có đồng chí Đàm Công Lợi - Phó Bí thư Thường trực Huyện ủy.'))]),
};
const settings: Settings = { language: 'vi', theme: 'light', userName: 'hphong', sectionTargets: {}, personalDictionary: [], serverUrl: 'http://127.0.0.1:4000' };

function view(status: WorkflowState, user: WorkflowView['user'], extra: Partial<WorkflowView['workflow']> = {}): WorkflowView {
  const { live: _live, ...fields } = initialWorkflow();
  return {
    storyId: STORY_ID,
    workflow: { ...fields, pendingUpdate: false, statusSince: '2025-05-20T03:00:00.000Z', status, ...extra },
    pending: [],
    user,
    author: 'hphong',
    trashed: false,
  };
}

/** One story and its workflow, as the app service keeps them; transitions answer as the service would. */
class Desk extends FakeServiceDesk {
  story: Story = storedStory(CONTENT, { id: STORY_ID, status: 'submitted', rev: 1 });
  workflow: WorkflowView = view('submitted', { username: 'hphong', role: 'reporter' });
  checklist: ChecklistAnswer = { source: 'server', results: [] };
  refuse: ServiceError | null = null;

  protected answer(name: HandlerName, args: unknown): unknown {
    switch (name) {
      case 'stories.get':
        return structuredClone(this.story);
      case 'stories.sections':
        return ['Công đoàn'];
      case 'stories.autosave':
        return { updatedAt: new Date().toISOString() };
      case 'workflow.view':
        return structuredClone(this.workflow);
      case 'workflow.checklist':
        return this.checklist;
      case 'workflow.transition': {
        if (this.refuse) throw this.refuse;
        const { op } = args as HandlerArgs<'workflow.transition'>;
        const next: Record<string, WorkflowState> = { withdraw: 'draft', return: 'returned', approve: 'approved' };
        this.workflow = { ...this.workflow, workflow: { ...this.workflow.workflow, status: next[op.action] ?? this.workflow.workflow.status }, pending: [op.action] };
        return structuredClone(this.workflow);
      }
      default:
        throw new Error(`not in this test: ${name}`);
    }
  }
}

async function openEditor(desk: Desk): Promise<HTMLElement> {
  const host = await render(createElement(StoryEditor, { client: desk.client(), storyId: STORY_ID, settings }));
  await settle(() => get(host, 'headline-input'));
  return host;
}

function typeInto(element: HTMLTextAreaElement | HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element), 'value')?.set;
  setter?.call(element, value);
  element.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('the open story and its workflow', () => {
  it("opens read-only with canEdit's reason, sends no edit, and offers only what the user may do", async () => {
    const desk = new Desk();
    const host = await openEditor(desk);
    expect(get(host, 'read-only-reason').textContent).toBe('Chỉ xem: Bài đã nộp: hãy rút bài nếu cần sửa tiếp');
    expect(get(host, 'story-editor').dataset.readOnly).toBe('true');
    expect(get(host, 'headline-input').closest('fieldset')?.disabled).toBe(true);
    expect(get(host, 'editor-body').getAttribute('contenteditable')).toBe('false');
    expect((get(host, 'save-revision') as HTMLButtonElement).disabled).toBe(true);
    expect([...get(host, 'workflow-actions').querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Rút bài']);
    await act(async () => typeInto(get(host, 'headline-input') as HTMLTextAreaElement, 'Tít sửa khi không được sửa'));
    await act(() => new Promise((resolve) => setTimeout(resolve, 1_000)));
    expect(desk.named('stories.autosave')).toEqual([]);

    // Withdrawn, it is the reporter's to edit again.
    await click(get(host, 'action-withdraw'));
    expect(desk.named('workflow.transition')).toEqual([{ storyId: STORY_ID, op: { action: 'withdraw' } }]);
    await settle(() => expect(find(host, 'read-only-reason')).toBeNull());
    expect(get(host, 'workflow-pending').textContent).toBe('Chờ máy chủ xác nhận: Rút bài');
    expect(get(host, 'headline-input').closest('fieldset')?.disabled).toBe(false);
    expect(get(host, 'editor-body').getAttribute('contenteditable')).toBe('true');
  });

  it('saves the open text before the action, so it goes up first', async () => {
    const desk = new Desk();
    desk.story = storedStory(CONTENT, { id: STORY_ID, status: 'draft', rev: 1 });
    desk.workflow = view('draft', { username: 'hphong', role: 'reporter' });
    const host = await openEditor(desk);
    await act(async () => typeInto(get(host, 'sapo-input') as HTMLTextAreaElement, 'Sapo viết ngoại tuyến, rồi nộp bài.'));
    await click(get(host, 'action-submit'));
    await settle(() => expect(desk.named('workflow.transition')).toHaveLength(1));
    const order = desk.calls.map((c) => c.name).filter((n) => n === 'stories.autosave' || n === 'workflow.transition');
    expect(order).toEqual(['stories.autosave', 'workflow.transition']);
  });

  it('asks for a note to return a story, and shows a refusal in words', async () => {
    const desk = new Desk();
    desk.story = storedStory(CONTENT, { id: STORY_ID, status: 'editing', rev: 1 });
    desk.workflow = view('editing', { username: 'bientap.lan', role: 'editor' }, { holder: 'bientap.lan', heldSince: '2025-05-20T03:10:00.000Z' });
    const host = await openEditor(desk);
    await click(get(host, 'action-return'));
    const dialog = get(document.body, 'transition-dialog');
    await click(get(dialog, 'transition-confirm'));
    expect(get(dialog, 'transition-problem').textContent).toBe('Hãy ghi chú trước khi thực hiện.');
    expect(desk.named('workflow.transition')).toEqual([]);
    desk.refuse = new ServiceError('WRONG_STATE', 'Không thể trả bài: bài đang ở trạng thái “đã duyệt”');
    await act(async () => typeInto(get(dialog, 'transition-note') as HTMLTextAreaElement, 'Thiếu nguồn số liệu.'));
    await click(get(dialog, 'transition-confirm'));
    await settle(() => expect(get(dialog, 'transition-problem').textContent).toBe('Không thể trả bài: bài đang ở trạng thái “đã duyệt”'));
    desk.refuse = null;
    await click(get(dialog, 'transition-confirm'));
    await settle(() => expect(find(document.body, 'transition-dialog')).toBeNull());
    expect(desk.named('workflow.transition').at(-1)).toEqual({ storyId: STORY_ID, op: { action: 'return', note: 'Thiếu nguồn số liệu.' } });
  });

  it("shows the checklist before approving and blocks on a failed required check", async () => {
    const desk = new Desk();
    desk.story = storedStory(CONTENT, { id: STORY_ID, status: 'editing', rev: 1 });
    desk.workflow = view('editing', { username: 'bientap.lan', role: 'editor' }, { holder: 'bientap.lan', heldSince: '2025-05-20T03:10:00.000Z' });
    desk.checklist = {
      source: 'server',
      results: [
        { check: 'headline', level: 'blocking', ok: true, message: 'Tít dài 76/120 ký tự' },
        { check: 'byline', level: 'blocking', ok: false, message: 'Bài chưa có tên tác giả' },
        { check: 'sapo', level: 'warning', ok: false, message: 'Sapo có 18 chữ, ít hơn mức 20–100 chữ' },
      ],
    };
    const host = await openEditor(desk);
    await click(get(host, 'action-approve'));
    const dialog = get(document.body, 'transition-dialog');
    await settle(() => get(dialog, 'checklist'));
    expect([...get(dialog, 'checklist').querySelectorAll('li')].map((li) => [li.dataset.outcome, li.textContent])).toEqual([
      ['ok', 'Đạt Tít dài 76/120 ký tự'],
      ['blocking', 'Chưa đạt Bài chưa có tên tác giả'],
      ['warning', 'Lưu ý Sapo có 18 chữ, ít hơn mức 20–100 chữ'],
    ]);
    expect(get(dialog, 'checklist-blocked').textContent).toBe('Bài chưa đạt các mục bắt buộc: hãy sửa rồi thử lại.');
    expect((get(dialog, 'transition-confirm') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('the dialog of an action', () => {
  async function ask(action: 'schedule' | 'assign', workflowView: WorkflowView): Promise<{ desk: Desk; dialog: HTMLElement }> {
    const desk = new Desk();
    desk.story = storedStory(CONTENT, { id: STORY_ID, status: workflowView.workflow.status === 'approved' ? 'approved' : 'submitted', rev: 1 });
    desk.workflow = workflowView;
    const host = await openEditor(desk);
    await click(get(host, `action-${action}`));
    return { desk, dialog: get(document.body, 'transition-dialog') };
  }

  function setValue(element: HTMLElement, value: string): void {
    typeInto(element as HTMLInputElement, value);
  }

  it('schedules at a date and time typed in Hanoi, whatever the computer’s zone', async () => {
    const { desk, dialog } = await ask('schedule', view('approved', { username: 'bientap.lan', role: 'editor' }));
    await settle(() => get(dialog, 'checklist'));
    await act(async () => setValue(get(dialog, 'schedule-date'), '2031-05-20'));
    await act(async () => setValue(get(dialog, 'schedule-time'), '10:32'));
    await click(get(dialog, 'transition-confirm'));
    await settle(() => expect(desk.named('workflow.transition')).toHaveLength(1));
    expect(desk.named('workflow.transition')[0]).toEqual({ storyId: STORY_ID, op: { action: 'schedule', publishAt: '2031-05-20T03:32:00.000Z' } });
  });

  it('assigns a story to a reporter with a deadline in Hanoi time, and refuses a date that does not exist', async () => {
    const { desk, dialog } = await ask('assign', view('submitted', { username: 'bientap.lan', role: 'editor' }));
    await act(async () => setValue(get(dialog, 'assign-user'), 'hphong'));
    await act(async () => setValue(get(dialog, 'assign-deadline-date'), '2031-04-31'));
    await act(async () => setValue(get(dialog, 'assign-deadline-time'), '17:00'));
    await click(get(dialog, 'transition-confirm'));
    expect(get(dialog, 'transition-problem').textContent).toBe('Ngày hoặc giờ không hợp lệ.');
    await act(async () => setValue(get(dialog, 'assign-deadline-date'), '2031-05-21'));
    await click(get(dialog, 'transition-confirm'));
    await settle(() => expect(desk.named('workflow.transition')).toHaveLength(1));
    expect(desk.named('workflow.transition')[0]).toEqual({
      storyId: STORY_ID,
      op: { action: 'assign', assignee: 'hphong', deadline: '2031-05-21T10:00:00.000Z' },
    });
  });
});

describe("the desk's views", () => {
  const counts: QueueCounts = {
    counts: { submitted: 3, editing: 1, returned: 0, approved: 2, scheduled: 0, publishedToday: 4, mine: 7, assigned: 2 },
    overdue: 1,
    user: { username: 'bientap.lan', role: 'editor' },
  };

  it('show each queue with its count, and the overdue ones; a click picks one, another click leaves it', async () => {
    const picked: Array<string | null> = [];
    const host = await render(createElement(QueueBar, { counts, selected: 'submitted', disabled: false, onSelect: (q) => picked.push(q) }));
    expect(['submitted', 'editing', 'returned', 'approved', 'scheduled', 'publishedToday', 'mine', 'assigned'].map((q) => get(host, `queue-${q}`).textContent)).toEqual([
      'Chờ biên tập (3)',
      'Đang biên tập (1)',
      'Bị trả lại (0)',
      'Đã duyệt (2)',
      'Hẹn giờ (0)',
      'Đăng hôm nay (4)',
      'Bài của tôi (7)',
      'Giao cho tôi (2) · 1 quá hạn',
    ]);
    expect(get(host, 'queue-submitted').getAttribute('aria-pressed')).toBe('true');
    await click(get(host, 'queue-assigned'));
    await click(get(host, 'queue-submitted'));
    expect(picked).toEqual(['assigned', null]);
  });

  it('say on each row who holds the story and since when, Hanoi time, and mark an overdue deadline', async () => {
    const row = (status: StorySummary['status'], workflow: Partial<NonNullable<StorySummary['workflow']>>): StorySummary => ({
      id: STORY_ID,
      headline: CONTENT.headline,
      status,
      section: 'Công đoàn',
      author: 'hphong',
      byline: 'Mạnh Quân',
      wordCount: 120,
      updatedAt: '2025-05-20T02:00:00.000Z',
      deletedAt: null,
      workflow: { assignee: null, deadline: null, holder: null, heldSince: null, statusSince: null, publishAt: null, publishedAt: null, pending: false, ...workflow },
    });
    const now = Date.parse('2025-05-20T03:32:00.000Z');
    const editing = await render(createElement(StoryRowWorkflow, { story: row('editing', { holder: 'bientap.lan', heldSince: '2025-05-20T03:10:00.000Z', pending: true }), now }));
    expect(get(editing, 'row-holder').textContent).toBe('bientap.lan đang biên tập · từ 10:10 20/05/2025');
    expect(get(editing, 'row-pending').textContent).toBe('Chờ máy chủ');
    const late = await render(createElement(StoryRowWorkflow, { story: row('draft', { assignee: 'hphong', deadline: '2025-05-20T02:00:00.000Z', statusSince: '2025-05-19T09:00:00.000Z' }), now }));
    expect(get(late, 'row-holder').textContent).toBe('hphong đang viết · từ 16:00 19/05/2025');
    expect(get(late, 'row-deadline').textContent).toBe('Quá hạn · Hạn nộp 09:00 20/05/2025');
    expect(get(late, 'row-deadline').dataset.overdue).toBe('true');
    const waiting = await render(createElement(StoryRowWorkflow, { story: row('submitted', {}), now }));
    // Nothing better known than the story's last change.
    expect(get(waiting, 'row-holder').textContent).toBe('Chờ biên tập nhận · từ 09:00 20/05/2025');
    expect(find(waiting, 'row-deadline')).toBeNull();
  });
});

vi.setConfig({ testTimeout: 20_000 });
