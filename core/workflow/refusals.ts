// Why the state machine said no: a code that programs compare, and a sentence in
// Vietnamese that the desk shows as it is.
export const REFUSAL_CODES = [
  /** The user may not see the story, or their role may not do this action. */
  'FORBIDDEN',
  /** The action does not start from the story's current state. */
  'WRONG_STATE',
  /** Submitting and withdrawing are for the story's author or assignee. */
  'NOT_OWNER',
  /** Someone else holds the story: take it first. */
  'NOT_HOLDER',
  'ALREADY_HOLDER',
  'NOTE_REQUIRED',
  'PUBLISH_AT_IN_PAST',
  'DEADLINE_IN_PAST',
  'NO_PENDING_UPDATE',
  /** A blocking check of the pre-publication checklist failed. */
  'CHECKLIST_BLOCKED',
  /** The caller did not pass the checklist's results to an action that needs them (a bug, never a user's fault). */
  'CHECKLIST_NOT_RUN',
  /** The payload is not a transition. */
  'INVALID_TRANSITION',
  /** The user may not change this story's text now. */
  'NOT_EDITABLE',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Refusal {
  code: RefusalCode;
  message: string;
}

export function refusal(code: RefusalCode, message: string): Refusal {
  return { code, message };
}
