// What each transition writes, and the refusals that depend on its inputs or on
// the checklist rather than on who and where.
import { describe, expect, it } from 'vitest';
import { applyTransition, contentOf, unspikeTarget, type CheckResult, type TransitionOp, type WorkflowState } from '../../core/workflow';
import { EARLIER, LATER, NOW, PASSING_CHECKS, storyIn, USERS } from '../helpers/workflow-stories';

const RETURN_NOTE = 'Cần thêm ý kiến của đoàn viên tại Cụm thi đua số 4';
const CORRECTION = 'Bản trước ghi nhầm chức danh của đồng chí Phùng Quốc Tuệ';

function applied(result: ReturnType<typeof applyTransition>) {
  if (!result.ok) throw new Error(`refused: ${result.refusal.code} ${result.refusal.message}`);
  return result;
}

describe('what each transition writes', () => {
  it('take records the holder and the time; a take-over replaces them', () => {
    const taken = applied(applyTransition(storyIn('submitted'), { action: 'take' }, USERS.minh, NOW));
    expect(taken.fields).toMatchObject({ status: 'editing', holder: 'minh', heldSince: NOW });
    const over = applied(applyTransition(storyIn('editing'), { action: 'take', note: 'minh nghỉ ốm' }, USERS.hoa, NOW));
    expect(over.fields).toMatchObject({ status: 'editing', holder: 'hoa', heldSince: NOW });
    expect(over.audit).toEqual({ storyId: storyIn('editing').id, actor: 'hoa', action: 'take', from: 'editing', to: 'editing', note: 'minh nghỉ ốm', at: NOW });
  });

  it('return lets go of the story and keeps the note, trimmed, in the audit entry', () => {
    const result = applied(applyTransition(storyIn('editing'), { action: 'return', note: `  ${RETURN_NOTE}\n` }, USERS.minh, NOW));
    expect(result.fields).toMatchObject({ status: 'returned', holder: null, heldSince: null });
    expect(result.audit).toMatchObject({ action: 'return', from: 'editing', to: 'returned', note: RETURN_NOTE });
    expect(result.revisionReason).toBeNull();
    expect(result.siteChanged).toBe(false);
  });

  it('approve lets go and snapshots an approve revision', () => {
    const result = applied(applyTransition(storyIn('editing'), { action: 'approve' }, USERS.minh, NOW, PASSING_CHECKS));
    expect(result.fields).toMatchObject({ status: 'approved', holder: null });
    expect(result.revisionReason).toBe('approve');
    expect(result.audit.note).toBeNull();
  });

  it('schedule keeps the time as a UTC instant; unschedule clears it', () => {
    const scheduled = applied(applyTransition(storyIn('approved'), { action: 'schedule', publishAt: '2025-05-20T17:00:00+07:00' }, USERS.hoa, NOW, PASSING_CHECKS));
    expect(scheduled.fields).toMatchObject({ status: 'scheduled', publishAt: '2025-05-20T10:00:00.000Z' });
    const back = applied(applyTransition(storyIn('scheduled'), { action: 'unschedule' }, USERS.hoa, NOW));
    expect(back.fields).toMatchObject({ status: 'approved', publishAt: null });
  });

  it('publish puts the working copy live, once, and marks the site changed', () => {
    const story = storyIn('scheduled');
    const result = applied(applyTransition(story, { action: 'publish' }, USERS.hoa, NOW, PASSING_CHECKS));
    expect(result.fields).toMatchObject({ status: 'published', publishAt: null, publishedAt: NOW, holder: null });
    expect(result.fields.live).toEqual(contentOf(story));
    expect(result.revisionReason).toBe('publish');
    expect(result.siteChanged).toBe(true);
  });

  it('update copies the pending text live and records a silent entry; publishedAt stays', () => {
    const story = storyIn('pending');
    const result = applied(applyTransition(story, { action: 'update' }, USERS.hoa, NOW, PASSING_CHECKS));
    expect(result.fields.live?.headline).toBe(story.headline);
    expect(result.fields.corrections).toEqual([{ kind: 'update', text: '', at: NOW }]);
    expect(result.fields).toMatchObject({ status: 'published', publishedAt: EARLIER });
    expect(result.siteChanged).toBe(true);
  });

  it('correct copies the text live and records the note to show on the page', () => {
    const story = storyIn('pending', { corrections: [{ kind: 'update', text: '', at: EARLIER }] });
    const result = applied(applyTransition(story, { action: 'correct', note: CORRECTION }, USERS.tuan, NOW, PASSING_CHECKS));
    expect(result.fields.corrections).toEqual([
      { kind: 'update', text: '', at: EARLIER },
      { kind: 'correction', text: CORRECTION, at: NOW },
    ]);
    expect(result.fields.live).toEqual(contentOf(story));
    expect(result.revisionReason).toBe('correct');
  });

  it('a correction may be a note alone, with no change to the text', () => {
    const result = applyTransition(storyIn('published'), { action: 'correct', note: CORRECTION }, USERS.tuan, NOW, PASSING_CHECKS);
    expect(result.ok).toBe(true);
  });

  it('unpublish takes the live copy away', () => {
    const result = applied(applyTransition(storyIn('published'), { action: 'unpublish', note: 'Theo yêu cầu của cơ quan chức năng' }, USERS.tuan, NOW));
    expect(result.fields).toMatchObject({ status: 'unpublished', live: null, publishedAt: EARLIER });
    expect(result.siteChanged).toBe(true);
  });

  it('spike remembers where the story was, and drops its hold and schedule', () => {
    const fromEditing = applied(applyTransition(storyIn('editing'), { action: 'spike' }, USERS.hoa, NOW));
    expect(fromEditing.fields).toMatchObject({ status: 'spiked', spikedFrom: 'editing', holder: null, heldSince: null });
    const fromScheduled = applied(applyTransition(storyIn('scheduled'), { action: 'spike' }, USERS.hoa, NOW));
    expect(fromScheduled.fields).toMatchObject({ spikedFrom: 'scheduled', publishAt: null });
  });

  it.each<[WorkflowState, WorkflowState]>([
    ['draft', 'draft'],
    ['returned', 'returned'],
    ['submitted', 'submitted'],
    ['editing', 'submitted'],
    ['approved', 'submitted'],
    ['scheduled', 'submitted'],
  ])('unspike of a story spiked from %s leads to %s', (from, to) => {
    expect(unspikeTarget(from)).toBe(to);
    const result = applied(applyTransition(storyIn('spiked', { spikedFrom: from }), { action: 'unspike' }, USERS.minh, NOW));
    expect(result.fields).toMatchObject({ status: to, spikedFrom: null });
  });

  it('assign sets or clears the assignee and the deadline, and keeps the state', () => {
    const set = applied(applyTransition(storyIn('submitted'), { action: 'assign', assignee: 'binh', deadline: '2025-05-21T17:00:00+07:00' }, USERS.hoa, NOW));
    expect(set.fields).toMatchObject({ status: 'submitted', assignee: 'binh', deadline: '2025-05-21T10:00:00.000Z' });
    expect(set.audit).toMatchObject({ from: 'submitted', to: 'submitted' });
    const cleared = applied(applyTransition(storyIn('submitted', { assignee: 'binh', deadline: LATER }), { action: 'assign', assignee: null, deadline: null }, USERS.hoa, NOW));
    expect(cleared.fields).toMatchObject({ assignee: null, deadline: null });
  });

  it('submit and withdraw move a reporter’s story; submit snapshots a revision', () => {
    const submitted = applied(applyTransition(storyIn('returned'), { action: 'submit', note: 'Đã bổ sung ý kiến' }, USERS.lan, NOW));
    expect(submitted.fields.status).toBe('submitted');
    expect(submitted.revisionReason).toBe('submit');
    const withdrawn = applied(applyTransition(storyIn('submitted'), { action: 'withdraw' }, USERS.lan, NOW));
    expect(withdrawn.fields.status).toBe('draft');
  });

  it('a transition never changes the text', () => {
    const story = storyIn('pending');
    const result = applied(applyTransition(story, { action: 'update' }, USERS.tuan, NOW, PASSING_CHECKS));
    expect(Object.keys(result.fields).sort()).toEqual(
      ['assignee', 'corrections', 'deadline', 'heldSince', 'holder', 'live', 'publishAt', 'publishedAt', 'spikedFrom', 'status'],
    );
  });
});

