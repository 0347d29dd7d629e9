// Who may do what to a story, as the server applies it. The rules are
// core/workflow's: its state machine judges every transition and every edit, the
// same code the desk runs to show its buttons. This file only turns its answers
// into storage decisions. Pure: storage calls `decideOp` inside its transaction
// with the locked current row, so the check and the write see the same story.
//
//   upsert      the text only, never the status: `applyContentEdit` says who may
//               edit now. An edit to a published story changes the working copy;
//               the site keeps the live copy until "Cập nhật bài" or "Đính chính".
//               Needs baseRev equal to the server's rev, or it is a conflict.
//               From an editor whose story was taken over meanwhile: refused as
//               TAKEN_OVER, the text kept as a revision in their name.
//   delete      to the trash: the writers of a draft or returned story, or the
//               desk before publication. Needs baseRev like an upsert.
//   transition  judged on the story as it is now (it changes no text, so baseRev
//               is not compared and rev stays); gated actions run the section's
//               checklist first. Each applied one writes an audit line and its
//               notifications in the same transaction.
import { slugify } from '../../core/text';
import type { Story } from '../../core/story';
import { isDesk } from '../../core/newsroom/roles';
import { RESERVED_SECTION_SLUGS, sectionSlugOf } from '../../core/site/address';
import {
  ACTION_RULES,
  applyContentEdit,
  applyTransition,
  canEdit,
  canSee as workflowCanSee,
  checklistFor,
  contentOf,
  initialWorkflow,
  notificationsForTransition,
  publishDue,
  runChecklist,
  sameContent,
  type AuditEntry,
  type ChecklistConfig,
  type CheckResult,
  type NotificationDraft,
  type WorkflowFields,
  type WorkflowStory,
} from '../../core/workflow';
import type { StoryContent } from '../../core/story';
import type { OpDecision, PublicAddress, StoredStory, UserRecord } from '../storage/types';
import type { SyncOp } from './protocol';
import { mediaRefsOf } from './media-refs';

/** What a decision needs besides the op and the story: the time and the checklist's inputs. */
export type PolicyContext = {
  now: string;
  checklist: ChecklistConfig;
  /** The story that was ever public at this section slug and slug, or null (see SyncStore.slugOwner). */
  slugOwner: (sectionSlug: string, slug: string) => string | null;
};

const reject = (code: string, message: string): OpDecision => ({ type: 'reject', code, message });
const FORBIDDEN = reject('FORBIDDEN', 'Tài khoản của bạn không có quyền làm việc này với bài này');

export function workflowStoryOf(stored: Pick<StoredStory, 'story' | 'workflow'>): WorkflowStory {
  return { ...contentOf(stored.story), id: stored.story.id, author: stored.story.author, ...stored.workflow };
}

export function canSee(user: Pick<UserRecord, 'username' | 'role'>, stored: Pick<StoredStory, 'story' | 'workflow'>): boolean {
  return workflowCanSee(workflowStoryOf(stored), user);
}

/** Where a story would live on the site, or why it cannot be published. */
export function publicAddressOf(content: Pick<StoryContent, 'headline' | 'section' | 'slug'>): PublicAddress | { error: string } {
  if (content.headline.trim() === '') return { error: 'Bài chưa có tít' };
  const sectionSlug = sectionSlugOf(content.section);
  if (sectionSlug === '') return { error: 'Bài chưa có chuyên mục' };
  if (RESERVED_SECTION_SLUGS.has(sectionSlug)) return { error: `Tên chuyên mục "${content.section}" trùng với địa chỉ dành riêng` };
  const slug = content.slug || slugify(content.headline);
  if (slug === '') return { error: 'Không tạo được slug từ tít bài' };
  return { sectionSlug, slug };
}

/** The story fields that mirror the workflow, so a reader of the story alone sees the same status. */
function mirrored(story: Story, workflow: WorkflowFields, now: string): Story {
  const status = workflow.status;
  return { ...story, status, assignee: workflow.assignee, publishAt: workflow.publishAt, publishedAt: workflow.publishedAt, updatedAt: now };
}

/** Images the site may serve for this story: those of its live copy, or, off the site, of its working copy. */
function mediaOf(story: Story, workflow: WorkflowFields): string[] {
  return mediaRefsOf((workflow.live ?? story).body);
}

