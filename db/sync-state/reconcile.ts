// What the desktop does with what the server says: answers to pushed ops, and
// pulled versions. The rules, in one place:
//
//   applied, duplicate  the story is now based on the answer's rev, and the
//                       text the op sent is the merge base (./bases); an
//                       applied transition changes no rev and stays as
//                       'applied' until a pulled copy shows its effect.
//   conflict            the server's version and the text here are merged
//                       (./desk-merge): what does not overlap merges by itself
//                       and goes up on the server's rev; overlapping edits to
//                       one block wait as conflicts of that block alone. The
//                       workflow is the server's, and the merge never moves it.
//   rejected            the op leaves the queue for good, with the reason; a
//                       refused transition no longer shows: the desk shows the
//                       server's state.
//   pulled version      its workflow is taken at once when its change is newer
//                       (whatever waits here); its text is applied at once when
//                       none of the story's text is waiting here (it is then
//                       the merge base too); kept aside while text of the story
//                       is unanswered (its answer merges, or it is applied once
//                       it is, if still newer); and merged when the local text
//                       was refused by the server.
//
// Every method runs inside the caller's transaction.
import type { Database } from 'better-sqlite3';
import { storedStoryWire, type StoredStoryWire } from '../../core/sync';
import type { ConflictStore } from './conflicts';
import { contentOf, type LocalCopy } from '../stories/server-copy';
import type { Outbox, OutboxKind } from '../outbox/outbox';
import type { StoryWorkflows } from '../stories/workflow';
import type { MergeBases } from './bases';
import type { DeskMerger } from './desk-merge';

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
    private readonly bases: MergeBases,
    private readonly merger: DeskMerger,
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
    const local = this.copy.revs(storyId);
    // Revisions only go up: an old op's duplicate answer never moves a story back.
    if (local && answer.rev >= local.baseRev) {
      this.copy.setRevs(storyId, answer.rev, local.rev === 0 ? account : null);
      this.bases.setFromOp(storyId, opId, answer.rev);
    }
    this.outbox.remove(opId);
    this.outbox.clearDead(storyId);
  }

  /** `account`: who is signed in here; the merge revision, if one is written, is theirs. */
  conflicted(opId: string, storyId: string, server: StoredStoryWire, account: string): void {
    const at = this.outbox.seqOf(opId);
    this.outbox.remove(opId);
    if (!this.copy.revs(storyId)) return;
    this.workflows.take(server);
    this.merger.merge(storyId, server, account, at);
    this.touched.add(storyId);
  }

  rejected(opId: string, storyId: string, message: string): void {
    this.outbox.kill(opId, message);
    // A refused transition drops out of what the desk shows.
    if (this.workflows.refresh(storyId)) this.touched.add(storyId);
  }

  /** `account`: who is signed in here (see conflicted). */
  pulled(change: StoredStoryWire, account: string): void {
    const id = change.story.id;
    if (this.workflows.take(change)) this.touched.add(id);
    if (this.outbox.hasUnsentText(id)) {
      this.s.keep.run({ storyId: id, rev: change.story.rev, stored: JSON.stringify(change) });
      return;
    }
    this.applyNewer(change, account);
  }

  /** After answers: a story with nothing left unanswered takes the version pulled meanwhile, if newer. */
  settle(storyIds: Iterable<string>, account: string): void {
    for (const id of new Set(storyIds)) {
      if (this.outbox.hasUnsentText(id)) continue;
      const kept = this.s.take.get(id) as { stored: string } | undefined;
      if (!kept) continue;
      this.s.forget.run(id);
      this.applyNewer(storedStoryWire.parse(JSON.parse(kept.stored)), account);
    }
  }

  /**
   * Stories kept as two whole versions before this desk could merge: merged
   * now, once, as a conflicted push would be (`author` signs the merges).
   */
  mergeLegacyConflicts(author: string): void {
    for (const legacy of this.conflicts.legacyOpen()) {
      this.s.forget.run(legacy.storyId);
      this.merger.merge(legacy.storyId, legacy.server, author);
      this.conflicts.closeLegacy(legacy.id);
      this.touched.add(legacy.storyId);
    }
  }

  private applyNewer(change: StoredStoryWire, account: string): void {
    const id = change.story.id;
    const revs = this.copy.revs(id);
    if (revs && change.story.rev <= revs.baseRev) return;
    if (revs && this.outbox.hasDeadText(id)) {
      // The text here was refused by the server and the server moved on: the two are merged, and the merge goes up.
      this.merger.merge(id, change, account);
      this.touched.add(id);
      return;
    }
    this.copy.applyPulledCopy(change);
    this.bases.set(id, change.story.rev, contentOf(change.story));
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
