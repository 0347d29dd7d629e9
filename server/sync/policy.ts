// Who may do what to a story, until the workflow issue brings the full state
// machine. Pure: storage calls `decideOp` inside its transaction with the locked
// current row, so the check and the write see the same story.
//
//   see      reporter: own stories. editor, chief: past draft, or assigned to
//            them, or their own. A story the caller cannot see is "forbidden"
//            (never a conflict, which would hand them its text).
//   upsert   reporter: own stories while draft/submitted/returned, to draft or
//            submitted. editor, chief: any story they see, to any pre-publication
//            status; a published story stays published (a correction).
//   delete   (to trash) reporter: own stories while draft/submitted/returned;
//            editor, chief: any they see. Never a story that is on the site.
//   publish, unpublish: editor and chief only.
// An op on an existing story needs baseRev equal to the server's rev, or it is a
// conflict and nothing is written.
import { slugify } from '../../core/text';
import type { Story, StoryStatus } from '../../core/story';
import { isDesk } from '../../core/newsroom/roles';
import { RESERVED_SECTION_SLUGS, sectionSlugOf } from '../../core/site/address';
import type { OpDecision, PublicAddress, StoredStory, UserRecord } from '../storage/types';
import type { SyncOp } from './protocol';
import { mediaRefsOf } from './media-refs';

const LIVE: readonly StoryStatus[] = ['published', 'corrected'];
const REPORTER_EDITABLE: readonly StoryStatus[] = ['draft', 'submitted', 'returned'];
const REPORTER_TARGETS: readonly StoryStatus[] = ['draft', 'submitted'];
const DESK_TARGETS: readonly StoryStatus[] = ['draft', 'submitted', 'editing', 'returned', 'approved', 'spiked'];

const reject = (code: string, message: string): OpDecision => ({ type: 'reject', code, message });
const FORBIDDEN = reject('FORBIDDEN', 'Tài khoản của bạn không có quyền làm việc này với bài này');

export function isLive(status: StoryStatus): boolean {
  return LIVE.includes(status);
}

export function canSee(user: UserRecord, story: Story): boolean {
  if (story.author === user.username) return true;
  if (!isDesk(user.role)) return false;
  return story.status !== 'draft' || story.assignee === user.username;
}

/** Where a story would live on the site, or why it cannot be published. */
export function publicAddressOf(story: Story): PublicAddress | { error: string } {
  if (story.headline.trim() === '') return { error: 'Bài chưa có tít' };
  const sectionSlug = sectionSlugOf(story.section);
  if (sectionSlug === '') return { error: 'Bài chưa có chuyên mục' };
  if (RESERVED_SECTION_SLUGS.has(sectionSlug)) return { error: `Tên chuyên mục "${story.section}" trùng với địa chỉ dành riêng` };
  const slug = story.slug || slugify(story.headline);
  if (slug === '') return { error: 'Không tạo được slug từ tít bài' };
  return { sectionSlug, slug };
}

function applied(story: Story, current: StoredStory | null, extra: Partial<Extract<OpDecision, { type: 'apply' }>>): OpDecision {
  const live = isLive(story.status);
  let address: PublicAddress | null = null;
  if (live) {
    const a = publicAddressOf(story);
    if ('error' in a) return reject('NOT_PUBLISHABLE', a.error);
    address = a;
  }
  return {
    type: 'apply',
    story: address ? { ...story, slug: address.slug } : story,
    trashedAt: null,
    revisionReason: null,
    address,
    mediaRefs: mediaRefsOf(story.body),
    affectsSite: live || (current !== null && (isLive(current.story.status) || current.story.status === 'unpublished')),
    ...extra,
  };
}

export function decideOp(op: SyncOp, user: UserRecord, current: StoredStory | null, now: string): OpDecision {
  if (current) {
    if (!canSee(user, current.story)) return FORBIDDEN;
    if (op.baseRev !== current.story.rev) return { type: 'conflict' };
  } else if (op.kind !== 'upsert' || op.baseRev !== 0) {
    return reject('NOT_FOUND', 'Bài không có trên máy chủ');
  }
  const desk = isDesk(user.role);
  switch (op.kind) {
    case 'upsert':
      return decideUpsert(op, user, current, now);
    case 'delete': {
      const s = (current as StoredStory).story;
      if (isLive(s.status)) return reject('PUBLISHED', 'Bài đang xuất bản, hãy gỡ bài trước khi xoá');
      if (!desk && !REPORTER_EDITABLE.includes(s.status)) return FORBIDDEN;
      const decision = applied({ ...s, updatedAt: now }, current, {});
      return decision.type === 'apply' ? { ...decision, trashedAt: now } : decision;
    }
    case 'note':
      return reject('NOT_IMPLEMENTED', 'Máy chủ chưa nhận ghi chú biên tập');
    case 'transition':
      if (op.payload.action === 'publish') return decidePublish(desk, current as StoredStory, op.payload.publishedAt, now);
      if (op.payload.action === 'unpublish') return decideUnpublish(desk, current as StoredStory, now);
      return reject('NOT_IMPLEMENTED', 'Máy chủ chưa nhận thao tác biên tập này');
  }
}

