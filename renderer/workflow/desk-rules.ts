// The state machine's answers for the open story, on the desk's copy: which
// buttons to show and whether the text may be edited. Both are core/workflow's
// own rules (allowedActions, canEdit), so the desk shows exactly what the server
// would allow this user now.
import { deskWorkflowStory, type WorkflowView } from '../../core/api';
import type { StoryContent } from '../../core/story';
import { ACTION_RULES, allowedActions, canEdit, type TransitionAction } from '../../core/workflow';

/** The buttons of the action bar, in the state machine's order; none without a signed-in user or in the trash. */
export function deskActions(view: WorkflowView, content: StoryContent): TransitionAction[] {
  if (view.user === null || view.trashed) return [];
  return allowedActions(deskWorkflowStory({ ...content, id: view.storyId, author: view.author }, view.workflow), view.user);
}

/** Why the text may not be edited now, in words; null when it may (or when nobody is signed in: a desk on its own). */
export function readOnlyReason(view: WorkflowView, content: StoryContent): string | null {
  if (view.user === null) return null;
  const permission = canEdit(deskWorkflowStory({ ...content, id: view.storyId, author: view.author }, view.workflow), view.user);
  return permission.allowed ? null : permission.reason;
}

/** Actions asked about first: a note, a time, an assignee, or the checklist. The rest act at once. */
export function needsDialog(action: TransitionAction): boolean {
  return ACTION_RULES[action].gated || ACTION_RULES[action].note === 'required' || ['schedule', 'assign', 'unpublish', 'spike'].includes(action);
}
