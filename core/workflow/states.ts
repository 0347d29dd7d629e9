// The states of a story's life. "Corrected" is not a state: a corrected story is
// still published and may be corrected again, updated or unpublished exactly as
// before, so it is `published` with an entry in `corrections[]` (as in Arc XP's
// ANS). A state of its own would copy every rule of `published` and hide the
// history that the list keeps.
import { z } from 'zod';
import type { StoryStatus } from '../story';

export const WORKFLOW_STATES = [
  'draft',
  'submitted',
  'editing',
  'returned',
  'approved',
  'scheduled',
  'published',
  'unpublished',
  'spiked',
] as const;
export const workflowState = z.enum(WORKFLOW_STATES, { message: 'Trạng thái bài không hợp lệ' });
export type WorkflowState = z.infer<typeof workflowState>;

/** Before publication: a story here may still be spiked, assigned and reworked. */
export const PRE_PUBLICATION_STATES = ['draft', 'submitted', 'editing', 'returned', 'approved', 'scheduled'] as const satisfies
  readonly WorkflowState[];

export function isPrePublication(state: WorkflowState): boolean {
  return (PRE_PUBLICATION_STATES as readonly WorkflowState[]).includes(state);
}

/**
 * The workflow state of a stored status. `corrected` is still in the stored enum
 * (core/story) for rows written before this state machine; it reads as published.
 */
export function stateOf(status: StoryStatus): WorkflowState {
  return status === 'corrected' ? 'published' : status;
}

/** For messages; the desk's own labels are in its i18n files. */
export const STATE_LABELS: Record<WorkflowState, string> = {
  draft: 'nháp',
  submitted: 'chờ biên tập',
  editing: 'đang biên tập',
  returned: 'bị trả lại',
  approved: 'đã duyệt',
  scheduled: 'hẹn giờ đăng',
  published: 'đã đăng',
  unpublished: 'đã gỡ',
  spiked: 'đã loại',
};
