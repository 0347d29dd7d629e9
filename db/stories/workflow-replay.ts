// What the desk shows while its transitions wait for the server: the workflow
// the server last sent, with each unanswered (or answered but not yet pulled)
// transition applied on top, in order, by core/workflow's own state machine.
// A transition the state machine would refuse on that state changes nothing
// here; the server will refuse it too, in words, and the desk then shows the
// server's state. Pure, so that it is tested as a table.
import { deskWorkflowStory, type DeskWorkflow } from '../../core/api';
import type { StoryContent } from '../../core/story';
import { applyTransition, type TransitionOp, type WorkflowUser } from '../../core/workflow';

export interface QueuedTransition {
  op: TransitionOp;
  actor: WorkflowUser;
  /** When the user acted: the time the state machine is asked at. */
  at: string;
}

export interface ReplayStory extends StoryContent {
  id: string;
  author: string;
}

export function replayTransitions(
  base: DeskWorkflow,
  story: ReplayStory,
  transitions: readonly QueuedTransition[],
  /** Text of a published story waits here to go up: once it has, an update is pending on the server too. */
  textWaiting: boolean,
): DeskWorkflow {
  let shown: DeskWorkflow = textWaiting && base.status === 'published' ? { ...base, pendingUpdate: true } : base;
  for (const { op, actor, at } of transitions) {
    // The checklist was run when the user acted; the server runs it again.
    const result = applyTransition(deskWorkflowStory(story, shown), op, actor, at, []);
    if (!result.ok) continue;
    const { live: _live, ...fields } = result.fields;
    const pendingUpdate = fields.status === 'published' && (op.action === 'update' || op.action === 'correct' || op.action === 'publish') ? false : shown.pendingUpdate;
    shown = {
      ...fields,
      pendingUpdate: fields.status === 'published' ? pendingUpdate : false,
      statusSince: fields.status === shown.status ? shown.statusSince : at,
    };
  }
  return shown;
}
