// Who is told what. The server writes these in the transaction that applies a
// transition or stores a note; the desk shows them and raises OS notifications.
import { SCHEDULER_ACTOR, type AuditEntry, type EditorialNote, type NotificationDraft, type NotificationKind } from './records';
import type { WorkflowFields, WorkflowStory } from './workflow-story';

const MENTION = /(^|[^\p{L}\p{N}._@-])@([a-z0-9][a-z0-9._-]{1,39})/gu;

/** The usernames written as @name in a text, each once, in order. A trailing dot ends a sentence, not a name. */
export function mentionsIn(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(MENTION)) {
    const name = (match[2] ?? '').replace(/[._-]+$/, '');
    if (name.length >= 2) names.add(name);
  }
  return [...names];
}

function draft(user: string, kind: NotificationKind, audit: AuditEntry): NotificationDraft {
  return { user, kind, storyId: audit.storyId, actor: audit.actor, noteId: null, at: audit.at };
}

/** The writers of a story, minus whoever acted: nobody is told of their own act. */
function writersBut(story: Pick<WorkflowStory, 'author' | 'assignee'>, actor: string): string[] {
  return [...new Set([story.author, story.assignee])].filter((u): u is string => u !== null && u !== actor);
}

/**
 * The notifications of one applied transition. `before` is the story as it was,
 * `after` its new workflow fields; `scheduledBy` is who scheduled a story that
 * the scheduler had to hold back (the server reads it from the audit log).
 */
export function notificationsForTransition(
  before: WorkflowStory,
  after: WorkflowFields,
  audit: AuditEntry,
  scheduledBy: string | null = null,
): NotificationDraft[] {
  switch (audit.action) {
    case 'return':
      return writersBut(before, audit.actor).map((u) => draft(u, 'returned', audit));
    case 'approve':
      return writersBut(before, audit.actor).map((u) => draft(u, 'approved', audit));
    case 'publish':
      return writersBut(before, audit.actor).map((u) => draft(u, 'published', audit));
    case 'assign':
      return after.assignee !== null && after.assignee !== before.assignee && after.assignee !== audit.actor
        ? [draft(after.assignee, 'assigned', audit)]
        : [];
    case 'take':
      return before.holder !== null && before.holder !== audit.actor ? [draft(before.holder, 'taken-over', audit)] : [];
    case 'unschedule':
      return audit.actor === SCHEDULER_ACTOR && scheduledBy !== null
        ? [draft(scheduledBy, 'schedule-failed', audit)]
        : [];
    default:
      return [];
  }
}

/** Everyone mentioned in a stored note, except its author. */
export function notificationsForNote(note: EditorialNote): NotificationDraft[] {
  return note.mentions
    .filter((user) => user !== note.author)
    .map((user) => ({ user, kind: 'mentioned', storyId: note.storyId, actor: note.author, noteId: note.id, at: note.createdAt }));
}
