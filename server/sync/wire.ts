// A stored story as the sync API sends it: the story, its place in the change
// stream and its workflow fields without the live copy, which only the site reads.
import { hasPendingUpdate } from '../../core/workflow';
import type { StoredStoryWire, WorkflowWire } from '../../core/sync';
import type { StoredStory } from '../storage/types';
import { workflowStoryOf } from './policy';

export function workflowWireOf(stored: StoredStory): WorkflowWire | undefined {
  // A row the server could not read (see rows.ts pulledFromRow) travels as stored, for the desk to set aside.
  if (!stored.workflow) return undefined;
  const { live: _live, ...fields } = stored.workflow;
  return { ...fields, pendingUpdate: hasPendingUpdate(workflowStoryOf(stored)) };
}

export function wire(stored: StoredStory): StoredStoryWire {
  const workflow = workflowWireOf(stored);
  return { story: stored.story, seq: stored.seq, trashedAt: stored.trashedAt, ...(workflow ? { workflow } : {}) };
}