describe('ownership follows the writers: author or assignee, whatever their role', () => {
  it('an assigned reporter sees, writes and submits a story an editor created', () => {
    const story = storyIn('draft', { author: 'hoa', assignee: 'binh' });
    expect(applyTransition(story, { action: 'submit' }, USERS.binh, NOW).ok).toBe(true);
    expect(applyTransition(story, { action: 'submit' }, USERS.hoa, NOW).ok).toBe(true);
    expect(applyTransition(story, { action: 'submit' }, USERS.lan, NOW)).toMatchObject({ ok: false, refusal: { code: 'FORBIDDEN' } });
  });

  it('an editor may assign a draft that is assigned to them, and spike it', () => {
    const story = storyIn('draft', { assignee: 'minh' });
    expect(applyTransition(story, { action: 'spike' }, USERS.minh, NOW).ok).toBe(true);
    expect(applyTransition(story, { action: 'spike' }, USERS.hoa, NOW)).toMatchObject({ ok: false, refusal: { code: 'FORBIDDEN' } });
  });
});

describe('refusals that depend on the inputs', () => {
  it.each<[string, TransitionOp]>([
    ['no note', { action: 'return' }],
    ['an empty note', { action: 'return', note: '' }],
    ['only spaces', { action: 'return', note: ' \n\t ' }],
  ])('return with %s: NOTE_REQUIRED', (_, op) => {
    expect(applyTransition(storyIn('editing'), op, USERS.minh, NOW)).toEqual({
      ok: false,
      refusal: { code: 'NOTE_REQUIRED', message: 'Hãy ghi lý do trả bài' },
    });
  });

  it('correct without a note: NOTE_REQUIRED', () => {
    expect(applyTransition(storyIn('pending'), { action: 'correct' }, USERS.tuan, NOW, PASSING_CHECKS)).toMatchObject({
      ok: false,
      refusal: { code: 'NOTE_REQUIRED', message: 'Hãy ghi nội dung đính chính' },
    });
  });

  it.each([NOW, EARLIER, '2025-05-20T10:32:00+07:00'])('schedule at %s (not after now): PUBLISH_AT_IN_PAST', (publishAt) => {
    expect(applyTransition(storyIn('approved'), { action: 'schedule', publishAt }, USERS.hoa, NOW, PASSING_CHECKS)).toMatchObject({
      ok: false,
      refusal: { code: 'PUBLISH_AT_IN_PAST' },
    });
  });

  it('schedule one minute ahead is fine', () => {
    const result = applyTransition(storyIn('approved'), { action: 'schedule', publishAt: '2025-05-20T10:33:00+07:00' }, USERS.hoa, NOW, PASSING_CHECKS);
    expect(result.ok).toBe(true);
  });

  it('assign with a deadline already gone: DEADLINE_IN_PAST', () => {
    expect(applyTransition(storyIn('submitted'), { action: 'assign', assignee: 'binh', deadline: EARLIER }, USERS.hoa, NOW)).toMatchObject({
      ok: false,
      refusal: { code: 'DEADLINE_IN_PAST' },
    });
  });

  it('who and where come before the inputs: a reporter returning without a note is FORBIDDEN', () => {
    expect(applyTransition(storyIn('editing'), { action: 'return' }, USERS.lan, NOW)).toMatchObject({ ok: false, refusal: { code: 'FORBIDDEN' } });
  });
});

