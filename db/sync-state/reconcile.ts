// What the desktop does with what the server says: answers to pushed ops, and
// pulled versions. The rules, in one place:
//
//   applied, duplicate  the story is now based on the answer's rev; an applied
//                       transition changes no rev and stays as 'applied' until
//                       a pulled copy shows its effect.
//   conflict            both texts are kept: the server's version becomes the
//                       story's base (rev), the local text stays the story's
//                       text and is recorded in sync_conflicts; the story's
//                       unsent ops are dropped (their text is the story's text)
//                       and later ones wait until the user chooses.
//   rejected            the op leaves the queue for good, with the reason; a
//                       refused transition no longer shows: the desk shows the
//                       server's state.
//   pulled version      its workflow is taken at once when its change is newer
//                       (whatever waits here); its text is applied at once when
//                       none of the story's text is waiting
//                       here; kept aside while ops of the story are unanswered
//                       (applied once they are, if still newer); fed into the
//                       open conflict when there is one; and a conflict of its
//                       own when the local text was refused by the server.
//
// Every method runs inside the caller's transaction.
import type { Database } from 'better-sqlite3';
import { storedStoryWire, type StoredStoryWire } from '../../core/sync';
import type { ConflictStore } from './conflicts';
import { sameContent, type LocalCopy } from '../stories/server-copy';
import type { Outbox, OutboxKind } from '../outbox/outbox';
import type { StoryWorkflows } from '../stories/workflow';

/** What the server answered to one applied op. */
export interface AppliedAnswer {
  kind: OutboxKind;
  rev: number;
  /** The change number of an `applied` answer; null for `duplicate`, which has none. */
  seq: number | null;
}

export class Reconciler {
  private readonly s: ReturnType<typeof prepareStatements>;
  /** Stories whose text or state here changed since the last takeTouched(). */
  private touched = new Set<string>();

  constructor(
    db: Database,
    private readonly outbox: Outbox,
    private readonly copy: LocalCopy,
    private readonly conflicts: ConflictStore,
    private readonly workflows: StoryWorkflows,
  ) {
    this.s = prepareStatements(db);
  }

  /** `account`: who pushed; the server writes a story it did not have yet under that account. */
  applied(opId: string, storyId: string, answer: AppliedAnswer, account: string): void {
    if (answer.kind === 'transition') {
      // A transition changes no text, so it never moves the story's base: text
      // waiting here must still meet any edit the server has since.
      this.outbox.markApplied(opId, answer.seq ?? 0);
      this.outbox.clearDead(storyId, 'transition');
      return;
    }
    this.outbox.remove(opId);
    this.outbox.clearDead(storyId);
    const local = this.copy.revs(storyId);
    // Revisions only go up: an old op's duplicate answer never moves a story back.
    if (local && answer.rev >= local.baseRev) this.copy.setRevs(storyId, answer.rev, local.rev === 0 ? account : null);
  }

  conflicted(opId: string, storyId: string, server: StoredStoryWire): void {
    this.outbox.remove(opId);
    const local = this.copy.state(storyId);
    if (!local) return;
    if (this.workflows.take(server)) this.touched.add(storyId);
    this.copy.setRevs(storyId, server.story.rev);
    const serverTrashed = server.trashedAt !== null;
    if (local.trashed === serverTrashed && sameContent(local.content, server.story)) {
      // Both sides made the same change: nothing to choose between.
      this.outbox.clearDead(storyId);
      return;
    }
    this.outbox.dropUnsent(storyId);
    this.conflicts.record(storyId, local, server);
    this.touched.add(storyId);
  }

  rejected(opId: string, storyId: string, message: string): void {
    this.outbox.kill(opId, message);
    // A refused transition drops out of what the desk shows.
    if (this.workflows.refresh(storyId)) this.touched.add(storyId);
  }

  pulled(change: StoredStoryWire): void {
    const id = change.story.id;
    if (this.workflows.take(change)) this.touched.add(id);
    const open = this.conflicts.open(id);
    if (open) {
      if (change.story.rev > open.serverRev) {
        this.conflicts.updateServer(id, change);
        this.copy.setRevs(id, change.story.rev);
      }
      return;
    }
    if (this.outbox.hasUnsentText(id)) {
      this.s.keep.run({ storyId: id, rev: change.story.rev, stored: JSON.stringify(change) });
      return;
    }
    this.applyNewer(change);
  }

  /** After answers: a story with nothing left unanswered takes the version pulled meanwhile, if newer. */
  settle(storyIds: Iterable<string>): void {
    for (const id of new Set(storyIds)) {
      if (this.outbox.hasUnsentText(id) || this.conflicts.open(id)) continue;
      const kept = this.s.take.get(id) as { stored: string } | undefined;
      if (!kept) continue;
      this.s.forget.run(id);
      this.applyNewer(storedStoryWire.parse(JSON.parse(kept.stored)));
    }
  }

  private applyNewer(change: StoredStoryWire): void {
    const id = change.story.id;
    const revs = this.copy.revs(id);
    if (revs && change.story.rev <= revs.baseRev) return;
    const local = revs ? this.copy.state(id) : null;
    if (local && this.outbox.hasDeadText(id)) {
      // The text here was refused by the server and the server moved on: show both.
      this.copy.setRevs(id, change.story.rev);
      this.conflicts.record(id, local, change);
      this.touched.add(id);
      return;
    }
    this.copy.applyPulledCopy(change);
    this.touched.add(id);
  }

  takeTouched(): string[] {
    const ids = [...this.touched];
    this.touched = new Set();
    return ids;
  }
}

function prepareStatements(db: Database) {
  return {
    keep: db.prepare(`
      INSERT INTO sync_pulled (story_id, rev, stored) VALUES (@storyId, @rev, @stored)
      ON CONFLICT (story_id) DO UPDATE SET rev = excluded.rev, stored = excluded.stored WHERE excluded.rev > sync_pulled.rev`),
    take: db.prepare('SELECT stored FROM sync_pulled WHERE story_id = ?'),
    forget: db.prepare('DELETE FROM sync_pulled WHERE story_id = ?'),
  };
}
