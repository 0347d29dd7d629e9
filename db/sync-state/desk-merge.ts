// The desk merges by itself. When this desk and the server both changed a
// story since the text they last agreed on (its merge base), the two versions
// are merged three ways (core/merge) and nobody is asked about edits that do
// not overlap:
//
//   - the merged text becomes the story's text as a 'merge' revision naming
//     both parents (the desk's latest revision and the server's revision),
//     and goes up based on the server's revision, so the server takes it;
//   - where both changed one block (or field) differently, the text holds one
//     side for now and the place waits in merge_conflicts with base, mine and
//     theirs, for the person to settle ("giữ của tôi / của họ / cả hai");
//   - an edit beats a deletion: a story trashed on one side and edited on the
//     other comes back with the merged text (trashing it again is one click;
//     typing lost would be for ever). A trash with no edit against it stands.
//
// The story's workflow status is never touched: a merge is about the text.
// Runs inside the caller's transaction.
import { commonBase, mergeStoryContent } from '../../core/merge';
import { withLoadedBlockIds, type StoryContent } from '../../core/story';
import type { StoredStoryWire } from '../../core/sync';
import type { Outbox } from '../outbox/outbox';
import { contentOf, sameContent, type LocalCopy } from '../stories/server-copy';
import type { StoryStore } from '../stories/story-store';
import type { MergeBases } from './bases';
import type { ConflictStore } from './conflicts';

/** Same text, block ids given as on load (a body from an older server may have none). */
function sameText(a: StoryContent, b: StoryContent): boolean {
  return sameContent({ ...a, body: withLoadedBlockIds(a.body) }, { ...b, body: withLoadedBlockIds(b.body) });
}

export class DeskMerger {
  constructor(
    private readonly stories: StoryStore,
    private readonly copy: LocalCopy,
    private readonly outbox: Outbox,
    private readonly bases: MergeBases,
    private readonly conflicts: ConflictStore,
  ) {}

  /**
   * Merges the story here with the server's version `server`; `author` signs
   * the merge revision. Afterwards the story is based on the server's revision.
   * `at`: the queue place of the change that conflicted; what goes up takes it.
   */
  merge(storyId: string, server: StoredStoryWire, author: string, at: number | null = null): void {
    const local = this.copy.state(storyId);
    if (!local) return;
    const theirs = contentOf(server.story);
    const serverTrashed = server.trashedAt !== null;
    const base = this.bases.get(storyId)?.content ?? commonBase(local.content, theirs);
    // Whatever waited to go up is in the story's text, which is merged now and goes up again below.
    this.outbox.dropUnsent(storyId);
    this.outbox.clearDead(storyId);

    // A trash with no edit against it stands, on either side.
    if (serverTrashed && (local.trashed || sameText(local.content, base))) {
      this.takeServer(server);
      return;
    }
    if (local.trashed && !serverTrashed && sameText(theirs, base)) {
      this.rebase(storyId, server);
      this.outbox.delete(storyId);
      this.goUpFirst(storyId, at);
      return;
    }
    const { merged, conflicts } = mergeStoryContent(base, local.content, theirs);
    this.conflicts.record(storyId, server.story.rev, conflicts);
    if (!serverTrashed && sameText(merged, theirs)) {
      // Everything of this desk's is in the server's version already.
      this.takeServer(server);
      return;
    }
    this.rebase(storyId, server);
    if (local.trashed) this.stories.restoreForMerge(storyId);
    if (!sameText(merged, local.content)) this.stories.saveMerge(storyId, merged, { author, serverRev: server.story.rev });
    // The merge is this desk's text: it goes up as it is, now on the server's revision.
    else this.stories.queueUpsert(storyId);
    this.goUpFirst(storyId, at);
  }

  /**
   * The merge goes up where the change it merged stood (`at`), ahead of what was
   * queued after that change; with no such place (a refused text, an older
   * desk's conflict), ahead of the actions waiting, which were taken on this text.
   */
  private goUpFirst(storyId: string, at: number | null): void {
    if (at !== null) this.outbox.moveNewestTo(storyId, at);
    else this.outbox.moveTransitionsLast(storyId);
  }

  /** From here on the story is based on the server's version: its revision, its text as the merge base. */
  private rebase(storyId: string, server: StoredStoryWire): void {
    this.copy.setRevs(storyId, server.story.rev);
    this.bases.set(storyId, server.story.rev, contentOf(server.story));
  }

  private takeServer(server: StoredStoryWire): void {
    this.copy.applyPulledCopy(server);
    this.bases.set(server.story.id, server.story.rev, contentOf(server.story));
  }
}