describe('the checklist gates what reaches the site', () => {
  const blocked: CheckResult[] = [
    ...PASSING_CHECKS,
    { check: 'byline', level: 'blocking', ok: false, message: 'Bài chưa có tên tác giả' },
    { check: 'section', level: 'blocking', ok: false, message: 'Bài chưa có chuyên mục' },
  ];
  const gated: Array<[string, TransitionOp, Parameters<typeof storyIn>[0], keyof typeof USERS]> = [
    ['approve', { action: 'approve' }, 'editing', 'minh'],
    ['schedule', { action: 'schedule', publishAt: LATER }, 'approved', 'hoa'],
    ['publish', { action: 'publish' }, 'approved', 'hoa'],
    ['update', { action: 'update' }, 'pending', 'hoa'],
    ['correct', { action: 'correct', note: CORRECTION }, 'pending', 'tuan'],
  ];

  it.each(gated)('%s with a blocking failure: CHECKLIST_BLOCKED, naming each failure', (_, op, state, persona) => {
    expect(applyTransition(storyIn(state), op, USERS[persona], NOW, blocked)).toEqual({
      ok: false,
      refusal: { code: 'CHECKLIST_BLOCKED', message: 'Bài chưa đạt yêu cầu: Bài chưa có tên tác giả; Bài chưa có chuyên mục' },
    });
  });

  it.each(gated)('%s without the checklist: CHECKLIST_NOT_RUN', (_, op, state, persona) => {
    expect(applyTransition(storyIn(state), op, USERS[persona], NOW)).toMatchObject({ ok: false, refusal: { code: 'CHECKLIST_NOT_RUN' } });
  });

  it.each(gated)('%s with only warnings failing goes through', (_, op, state, persona) => {
    expect(applyTransition(storyIn(state), op, USERS[persona], NOW, PASSING_CHECKS).ok).toBe(true);
  });

  it('actions that put nothing on the site need no checklist', () => {
    expect(applyTransition(storyIn('published'), { action: 'unpublish' }, USERS.tuan, NOW).ok).toBe(true);
    expect(applyTransition(storyIn('editing'), { action: 'return', note: RETURN_NOTE }, USERS.minh, NOW, blocked).ok).toBe(true);
  });
});
