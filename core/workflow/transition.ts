// The state machine's two questions: which actions may this user take on this
// story now (for the desk's buttons), and what happens when they take one (for
// the server, which applies it, and for the desk, which shows the result while
// offline). Pure: the caller passes the time and, for the actions that put text
// on the site, the checklist's results for the story's working copy.
import type { RevisionReason } from '../story';
import { TRANSITION_ACTIONS, transitionOp, type TransitionAction, type TransitionOp } from './actions';
import { blockingFailures, type CheckResult } from './checklist';
import type { AuditEntry } from './records';
import { refusal, type Refusal } from './refusals';
import type { WorkflowUser } from './roles';
import { ACTION_RULES, precheck } from './rules';
import type { WorkflowState } from './states';
import { contentOf, type WorkflowFields, type WorkflowStory } from './workflow-story';

export type TransitionResult =
  | {
      ok: true;
      /** The story's workflow fields after the action; its text is never changed by a transition. */
      fields: WorkflowFields;
      audit: AuditEntry;
      /** The reason of the revision to snapshot with this transition, or null for none. */
      revisionReason: RevisionReason | null;
      /** The public site must be refreshed (pages, lists, feeds, sitemap). */
      siteChanged: boolean;
    }
  | { ok: false; refusal: Refusal };

/**
 * The actions whose buttons the desk shows: those the server would accept from
 * this user now, given suitable inputs (a note, a future time) and a checklist
 * without blocking failures. No rule depends on the clock before inputs are
 * given, so this takes no time.
 */
export function allowedActions(story: WorkflowStory, user: WorkflowUser): TransitionAction[] {
  return TRANSITION_ACTIONS.filter((action) => precheck(story, action, user) === null);
}

/** An unknown payload read as a transition, or the refusal to send back. */
export function parseTransitionOp(payload: unknown): { ok: true; op: TransitionOp } | { ok: false; refusal: Refusal } {
  const parsed = transitionOp.safeParse(payload);
  if (parsed.success) return { ok: true, op: parsed.data };
  const first = parsed.error.issues[0];
  const where = first && first.path.length > 0 ? ` (${first.path.join('.')})` : '';
  return { ok: false, refusal: refusal('INVALID_TRANSITION', `${first?.message ?? 'Thao tác biên tập không hợp lệ'}${where}`) };
}

/** Where unspiking leads: a hold, an approval or a schedule is never revived, since each may be stale by now. */
export function unspikeTarget(spikedFrom: WorkflowState | null): WorkflowState {
  if (spikedFrom === 'draft' || spikedFrom === 'returned') return spikedFrom;
  return 'submitted';
}

const REVISION_REASONS: Partial<Record<TransitionAction, RevisionReason>> = {
  submit: 'submit',
  approve: 'approve',
  publish: 'publish',
  // A silent update puts a new text on the site: for the history it is a publication.
  update: 'publish',
  correct: 'correct',
};

const publishedAtOf = (op: TransitionOp): string | null =>
  op.action === 'publish' && op.publishedAt !== undefined ? new Date(op.publishedAt).toISOString() : null;

const noteOf = (op: TransitionOp): string | null => {
  const text = op.note?.trim() ?? '';
  return text === '' ? null : text;
};

function inputRefusal(op: TransitionOp, now: string): Refusal | null {
  if (ACTION_RULES[op.action].note === 'required' && noteOf(op) === null) {
    return refusal('NOTE_REQUIRED', op.action === 'return' ? 'Hãy ghi lý do trả bài' : 'Hãy ghi nội dung đính chính');
  }
  if (op.action === 'schedule' && Date.parse(op.publishAt) <= Date.parse(now)) {
    return refusal('PUBLISH_AT_IN_PAST', 'Giờ đăng đã qua: hãy chọn một thời điểm trong tương lai');
  }
  if (op.action === 'assign' && op.deadline !== null && Date.parse(op.deadline) <= Date.parse(now)) {
    return refusal('DEADLINE_IN_PAST', 'Hạn nộp đã qua: hãy chọn một thời điểm trong tương lai');
  }
  return null;
}

function checklistRefusal(action: TransitionAction, checks: readonly CheckResult[] | undefined): Refusal | null {
  if (!ACTION_RULES[action].gated) return null;
  if (checks === undefined) return refusal('CHECKLIST_NOT_RUN', 'Chưa kiểm tra bài trước khi đăng');
  const failures = blockingFailures(checks);
  if (failures.length === 0) return null;
  return refusal('CHECKLIST_BLOCKED', `Bài chưa đạt yêu cầu: ${failures.map((f) => f.message).join('; ')}`);
}

function nextFields(story: WorkflowStory, op: TransitionOp, user: WorkflowUser, now: string): WorkflowFields {
  const base: WorkflowFields = {
    status: story.status,
    assignee: story.assignee,
    deadline: story.deadline,
    holder: story.holder,
    heldSince: story.heldSince,
    publishAt: story.publishAt,
    publishedAt: story.publishedAt,
    spikedFrom: story.spikedFrom,
    corrections: story.corrections,
    live: story.live,
  };
  // Only 'editing' has a holder: every move out of it lets go.
  const released = { holder: null, heldSince: null };
  switch (op.action) {
    case 'submit':
      return { ...base, ...released, status: 'submitted' };
    case 'withdraw':
      return { ...base, status: 'draft' };
    case 'take':
      return { ...base, status: 'editing', holder: user.username, heldSince: now };
    case 'return':
      return { ...base, ...released, status: 'returned' };
    case 'approve':
      return { ...base, ...released, status: 'approved' };
    case 'schedule':
      return { ...base, status: 'scheduled', publishAt: new Date(op.publishAt).toISOString() };
    case 'unschedule':
      return { ...base, status: 'approved', publishAt: null };
    case 'publish':
      return { ...base, ...released, status: 'published', publishAt: null, publishedAt: story.publishedAt ?? publishedAtOf(op) ?? now, live: contentOf(story) };
    case 'update':
      return { ...base, live: contentOf(story), corrections: [...story.corrections, { kind: 'update', text: noteOf(op) ?? '', at: now }] };
    case 'correct':
      return { ...base, live: contentOf(story), corrections: [...story.corrections, { kind: 'correction', text: noteOf(op) ?? '', at: now }] };
    case 'unpublish':
      return { ...base, status: 'unpublished', live: null };
    case 'spike':
      return { ...base, ...released, status: 'spiked', spikedFrom: story.status, publishAt: null };
    case 'unspike':
      return { ...base, status: unspikeTarget(story.spikedFrom), spikedFrom: null };
    case 'assign':
      return { ...base, assignee: op.assignee, deadline: op.deadline === null ? null : new Date(op.deadline).toISOString() };
  }
}

/**
 * Applies one transition, or says why not. `checks` are runChecklist's results
 * for the story as it stands; actions that put text on the site (approve,
 * schedule, publish, update, correct) are refused without them.
 */
export function applyTransition(
  story: WorkflowStory,
  op: TransitionOp,
  user: WorkflowUser,
  now: string,
  checks?: readonly CheckResult[],
): TransitionResult {
  const refused = precheck(story, op.action, user) ?? inputRefusal(op, now) ?? checklistRefusal(op.action, checks);
  if (refused) return { ok: false, refusal: refused };
  const fields = nextFields(story, op, user, now);
  return {
    ok: true,
    fields,
    audit: { storyId: story.id, actor: user.username, action: op.action, from: story.status, to: fields.status, note: noteOf(op), at: now },
    revisionReason: REVISION_REASONS[op.action] ?? null,
    siteChanged: ACTION_RULES[op.action].site,
  };
}