type Write = {
  story: Story;
  workflow: WorkflowFields;
  trashedAt: string | null;
  textChanged: boolean;
  affectsSite: boolean;
  revisionReason: 'save' | null;
  address?: PublicAddress | null;
  audit?: AuditEntry | null;
  notifications?: NotificationDraft[];
};

function apply(w: Write): OpDecision {
  return {
    type: 'apply',
    story: w.story,
    workflow: w.workflow,
    trashedAt: w.trashedAt,
    revisionReason: w.revisionReason,
    address: w.address ?? null,
    mediaRefs: mediaOf(w.story, w.workflow),
    affectsSite: w.affectsSite,
    textChanged: w.textChanged,
    audit: w.audit ?? null,
    notifications: w.notifications ?? [],
  };
}

export function decideOp(op: SyncOp, user: UserRecord, current: StoredStory | null, ctx: PolicyContext): OpDecision {
  if (current && !canSee(user, current)) return FORBIDDEN;
  switch (op.kind) {
    case 'upsert':
      return decideUpsert(op, user, current, ctx.now);
    case 'delete':
      return decideDelete(op, user, current, ctx.now);
    case 'transition':
      if (!current) return reject('NOT_FOUND', 'Bài không có trên máy chủ');
      return decideTransition(op, user, current, ctx);
    case 'note':
      return reject('NOT_IMPLEMENTED', 'Máy chủ chưa nhận ghi chú biên tập');
  }
}

function decideUpsert(op: Extract<SyncOp, { kind: 'upsert' }>, user: UserRecord, current: StoredStory | null, now: string): OpDecision {
  const p = op.payload;
  if (p.id !== undefined && p.id !== op.storyId) return reject('ID_MISMATCH', 'Mã bài trong nội dung khác mã bài của thao tác');
  if (!current && op.baseRev !== 0) return reject('NOT_FOUND', 'Bài không có trên máy chủ');
  // A status in the payload is ignored: only transitions move a story.
  const content: StoryContent = contentOf(p);
  // Before the rev check: the new holder may have edited since, and this text must be kept all the same.
  const lost = current ? takenOver(op, user, current, content) : null;
  if (lost) return lost;
  if (current && op.baseRev !== current.story.rev) return { type: 'conflict' };
  if (!current) {
    const workflow = initialWorkflow();
    const story: Story = {
      ...content,
      id: op.storyId,
      status: workflow.status,
      author: user.username,
      assignee: null,
      publishAt: null,
      publishedAt: null,
      createdAt: p.createdAt ?? now,
      updatedAt: now,
      rev: 0,
      baseRev: 0,
    };
    return apply({ story, workflow, trashedAt: null, textChanged: true, affectsSite: false, revisionReason: 'save' });
  }
  const edit = applyContentEdit(workflowStoryOf(current), content, user);
  if (!edit.ok) return reject(edit.refusal.code, edit.refusal.message);
  const before = current.story;
  // A story that has been on the site keeps its address when the desk sends no slug.
  const slug = content.slug || (current.workflow.publishedAt !== null ? before.slug : '');
  const story = mirrored({ ...before, ...content, slug }, current.workflow, now);
  return apply({ story, workflow: current.workflow, trashedAt: null, textChanged: true, affectsSite: false, revisionReason: 'save' });
}

/**
 * An edit from an editor whose story another editor took over while this text
 * was on its way (made on a base from before the take-over), who may no longer
 * edit it: refused, and kept as a revision in their name, so that no text is
 * lost and the new holder can take from it what they want.
 */
function takenOver(op: Extract<SyncOp, { kind: 'upsert' }>, user: UserRecord, current: StoredStory, content: StoryContent): OpDecision | null {
  const lost = current.facts?.takeOvers.findLast((t) => t.from === user.username && t.rev >= op.baseRev);
  if (!lost || canEdit(workflowStoryOf(current), user).allowed) return null;
  const by = `Bài đã do ${lost.by} nhận biên tập thay bạn`;
  if (sameContent(content, current.story)) return reject('TAKEN_OVER', `${by}; bản của bạn giống bản trên máy chủ, không mất chữ nào`);
  return { type: 'reject', code: 'TAKEN_OVER', message: `${by}; bản của bạn đã được giữ lại thành một phiên bản trên máy chủ`, keep: content };
}

