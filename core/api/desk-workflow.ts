// The desk's view of a story's workflow, read into core/workflow's state
// machine, so that the desk's buttons, its read-only reason and its local check
// of a transition are the server's own rules run on the desk's copy.
import { contentOf, type WorkflowStory } from '../workflow';
import type { StoryContent } from '../story';
import type { WorkflowWire } from '../sync';

/**
 * The wire leaves the live copy out (only the site reads it) and says instead
 * whether the working copy differs from it. The state machine reads the live
 * copy for nothing else on the desk, so a stand-in that differs from the
 * working copy exactly when an update is pending answers every rule alike.
 */
function liveStandIn(story: StoryContent, workflow: WorkflowWire): StoryContent | null {
  if (workflow.status !== 'published') return null;
  const live = contentOf(story);
  return workflow.pendingUpdate ? { ...live, headline: `${live.headline}\u0000` } : live;
}

export function deskWorkflowStory(
  story: StoryContent & { id: string; author: string },
  workflow: WorkflowWire & { statusSince?: string | null },
): WorkflowStory {
  const { pendingUpdate: _pending, statusSince: _since, ...fields } = workflow;
  return { ...contentOf(story), id: story.id, author: story.author, ...fields, live: liveStandIn(story, workflow) };
}
