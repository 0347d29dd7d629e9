// The workflow of each story on the desk: the one writer of its workflow
// columns (status, assignee and schedule in `stories`, the rest in
// `story_workflow`; see migrations/0008).
//
// What is shown is always the server's workflow with this desk's transitions
// that the server has not yet shown back applied on top (./workflow-replay).
// The server's own state is kept in `base` while such transitions wait, so that
// a refused one simply drops out and the desk shows the server's state again.
// A pulled copy's workflow is taken whenever its change number (`seq`) is newer
// than the last one taken, whatever its rev: a transition moves the workflow
// and `seq`, never `rev`, and the story's own unsent text does not hold it back.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { deskWorkflow, type DeskWorkflow, type ListWorkflow, type QueueName } from '../../core/api';
import type { StoredStoryWire } from '../../core/sync';
import { sameJson } from '../../core/story';
import { correctionEntry, isOverdue, stateOf, workflowState, type CorrectionEntry, type TransitionAction } from '../../core/workflow';
import type { Outbox } from '../outbox/outbox';
import { replayTransitions } from './workflow-replay';
import { contentFromRow, type ContentRow } from './story-rows';

export interface StoryWorkflowView {
  workflow: DeskWorkflow;
  /** Transitions made here not yet answered by the server, in order. */
  pending: TransitionAction[];
}

interface Row {
  id: string;
  status: string;
  author: string;
  assignee: string | null;
  publish_at: string | null;
  published_at: string | null;
  updated_at: string;
  deadline: string | null;
  holder: string | null;
  held_since: string | null;
  spiked_from: string | null;
  corrections: string | null;
  pending_update: number | null;
  status_since: string | null;
  seq: number | null;
  base: string | null;
}

const corrections = z.array(correctionEntry);

function shownOf(row: Row): DeskWorkflow {
  const spikedFrom = workflowState.safeParse(row.spiked_from);
  const parsed = corrections.safeParse(JSON.parse(row.corrections ?? '[]'));
  return {
    status: stateOf(row.status as Parameters<typeof stateOf>[0]),
    assignee: row.assignee,
    deadline: row.deadline,
    holder: row.holder,
    heldSince: row.held_since,
    publishAt: row.publish_at,
    publishedAt: row.published_at,
    spikedFrom: spikedFrom.success ? spikedFrom.data : null,
    corrections: parsed.success ? (parsed.data as CorrectionEntry[]) : [],
    pendingUpdate: row.pending_update === 1,
    statusSince: row.status_since,
  };
}

/** The server's workflow of a pulled story; an older server sends none, so it follows from the story alone. */
function serverWorkflow(stored: StoredStoryWire, since: string | null): DeskWorkflow {
  const { story } = stored;
  if (stored.workflow) return { ...stored.workflow, statusSince: since };
  return {
    status: stateOf(story.status),
    assignee: story.assignee,
    deadline: null,
    holder: null,
    heldSince: null,
    publishAt: story.publishAt,
    publishedAt: story.publishedAt,
    spikedFrom: null,
    corrections: [],
    pendingUpdate: false,
    statusSince: since,
  };
}

export class StoryWorkflows {
  private readonly s: ReturnType<typeof prepareStatements>;

  constructor(
    db: Database,
    private readonly outbox: Outbox,
  ) {
    this.s = prepareStatements(db);
  }

  view(storyId: string): StoryWorkflowView | null {
    const row = this.s.get.get(storyId) as Row | undefined;
    if (!row) return null;
    return { workflow: shownOf(row), pending: this.outbox.unansweredTransitions(storyId) };
  }

  /** What the list rows show, for a page of stories. */
  listed(ids: readonly string[]): Map<string, ListWorkflow> {
    const rows = this.s.listed.all(JSON.stringify(ids)) as Array<{
      id: string;
      assignee: string | null;
      deadline: string | null;
      holder: string | null;
      held_since: string | null;
      status_since: string | null;
      publish_at: string | null;
      published_at: string | null;
      pending: 0 | 1;
    }>;
    return new Map(
      rows.map((r) => [
        r.id,
        {
          assignee: r.assignee,
          deadline: r.deadline,
          holder: r.holder,
          heldSince: r.held_since,
          statusSince: r.status_since,
          publishAt: r.publish_at,
          publishedAt: r.published_at,
          pending: r.pending === 1,
        },
      ]),
    );
  }

  /**
   * The server's workflow of a pulled (or conflicting) copy, taken when its
   * change is newer than the last one taken. True when what is shown changed.
   */
  take(stored: StoredStoryWire): boolean {
    const id = stored.story.id;
    const row = this.s.get.get(id) as Row | undefined;
    if (!row || stored.seq <= (row.seq ?? 0)) return false;
    const confirmed = row.base === null ? shownOf(row) : deskWorkflow.parse(JSON.parse(row.base));
    const status = stored.workflow?.status ?? stateOf(stored.story.status);
    // A transition moves updatedAt on the server: the best word the desk has for "since when".
    const since = row.seq === null || confirmed.status !== status ? stored.story.updatedAt : confirmed.statusSince;
    // Transitions the server applied and now shows back are done with.
    this.outbox.forgetApplied(id, stored.seq);
    return this.write(row, serverWorkflow(stored, since), stored.seq);
  }