function decideDelete(op: Extract<SyncOp, { kind: 'delete' }>, user: UserRecord, current: StoredStory | null, now: string): OpDecision {
  if (!current) return reject('NOT_FOUND', 'Bài không có trên máy chủ');
  if (op.baseRev !== current.story.rev) return { type: 'conflict' };
  const { status } = current.workflow;
  if (status === 'published') return reject('PUBLISHED', 'Bài đang xuất bản, hãy gỡ bài trước khi xoá');
  const ws = workflowStoryOf(current);
  const writer = ws.author === user.username || ws.assignee === user.username;
  const allowed = isDesk(user.role) || (writer && (status === 'draft' || status === 'returned'));
  if (!allowed) return FORBIDDEN;
  return apply({
    story: { ...current.story, updatedAt: now },
    workflow: current.workflow,
    trashedAt: now,
    textChanged: true,
    affectsSite: false,
    revisionReason: null,
  });
}

/** The section's checklist on the story's working copy: what approve and publish would put on the site. */
export function checksFor(story: WorkflowStory, ctx: PolicyContext): CheckResult[] {
  const slugOwner = (section: string, slug: string) => ctx.slugOwner(sectionSlugOf(section), slug);
  return runChecklist(story, checklistFor(ctx.checklist, story.section), { slugOwner });
}

/** After an act that puts text on the site: the live copy under its address, or why it cannot go there. */
function withAddress(story: Story, workflow: WorkflowFields): { story: Story; workflow: WorkflowFields; address: PublicAddress } | { error: string } {
  if (workflow.live === null) return { error: 'Bài chưa có bản để đăng' };
  const address = publicAddressOf(workflow.live);
  if ('error' in address) return address;
  return { story: { ...story, slug: story.slug || address.slug }, workflow: { ...workflow, live: { ...workflow.live, slug: address.slug } }, address };
}

function decideTransition(op: Extract<SyncOp, { kind: 'transition' }>, user: UserRecord, current: StoredStory, ctx: PolicyContext): OpDecision {
  if (current.trashedAt !== null) return reject('TRASHED', 'Bài đang trong thùng rác');
  const ws = workflowStoryOf(current);
  const checks = ACTION_RULES[op.payload.action].gated ? checksFor(ws, ctx) : undefined;
  const result = applyTransition(ws, op.payload, user, ctx.now, checks);
  if (!result.ok) return reject(result.refusal.code, result.refusal.message);
  return transitionWrite(current, ws, result.fields, result.audit, result.siteChanged, notificationsForTransition(ws, result.fields, result.audit), ctx.now);
}

function transitionWrite(
  current: StoredStory,
  ws: WorkflowStory,
  fields: WorkflowFields,
  audit: AuditEntry,
  siteChanged: boolean,
  notifications: NotificationDraft[],
  now: string,
): OpDecision {
  let story = mirrored(current.story, fields, now);
  let workflow = fields;
  let address: PublicAddress | null = null;
  if (siteChanged && fields.live !== null) {
    const placed = withAddress(story, fields);
    if ('error' in placed) return reject('NOT_PUBLISHABLE', placed.error);
    ({ story, workflow, address } = placed);
  }
  const wasOnSite = ws.status === 'published';
  return apply({
    story,
    workflow,
    trashedAt: null,
    textChanged: false,
    affectsSite: siteChanged || wasOnSite !== (workflow.status === 'published'),
    revisionReason: null,
    address,
    audit,
    notifications,
  });
}

/**
 * The scheduler's judgement of one scheduled story: publish it if its time has
 * come and its blocking checks pass, hold it back for a person if not.
 * `scheduledBy` is who scheduled it (from the audit log), told when it is held back.
 */
export function decideScheduled(current: StoredStory | null, ctx: PolicyContext, scheduledBy: string | null): OpDecision {
  if (!current || current.trashedAt !== null) return reject('NOT_DUE', 'Bài không còn hẹn giờ');
  const ws = workflowStoryOf(current);
  const due = publishDue(ws, ctx.now, checksFor(ws, ctx));
  if (due.kind === 'not-due') return reject('NOT_DUE', 'Chưa đến giờ đăng');
  const notifications = notificationsForTransition(ws, due.fields, due.audit, scheduledBy);
  return transitionWrite(current, ws, due.fields, due.audit, due.kind === 'published', notifications, ctx.now);
}
