// What the server's scheduler does to one due story. The server claims due
// stories so that one instance handles each (see README.md), then asks this
// function, with the checklist's results, what to write.
import { blockingFailures, type CheckResult } from './checklist';
import { SCHEDULER_ACTOR, type AuditEntry } from './records';
import { refusal, type Refusal } from './refusals';
import { contentOf, type WorkflowFields, type WorkflowStory } from './workflow-story';

/**
 * Published later than this after its time, a story is marked late in the audit
 * log: the scheduler polls far more often, so only a stopped server gets here.
 */
export const SCHEDULE_LATE_AFTER_MS = 2 * 60_000;

export type DueResult =
  | { kind: 'not-due' }
  | { kind: 'published'; fields: WorkflowFields; audit: AuditEntry; late: boolean }
  /** A blocking check fails now (say, the byline was lost): the story goes back to "approved" for a person. */
  | { kind: 'held-back'; fields: WorkflowFields; audit: AuditEntry; refusal: Refusal };

export function isDue(story: Pick<WorkflowFields, 'status' | 'publishAt'>, now: string): boolean {
  return story.status === 'scheduled' && story.publishAt !== null && Date.parse(story.publishAt) <= Date.parse(now);
}

/** Publishes a scheduled story whose time has come, or holds it back; `checks` are for the story as it stands. */
export function publishDue(story: WorkflowStory, now: string, checks: readonly CheckResult[]): DueResult {
  if (!isDue(story, now) || story.publishAt === null) return { kind: 'not-due' };
  const { id: storyId, status: from } = story;
  const failures = blockingFailures(checks);
  if (failures.length > 0) {
    const refused = refusal('CHECKLIST_BLOCKED', `Không đăng được theo lịch: ${failures.map((f) => f.message).join('; ')}`);
    return {
      kind: 'held-back',
      fields: { ...fieldsOf(story), status: 'approved', publishAt: null },
      audit: { storyId, actor: SCHEDULER_ACTOR, action: 'unschedule', from, to: 'approved', note: refused.message, at: now },
      refusal: refused,
    };
  }
  const late = Date.parse(now) - Date.parse(story.publishAt) > SCHEDULE_LATE_AFTER_MS;
  const audit: AuditEntry = { storyId, actor: SCHEDULER_ACTOR, action: 'publish', from, to: 'published', note: null, at: now };
  return {
    kind: 'published',
    fields: { ...fieldsOf(story), status: 'published', publishAt: null, publishedAt: story.publishedAt ?? now, live: contentOf(story) },
    audit: late ? { ...audit, late } : audit,
    late,
  };
}

function fieldsOf(story: WorkflowStory): WorkflowFields {
  const { status, assignee, deadline, holder, heldSince, publishAt, publishedAt, spikedFrom, corrections, live } = story;
  return { status, assignee, deadline, holder, heldSince, publishAt, publishedAt, spikedFrom, corrections, live };
}
