// Which text a reporter handed in: their last 'submit' revision of the story.
// Until the desk writes one when a story is submitted, their last own revision
// stands in for it (a reporter cannot edit a story the desk has, so it is what
// they handed in); the desk's merges are not theirs and never count.
import type { RevisionSummary } from '../../core/api';

export interface Baseline {
  revision: RevisionSummary;
  /** True for a real 'submit' revision; false when the last own revision stands in for it. */
  submitted: boolean;
}

/** The statuses in which a reporter may want to see what the desk changed. */
export const CHANGED_BY_DESK_STATUSES = ['returned', 'published', 'corrected'] as const;

export function submittedBaseline(revisions: readonly RevisionSummary[], me: string): Baseline | null {
  // Newest first, as revisions.list gives them.
  const newest = [...revisions].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  const submit = newest.find((revision) => revision.author === me && revision.reason === 'submit');
  if (submit !== undefined) return { revision: submit, submitted: true };
  const own = newest.find((revision) => revision.author === me && revision.reason !== 'merge');
  return own === undefined ? null : { revision: own, submitted: false };
}