  /** After this desk queued a transition, or the server answered one: shows the result. */
  refresh(storyId: string): boolean {
    const row = this.s.get.get(storyId) as Row | undefined;
    if (!row) return false;
    const confirmed = row.base === null ? shownOf(row) : deskWorkflow.parse(JSON.parse(row.base));
    return this.write(row, confirmed, row.seq ?? 0);
  }

  /** How many stories each of the desk's views holds; `publishedFrom` is the start of today in Hanoi. */
  counts(me: string | null, publishedFrom: string, now: string): { counts: Record<QueueName, number>; overdue: number } {
    const row = this.s.counts.get({ me: me ?? '', from: publishedFrom }) as Record<QueueName, number | null>;
    const assigned = me === null ? [] : (this.s.assigned.all(me) as Array<{ status: string; deadline: string | null; assignee: string | null }>);
    const overdue = assigned.filter((a) => isOverdue({ status: stateOf(a.status as Parameters<typeof stateOf>[0]), deadline: a.deadline, assignee: a.assignee }, now)).length;
    const counts = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v ?? 0])) as Record<QueueName, number>;
    return { counts, overdue };
  }

  private write(row: Row, confirmed: DeskWorkflow, seq: number): boolean {
    const before = shownOf(row);
    const transitions = this.outbox.queuedTransitions(row.id);
    const shown = transitions.length === 0 ? confirmed : this.replay(row, confirmed, transitions);
    this.s.setStory.run({ id: row.id, status: shown.status, assignee: shown.assignee, publishAt: shown.publishAt, publishedAt: shown.publishedAt });
    this.s.setWorkflow.run({
      id: row.id,
      deadline: shown.deadline,
      holder: shown.holder,
      heldSince: shown.heldSince,
      spikedFrom: shown.spikedFrom,
      corrections: JSON.stringify(shown.corrections),
      pendingUpdate: shown.pendingUpdate ? 1 : 0,
      statusSince: shown.statusSince,
      seq,
      base: transitions.length === 0 ? null : JSON.stringify(confirmed),
    });
    return !sameJson(before, shown);
  }

  /** Only a story with transitions waiting needs its text read (a pull of thousands of stories does not). */
  private replay(row: Row, confirmed: DeskWorkflow, transitions: ReturnType<Outbox['queuedTransitions']>): DeskWorkflow {
    const content = contentFromRow(this.s.content.get(row.id) as ContentRow);
    return replayTransitions(confirmed, { ...content, id: row.id, author: row.author }, transitions, this.outbox.hasUnsentText(row.id));
  }
}

function prepareStatements(db: Database) {
  return {
    get: db.prepare(`
      SELECT s.id, s.status, s.author, s.assignee, s.publish_at, s.published_at, s.updated_at,
             w.deadline, w.holder, w.held_since, w.spiked_from, w.corrections, w.pending_update, w.status_since, w.seq, w.base
      FROM stories s LEFT JOIN story_workflow w ON w.story_id = s.id WHERE s.id = ?`),
    content: db.prepare('SELECT headline, sapo, byline, section, tags, slug, related, body FROM stories WHERE id = ?'),
    listed: db.prepare(`
      SELECT s.id, s.assignee, s.publish_at, s.published_at, w.deadline, w.holder, w.held_since, w.status_since,
             EXISTS (SELECT 1 FROM outbox o WHERE o.story_id = s.id AND o.kind = 'transition' AND o.state IN ('pending', 'in_flight')) AS pending
      FROM stories s LEFT JOIN story_workflow w ON w.story_id = s.id
      WHERE s.id IN (SELECT value FROM json_each(?))`),
    setStory: db.prepare('UPDATE stories SET status = @status, assignee = @assignee, publish_at = @publishAt, published_at = @publishedAt WHERE id = @id'),
    setWorkflow: db.prepare(`
      INSERT INTO story_workflow (story_id, deadline, holder, held_since, spiked_from, corrections, pending_update, status_since, seq, base)
      VALUES (@id, @deadline, @holder, @heldSince, @spikedFrom, @corrections, @pendingUpdate, @statusSince, @seq, @base)
      ON CONFLICT (story_id) DO UPDATE SET deadline = excluded.deadline, holder = excluded.holder, held_since = excluded.held_since,
        spiked_from = excluded.spiked_from, corrections = excluded.corrections, pending_update = excluded.pending_update,
        status_since = excluded.status_since, seq = excluded.seq, base = excluded.base`),
    counts: db.prepare(`
      SELECT count(*) FILTER (WHERE status = 'submitted') AS submitted,
             count(*) FILTER (WHERE status = 'editing') AS editing,
             count(*) FILTER (WHERE status = 'returned') AS returned,
             count(*) FILTER (WHERE status = 'approved') AS approved,
             count(*) FILTER (WHERE status = 'scheduled') AS scheduled,
             count(*) FILTER (WHERE status IN ('published', 'corrected') AND published_at >= @from) AS publishedToday,
             count(*) FILTER (WHERE author = @me) AS mine,
             count(*) FILTER (WHERE assignee = @me) AS assigned
      FROM stories WHERE deleted_at IS NULL`),
    assigned: db.prepare(`
      SELECT s.status, s.assignee, w.deadline FROM stories s JOIN story_workflow w ON w.story_id = s.id
      WHERE s.assignee = ? AND s.deleted_at IS NULL AND w.deadline IS NOT NULL`),
  };
}
