// Who may change a story's text, and how edits to a live story wait as a
// pending update while the site keeps showing the published text.
import { describe, expect, it } from 'vitest';
import { nodes, sameJson, story as storySchema, type Story } from '../../core/story';
import {
  applyContentEdit,
  applyTransition,
  canEdit,
  contentOf,
  hasPendingUpdate,
  isOverdue,
  siteContentOf,
  siteUpdatedAt,
  toWorkflowStory,
  visibleCorrections,
} from '../../core/workflow';
import { CASES, EARLIER, LATER, NOW, PASSING_CHECKS, PERSONAS, sampleContent, storyIn, STORY_ID, USERS, type Case } from '../helpers/workflow-stories';

// lan (own reporter), binh, minh (holder while editing), hoa, tuan: E editable,
// L editable as a pending update (live story), - read-only.
const EDIT_TABLE = `
  draft        E  -  -  -  -
  submitted    -  -  -  -  -
  editing      -  -  E  -  -
  returned     E  -  -  -  -
  approved     -  -  E  E  E
  scheduled    -  -  -  -  -
  published    -  -  L  L  L
  pending      -  -  L  L  L
  unpublished  -  -  -  -  -
  spiked       -  -  -  -  -`;

const editTable = new Map(
  EDIT_TABLE.trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .map(([state, ...cells]) => [state as Case, cells] as const),
);

describe('canEdit', () => {
  it.each(CASES)('from %s', (state) => {
    const cells = PERSONAS.map((persona) => {
      const permission = canEdit(storyIn(state), USERS[persona]);
      if (!permission.allowed) return '-';
      return permission.pendingUpdate ? 'L' : 'E';
    });
    expect(cells).toEqual(editTable.get(state));
  });

  it.each([
    ['submitted', 'lan', 'Bài đã nộp: hãy rút bài nếu cần sửa tiếp'],
    ['submitted', 'hoa', 'Bài đang chờ biên tập: hãy nhận bài để sửa'],
    ['editing', 'hoa', 'Bài đang do minh biên tập: hãy nhận bài để sửa'],
    ['draft', 'minh', 'Bạn không có quyền xem bài này'],
    ['returned', 'minh', 'Bài đã trả cho người viết: chờ họ sửa và nộp lại'],
    ['scheduled', 'hoa', 'Bài đã hẹn giờ đăng: hãy huỷ hẹn giờ để sửa'],
    ['published', 'lan', 'Bài đã đăng: chỉ ban biên tập sửa được'],
    ['unpublished', 'tuan', 'Bài đã gỡ khỏi trang, không sửa được nữa'],
    ['spiked', 'hoa', 'Bài đã bị loại: hãy khôi phục bài để sửa'],
  ] as const)('read-only %s for %s says why', (state, persona, reason) => {
    expect(canEdit(storyIn(state), USERS[persona])).toEqual({ allowed: false, reason });
  });
});