// Until the workflow's server side lands, publish and unpublish keep their old rules.
function decidePublish(desk: boolean, c: StoredStory, publishedAtIn: string | undefined, now: string): OpDecision {
  if (!desk) return reject('FORBIDDEN', 'Chỉ biên tập viên và tổng biên tập được xuất bản bài');
  if (c.trashedAt !== null) return reject('TRASHED', 'Bài đang trong thùng rác');
  if (c.story.status === 'spiked') return reject('SPIKED', 'Bài đã bị huỷ, không thể xuất bản');
  const publishedAt = publishedAtIn ?? c.story.publishedAt ?? now;
  const story: Story = { ...c.story, status: 'published', publishedAt: new Date(publishedAt).toISOString(), updatedAt: now };
  return applied(story, c, { revisionReason: 'publish' });
}

function decideUnpublish(desk: boolean, c: StoredStory, now: string): OpDecision {
  if (!desk) return reject('FORBIDDEN', 'Chỉ biên tập viên và tổng biên tập được gỡ bài');
  if (!isLive(c.story.status)) return reject('NOT_PUBLISHED', 'Bài chưa được xuất bản');
  return applied({ ...c.story, status: 'unpublished', updatedAt: now }, c, {});
}

function decideUpsert(
  op: Extract<SyncOp, { kind: 'upsert' }>,
  user: UserRecord,
  current: StoredStory | null,
  now: string,
): OpDecision {
  const p = op.payload;
  if (p.id !== undefined && p.id !== op.storyId) return reject('ID_MISMATCH', 'Mã bài trong nội dung khác mã bài của thao tác');
  const before = current?.story ?? null;
  const desk = isDesk(user.role);
  const target = p.status ?? before?.status ?? 'draft';

  if (!desk) {
    if (before && !REPORTER_EDITABLE.includes(before.status)) {
      return reject('FORBIDDEN', 'Bài đã chuyển cho ban biên tập, phóng viên không sửa được nữa');
    }
    if (!REPORTER_TARGETS.includes(target) && target !== before?.status) {
      return reject('FORBIDDEN', 'Phóng viên chỉ có thể lưu nháp hoặc gửi bài');
    }
  } else if (before && isLive(before.status)) {
    if (!isLive(target)) return reject('PUBLISHED', 'Bài đang xuất bản: hãy gỡ bài trước khi đổi trạng thái');
  } else if (!DESK_TARGETS.includes(target) && target !== before?.status) {
    return reject('FORBIDDEN', 'Hãy dùng thao tác publish/unpublish để xuất bản hoặc gỡ bài');
  }

  const story: Story = {
    headline: p.headline,
    sapo: p.sapo,
    byline: p.byline,
    section: p.section,
    tags: p.tags,
    // A published story keeps its address when the desktop sends no slug.
    slug: p.slug || (before && isLive(before.status) ? before.slug : ''),
    related: p.related,
    body: p.body,
    id: op.storyId,
    status: target,
    author: before?.author ?? user.username,
    assignee: desk ? (p.assignee !== undefined ? p.assignee : (before?.assignee ?? null)) : (before?.assignee ?? null),
    publishAt: desk ? (p.publishAt !== undefined ? p.publishAt : (before?.publishAt ?? null)) : (before?.publishAt ?? null),
    publishedAt: before?.publishedAt ?? null,
    createdAt: before?.createdAt ?? p.createdAt ?? now,
    updatedAt: now,
    rev: 0,
    baseRev: 0,
  };
  return applied(story, current, { revisionReason: revisionReasonFor(before?.status ?? null, target) });
}

function revisionReasonFor(from: StoryStatus | null, to: StoryStatus): 'save' | 'submit' | 'approve' | 'correct' {
  if (isLive(to)) return 'correct';
  if (to !== from && to === 'submitted') return 'submit';
  if (to !== from && to === 'approved') return 'approve';
  return 'save';
}
