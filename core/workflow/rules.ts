// Who may see, edit and move a story. The table below is the whole policy; the
// functions only read it. Everything here is decided from the story and the user
// alone; the inputs of an action (its note, its time) are checked in ./transition.
import type { TransitionAction } from './actions';
import { ACTION_LABELS } from './actions';
import { refusal, type Refusal } from './refusals';
import { isDesk, type WorkflowUser } from './roles';
import { PRE_PUBLICATION_STATES, STATE_LABELS, type WorkflowState } from './states';
import { hasPendingUpdate, type WorkflowStory } from './workflow-story';

/** owner: the story's author or assignee, whatever their role; desk: editor or chief; chief: only the chief. */
export type Actor = 'owner' | 'desk' | 'chief';

export interface ActionRule {
  from: readonly WorkflowState[];
  who: Actor;
  /** 'holder': the user must hold the story; 'not-holder': someone else (or nobody) holds it. */
  holding?: 'holder' | 'not-holder';
  note: 'required' | 'optional';
  /** The blocking checks of the pre-publication checklist must pass. */
  gated: boolean;
  /** The public site changes. */
  site: boolean;
}

const PRE = PRE_PUBLICATION_STATES;

export const ACTION_RULES: Record<TransitionAction, ActionRule> = {
  submit: { from: ['draft', 'returned'], who: 'owner', note: 'optional', gated: false, site: false },
  withdraw: { from: ['submitted'], who: 'owner', note: 'optional', gated: false, site: false },
  // From 'editing' this is a take-over: the text stays, only the holder changes.
  take: { from: ['submitted', 'editing'], who: 'desk', holding: 'not-holder', note: 'optional', gated: false, site: false },
  return: { from: ['editing'], who: 'desk', holding: 'holder', note: 'required', gated: false, site: false },
  approve: { from: ['editing'], who: 'desk', holding: 'holder', note: 'optional', gated: true, site: false },
  schedule: { from: ['approved'], who: 'desk', note: 'optional', gated: true, site: false },
  unschedule: { from: ['scheduled'], who: 'desk', note: 'optional', gated: false, site: false },
  publish: { from: ['approved', 'scheduled'], who: 'desk', note: 'optional', gated: true, site: true },
  update: { from: ['published'], who: 'desk', note: 'optional', gated: true, site: true },
  correct: { from: ['published'], who: 'chief', note: 'required', gated: true, site: true },
  unpublish: { from: ['published'], who: 'chief', note: 'optional', gated: false, site: true },
  spike: { from: PRE, who: 'desk', note: 'optional', gated: false, site: false },
  unspike: { from: ['spiked'], who: 'desk', note: 'optional', gated: false, site: false },
  assign: { from: PRE, who: 'desk', note: 'optional', gated: false, site: false },
};

/** The story's author or assignee: the people who write it. */
export function isOwnStory(story: Pick<WorkflowStory, 'author' | 'assignee'>, user: WorkflowUser): boolean {
  return story.author === user.username || story.assignee === user.username;
}

/** A draft is private to its writers; the desk sees everything else. */
export function canSee(story: Pick<WorkflowStory, 'author' | 'assignee' | 'status'>, user: WorkflowUser): boolean {
  if (isOwnStory(story, user)) return true;
  return isDesk(user.role) && story.status !== 'draft';
}

const NOT_VISIBLE = 'Bạn không có quyền xem bài này';

function roleAllows(who: Actor, user: WorkflowUser): boolean {
  if (who === 'owner') return true;
  if (who === 'desk') return isDesk(user.role);
  return user.role === 'chief';
}

function roleMessage(action: TransitionAction, who: Actor): string {
  const act = ACTION_LABELS[action].toLowerCase();
  return who === 'chief' ? `Chỉ tổng biên tập được ${act}` : `Chỉ biên tập viên và tổng biên tập được ${act}`;
}

/**
 * Everything about an action that does not depend on its inputs or on the
 * checklist: visibility, role, state, ownership, holding, a pending update.
 * The order fixes which refusal a user sees when several apply.
 */
export function precheck(story: WorkflowStory, action: TransitionAction, user: WorkflowUser): Refusal | null {
  const rule = ACTION_RULES[action];
  if (!canSee(story, user)) return refusal('FORBIDDEN', NOT_VISIBLE);
  if (!roleAllows(rule.who, user)) return refusal('FORBIDDEN', roleMessage(action, rule.who));
  if (!rule.from.includes(story.status)) {
    return refusal('WRONG_STATE', `Không thể ${ACTION_LABELS[action].toLowerCase()}: bài đang ở trạng thái “${STATE_LABELS[story.status]}”`);
  }
  if (rule.who === 'owner' && !isOwnStory(story, user)) {
    return refusal('NOT_OWNER', `Chỉ người viết bài được ${ACTION_LABELS[action].toLowerCase()}`);
  }
  if (rule.holding === 'holder' && story.holder !== user.username) {
    return refusal('NOT_HOLDER', story.holder === null ? 'Hãy nhận bài trước' : `Bài đang do ${story.holder} biên tập; hãy nhận bài trước`);
  }
  if (rule.holding === 'not-holder' && story.holder === user.username) {
    return refusal('ALREADY_HOLDER', 'Bạn đang giữ bài này');
  }
  if (action === 'update' && !hasPendingUpdate(story)) {
    return refusal('NO_PENDING_UPDATE', 'Bài trên trang đã giống bản đang sửa, không có gì để cập nhật');
  }
  return null;
}

export type EditPermission =
  | { allowed: true; /** Edits wait as a pending update: the site keeps the live copy. */ pendingUpdate: boolean }
  | { allowed: false; reason: string };

const allowed = (pendingUpdate = false): EditPermission => ({ allowed: true, pendingUpdate });
const denied = (reason: string): EditPermission => ({ allowed: false, reason });

/**
 * Whether the user may change the story's text now. Writers edit their own
 * draft or returned story; the desk edits a story it holds, an approved one,
 * and a published one (as a pending update). Everything else opens read-only.
 */
export function canEdit(story: WorkflowStory, user: WorkflowUser): EditPermission {
  if (!canSee(story, user)) return denied(NOT_VISIBLE);
  const own = isOwnStory(story, user);
  const desk = isDesk(user.role);
  switch (story.status) {
    case 'draft':
      return own ? allowed() : denied(`Bài nháp của ${story.author}: chỉ người viết sửa được`);
    case 'returned':
      return own ? allowed() : denied('Bài đã trả cho người viết: chờ họ sửa và nộp lại');
    case 'submitted':
      if (desk) return denied('Bài đang chờ biên tập: hãy nhận bài để sửa');
      return denied('Bài đã nộp: hãy rút bài nếu cần sửa tiếp');
    case 'editing':
      if (desk && story.holder === user.username) return allowed();
      if (desk) return denied(`Bài đang do ${story.holder ?? 'người khác'} biên tập: hãy nhận bài để sửa`);
      return denied('Bài đang được biên tập');
    case 'approved':
      return desk ? allowed() : denied('Bài đã được duyệt: chỉ ban biên tập sửa được');
    case 'scheduled':
      return desk ? denied('Bài đã hẹn giờ đăng: hãy huỷ hẹn giờ để sửa') : denied('Bài đã hẹn giờ đăng');
    case 'published':
      return desk ? allowed(true) : denied('Bài đã đăng: chỉ ban biên tập sửa được');
    case 'unpublished':
      return denied('Bài đã gỡ khỏi trang, không sửa được nữa');
    case 'spiked':
      return denied(desk ? 'Bài đã bị loại: hãy khôi phục bài để sửa' : 'Bài đã bị loại');
  }
}