describe('edits to a live story are not live', () => {
  const half = { ...sampleContent(), sapo: 'Mức hỗ trợ tối đa là' };

  it('an editor’s half sentence stays in the working copy; the site keeps the published text', () => {
    const published = storyIn('published');
    const edit = applyContentEdit(published, half, USERS.hoa);
    if (!edit.ok) throw new Error(edit.refusal.message);
    expect(edit.pendingUpdate).toBe(true);
    expect(edit.story.sapo).toBe('Mức hỗ trợ tối đa là');
    expect(siteContentOf(edit.story)).toEqual(contentOf(published));
    expect(hasPendingUpdate(edit.story)).toBe(true);
  });

  it('only "Đính chính" puts it on the site, with the note and time shown', () => {
    const edit = applyContentEdit(storyIn('published'), half, USERS.hoa);
    if (!edit.ok) throw new Error(edit.refusal.message);
    const note = 'Bản trước ghi sai mức hỗ trợ';
    const corrected = applyTransition(edit.story, { action: 'correct', note }, USERS.tuan, NOW, PASSING_CHECKS);
    if (!corrected.ok) throw new Error(corrected.refusal.message);
    const after = { ...edit.story, ...corrected.fields };
    expect(siteContentOf(after)?.sapo).toBe('Mức hỗ trợ tối đa là');
    expect(hasPendingUpdate(after)).toBe(false);
    expect(visibleCorrections(after)).toEqual([{ kind: 'correction', text: note, at: NOW }]);
    expect(siteUpdatedAt(after)).toBe(NOW);
  });

  it('an edit never moves the workflow: status, holder, live copy and corrections stay', () => {
    const story = storyIn('editing', { corrections: [] });
    const edit = applyContentEdit(story, half, USERS.minh);
    if (!edit.ok) throw new Error(edit.refusal.message);
    const { status, holder, heldSince, live, corrections } = edit.story;
    expect({ status, holder, heldSince, live, corrections }).toEqual({ status: 'editing', holder: 'minh', heldSince: EARLIER, live: null, corrections: [] });
    expect(edit.pendingUpdate).toBe(false);
  });

  it('an edit from someone who may not edit is NOT_EDITABLE, with the reason', () => {
    expect(applyContentEdit(storyIn('submitted'), half, USERS.lan)).toEqual({
      ok: false,
      refusal: { code: 'NOT_EDITABLE', message: 'Bài đã nộp: hãy rút bài nếu cần sửa tiếp' },
    });
  });

  it('nothing that is not published is on the site', () => {
    for (const state of CASES.filter((s) => s !== 'published' && s !== 'pending')) {
      expect({ state, site: siteContentOf(storyIn(state, { live: sampleContent() })) }).toEqual({ state, site: null });
    }
  });

  it('silent updates are kept but not shown on the page', () => {
    const story = storyIn('published', {
      corrections: [
        { kind: 'correction', text: 'Sửa tên đơn vị', at: EARLIER },
        { kind: 'update', text: 'lỗi chính tả', at: NOW },
      ],
    });
    expect(visibleCorrections(story)).toEqual([{ kind: 'correction', text: 'Sửa tên đơn vị', at: EARLIER }]);
    expect(siteUpdatedAt(story)).toBe(EARLIER);
    expect(siteUpdatedAt(storyIn('published'))).toBeNull();
  });
});

describe('sameJson', () => {
  it.each([
    [{ a: 1, b: [1, { c: 'Hà Nội' }] }, { b: [1, { c: 'Hà Nội' }], a: 1 }, true],
    [{ a: 1, b: undefined }, { a: 1 }, true],
    [{ a: 1 }, { a: 1, b: null }, false],
    [[1, 2], [2, 1], false],
    ['Hòa', 'Hoà', false],
    [{ a: [] }, { a: {} }, false],
  ])('%j vs %j → %s', (a, b, same) => {
    expect(sameJson(a, b)).toBe(same);
    expect(sameJson(b, a)).toBe(same);
  });

  it('a body with one figure caption changed is a pending update', () => {
    const story = storyIn('published');
    const children = story.body.root.children.map((block) => (block.type === 'figure' ? { ...block, caption: `${block.caption} Ảnh: Mạnh Quân` } : block));
    expect(hasPendingUpdate({ ...story, body: { root: { ...story.body.root, children } } })).toBe(true);
  });
});

describe('toWorkflowStory: stored stories read into the state machine', () => {
  const stored: Story = storySchema.parse({
    ...sampleContent(),
    body: nodes.bodyOf([nodes.paragraph([nodes.textRun('Ngày 21/11, Đoàn khảo sát của LĐLĐ thành phố Hà Nội…')])]),
    id: STORY_ID,
    status: 'corrected',
    author: 'lan',
    assignee: null,
    publishAt: null,
    publishedAt: EARLIER,
    createdAt: EARLIER,
    updatedAt: EARLIER,
    rev: 4,
    baseRev: 4,
  });

  it('a row written as "corrected" before this state machine is published, showing its current text', () => {
    const story = toWorkflowStory(stored);
    expect(story).toMatchObject({ status: 'published', publishedAt: EARLIER, holder: null, corrections: [], spikedFrom: null });
    expect(story.live).toEqual(contentOf(stored));
    expect(hasPendingUpdate(story)).toBe(false);
  });

  it('stored workflow fields win over the defaults', () => {
    const story = toWorkflowStory({ ...stored, status: 'editing' }, { holder: 'minh', heldSince: EARLIER, live: null });
    expect(story).toMatchObject({ status: 'editing', holder: 'minh', heldSince: EARLIER, live: null });
  });
});

describe('isOverdue', () => {
  it.each([
    ['draft', EARLIER, 'binh', true],
    ['returned', EARLIER, 'binh', true],
    ['draft', LATER, 'binh', false],
    ['submitted', EARLIER, 'binh', false],
    ['draft', EARLIER, null, false],
    ['draft', null, 'binh', false],
  ] as const)('%s, deadline %s, assignee %s → %s', (status, deadline, assignee, overdue) => {
    expect(isOverdue({ status, deadline, assignee }, NOW)).toBe(overdue);
  });
});
