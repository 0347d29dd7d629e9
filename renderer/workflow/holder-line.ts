// "Who holds the story, and since when", for a list row and the action bar:
// decided apart from React so that it is tested as a table. Times are Hanoi
// time, as the newsroom reads them, whatever the computer's time zone.
import { formatVietnamDateTime, type WorkflowState } from '../../core/workflow';

export interface HolderFacts {
  status: WorkflowState;
  author: string;
  assignee: string | null;
  holder: string | null;
  heldSince: string | null;
  statusSince: string | null;
  publishAt: string | null;
  publishedAt: string | null;
  /** When nothing better is known (a story from before the workflow): its last change. */
  updatedAt: string;
}

export interface HolderLine {
  /** A key of the `workflow` namespace. */
  key: `holder.${WorkflowState}`;
  values: { who: string; since: string; at: string };
}

const time = (iso: string | null): string => (iso === null || Number.isNaN(Date.parse(iso)) ? '' : formatVietnamDateTime(iso));

export function holderLine(facts: HolderFacts): HolderLine {
  const writer = facts.assignee ?? facts.author;
  const who = facts.status === 'editing' ? (facts.holder ?? '—') : writer;
  const since = time(facts.status === 'editing' ? (facts.heldSince ?? facts.statusSince) : facts.statusSince) || time(facts.updatedAt);
  const at = time(facts.status === 'scheduled' ? facts.publishAt : facts.publishedAt);
  return { key: `holder.${facts.status}`, values: { who, since, at } };
}
