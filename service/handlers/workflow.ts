// The editorial workflow on the desk (core/api/contract-workflow). A transition
// is first judged here by core/workflow's state machine on the desk's copy, so
// that a refusal comes back at once, in the server's own words; an allowed one
// is queued as a 'transition' op after the story's text and shown as pending
// until the server answers. The server judges it again and has the last word.
import type { HandlerName, Handlers, QueueName, WorkflowView } from '../../core/api';
import { deskWorkflowStory } from '../../core/api';
import { normalizeText } from '../../core/text';
import {
  ACTION_RULES,
  applyTransition,
  checklistFor,
  instantToVietnamLocal,
  runChecklist,
  vietnamLocalToInstant,
  type TransitionOp,
  type WorkflowUser,
} from '../../core/workflow';
import type { StoredStory } from '../../db';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { handler } from '../handler';
import type { DesktopSync } from '../sync';

type WorkflowHandlerName = Extract<HandlerName, `workflow.${string}` | `notifications.${string}`>;

const NOT_SIGNED_IN = 'Hãy đăng nhập máy chủ toà soạn (Cài đặt) để làm việc này: quy trình biên tập cần biết bạn là ai.';

function requireStory(context: ServiceContext, storyId: string): StoredStory {
  const story = context.stories.get(storyId);
  if (!story) throw new ServiceError('STORY_NOT_FOUND', 'Không tìm thấy bài viết này; có thể nó đã bị xóa hẳn.', 'not_found');
  return story;
}

export function workflowView(context: ServiceContext, user: WorkflowUser | null, storyId: string): WorkflowView {
  const story = requireStory(context, storyId);
  const seen = context.store.workflows.view(storyId);
  if (!seen) throw new ServiceError('STORY_NOT_FOUND', 'Không tìm thấy bài viết này.', 'not_found');
  // Text of a live story still on its way up is a pending update as soon as it lands.
  const textWaiting = seen.workflow.status === 'published' && context.store.outbox.hasUnsentText(storyId);
  return {
    storyId,
    workflow: { ...seen.workflow, pendingUpdate: seen.workflow.pendingUpdate || textWaiting },
    pending: seen.pending,
    user,
    // The server writes a story it has not seen under the account that sends it.
    author: user !== null && story.rev === 0 ? user.username : story.author,
    trashed: story.deletedAt !== null,
  };
}

/** A note is text a person typed: stored as every text is (NFC, no stray controls). */
function normalizedOp(op: TransitionOp): TransitionOp {
  return op.note === undefined ? op : { ...op, note: normalizeText(op.note) };
}

/** The start of today in Hanoi, whatever this computer's time zone. */
export function startOfHanoiDay(now: Date): string {
  return vietnamLocalToInstant(instantToVietnamLocal(now.toISOString()).date, '00:00') ?? now.toISOString();
}

/** The `stories.list` filters of one of the desk's views. */
export function queueFilters(queue: QueueName, me: string, now: Date): { status?: 'submitted' | 'editing' | 'returned' | 'approved' | 'scheduled' | 'published'; author?: string; assignee?: string; publishedFrom?: string } {
  switch (queue) {
    case 'publishedToday':
      return { status: 'published', publishedFrom: startOfHanoiDay(now) };
    case 'mine':
      return { author: me };
    case 'assigned':
      return { assignee: me };
    default:
      return { status: queue };
  }
}

export function workflowHandlers(context: ServiceContext, sync: DesktopSync): Pick<Handlers, WorkflowHandlerName> {
  const { stories, store, events } = context;
  const { worker } = sync;
  const checklistOf = (story: StoredStory) => {
    const { config, source } = worker.newsroom.checklistConfig();
    // Which story owns an address on the site only the server knows; it checks the slug again.
    return { results: runChecklist(story, checklistFor(config, story.section), { slugOwner: () => null }), source };
  };

  return {
    'workflow.view': handler('workflow.view', ({ storyId }) => workflowView(context, worker.user(), storyId)),

    'workflow.transition': handler('workflow.transition', ({ storyId, op }) => {
      const user = worker.user();
      if (user === null) throw new ServiceError('NOT_SIGNED_IN', NOT_SIGNED_IN);
      const story = requireStory(context, storyId);
      if (story.deletedAt !== null) throw new ServiceError('TRASHED', 'Bài đang trong thùng rác', 'conflict');
      if (story.localOnly) throw new ServiceError('LOCAL_ONLY', 'Bài tham khảo chỉ có trên máy này, không thuộc quy trình biên tập của toà soạn.', 'conflict');
      const view = workflowView(context, user, storyId);
      const action = normalizedOp(op);
      const checks = ACTION_RULES[action.action].gated ? checklistOf(story).results : undefined;
      const result = applyTransition(deskWorkflowStory({ ...story, author: view.author }, view.workflow), action, user, context.clock().toISOString(), checks);
      if (!result.ok) throw new ServiceError(result.refusal.code, result.refusal.message, 'conflict');
      stories.transition(storyId, action, user);
      events.emit('story.changed', { id: storyId });
      return workflowView(context, user, storyId);
    }),

    'workflow.checklist': handler('workflow.checklist', ({ storyId }) => checklistOf(requireStory(context, storyId))),

    'workflow.audit': handler('workflow.audit', ({ storyId }) => worker.newsroom.audit(storyId)),

    'workflow.queues': handler('workflow.queues', () => {
      const user = worker.user();
      const now = context.clock();
      const me = user?.username ?? context.settings.read().userName;
      return { ...store.workflows.counts(me, startOfHanoiDay(now), now.toISOString()), user };
    }),

    'workflow.users': handler('workflow.users', () => worker.newsroom.users()),

    'notifications.list': handler('notifications.list', () => worker.newsroom.notifications()),

    'notifications.markRead': handler('notifications.markRead', ({ ids }) => worker.newsroom.markRead(ids)),
  };
}
