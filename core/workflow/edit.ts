// A content edit as the server applies it: the text changes, the workflow does
// not. Status, holder, schedule and the live copy are moved only by transitions,
// so keeping one's own text after a conflict can never undo someone's act.
import type { StoryContent } from '../story';
import { refusal, type Refusal } from './refusals';
import type { WorkflowUser } from './roles';
import { canEdit } from './rules';
import { contentOf, type WorkflowStory } from './workflow-story';

export type ContentEditResult =
  | { ok: true; story: WorkflowStory; /** The edit waits as a pending update; the site is unchanged. */ pendingUpdate: boolean }
  | { ok: false; refusal: Refusal };

export function applyContentEdit(story: WorkflowStory, content: StoryContent, user: WorkflowUser): ContentEditResult {
  const permission = canEdit(story, user);
  if (!permission.allowed) return { ok: false, refusal: refusal('NOT_EDITABLE', permission.reason) };
  return { ok: true, story: { ...story, ...contentOf(content) }, pendingUpdate: permission.pendingUpdate };
}
