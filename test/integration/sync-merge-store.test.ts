// The desk's side of merging, on a real SQLite store and no server: the merge
// base follows what the desk and the server agreed on; a conflicted push is
// merged (from the base, or from what both versions share when no base was
// kept) and the merge goes up as a 'merge' revision naming both parents; an
// edit beats a deletion and a trash with no edit against it stands; whole
// second versions kept by an older desk are merged once at start.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings, LocalStore, type StoredStory } from '../../db';
import { contentOf } from '../../db/stories/server-copy';
import type { StoryContent } from '../../core/story';
import type { StoredStoryWire } from '../../core/sync';
import type { ServiceContext } from '../../service/context';
import { ServiceEvents } from '../../service/events';
import { resolveConflict } from '../../service/sync/resolve';
import { makeTempDir, type TempDir } from '../helpers/db-temp';
import { baseStory, blockTexts, edited } from '../helpers/merge-desks';

const ME = 'bientap.lan';
let temp: TempDir;
let store: LocalStore;

beforeEach(() => {
  temp = makeTempDir();
  store = new LocalStore(temp.file('store.db'), { defaultSettings: defaultSettings(ME) });
});
afterEach(() => {
  store.close();
  temp.remove();
});

/** What the server would send back for the story at `rev` with this text. */
function serverCopy(story: StoredStory, rev: number, content: StoryContent, trashed = false): StoredStoryWire {
  const { wordCount: _w, deletedAt: _d, localOnly: _l, ...fields } = story;
  return { story: { ...fields, ...content, rev, baseRev: rev, author: 'hphong' }, seq: rev, trashedAt: trashed ? '2025-03-01T09:00:00.000Z' : null };
}

/** A story the desk and the server agree on at rev 1: created here, pushed, applied. */
function agreedStory(n = 0): StoredStory {
  const created = store.stories.create(baseStory(n), { author: ME });
  const [op] = store.outbox.nextBatch(10, 1_000_000);
  store.transaction(() => store.reconciler.applied(op?.opId ?? '', created.id, { kind: 'upsert', rev: 1, seq: null }, ME));
  const story = store.stories.get(created.id);
  if (!story) throw new Error('no story');
  return story;
}

/** The server answers the next op of the story with `conflict`, carrying `server`; returns that op's place in the queue. */
function conflictWith(storyId: string, server: StoredStoryWire): number | null {
  const op = store.outbox.nextBatch(10, 1_000_000).find((o) => o.storyId === storyId);
  if (!op) throw new Error('nothing to push');
  const at = store.outbox.seqOf(op.opId);
  store.outbox.markInFlight([op.opId]);
  store.transaction(() => store.reconciler.conflicted(op.opId, storyId, server, ME));
  return at;
}

/** Writes to the store as another program (an older desk) would. */
function raw<T>(work: (db: Database.Database) => T): T {
  const db = new Database(temp.file('store.db'));
  try {
    return work(db);
  } finally {
    db.close();
  }
}

const queued = (storyId: string) => store.outbox.nextBatch(10, 1_000_000).filter((op) => op.storyId === storyId);

describe('the merge base', () => {
  it('is the text an applied push sent, at the rev it made, and a pulled copy taken', () => {
    const story = agreedStory();
    expect(store.bases.get(story.id)).toEqual({ rev: 1, content: contentOf(story) });
    const pulled = edited(contentOf(story), { headline: 'Tít do ban biên tập đặt' });
    store.transaction(() => store.reconciler.pulled(serverCopy(story, 2, pulled), ME));
    expect(store.bases.get(story.id)).toEqual({ rev: 2, content: pulled });
  });

  it('stays where it was while a change here waits, and a pulled version is kept aside', () => {
    const story = agreedStory();
    store.stories.save(story.id, edited(contentOf(story), { headline: 'Tít của tôi' }), { author: ME });
    store.transaction(() => store.reconciler.pulled(serverCopy(story, 2, edited(contentOf(story), { headline: 'Tít của họ' })), ME));
    expect(store.bases.get(story.id)?.rev).toBe(1);
    expect(store.stories.get(story.id)?.headline).toBe('Tít của tôi');
  });
});

describe('a conflicted push', () => {
  it('merges from the base, saves a merge revision naming both parents, and sends it on the server’s rev', () => {
    const story = agreedStory();
    const b = blockTexts(story);
    const mine = store.stories.save(story.id, edited(contentOf(story), { blocks: { b1: `${b.b1} Của tôi.` } }), { author: ME });
    const theirs = edited(contentOf(story), { blocks: { b4: `${b.b4} Của họ.` } });
    // Another story's change waits behind this one: the merge goes up where the change it merged stood.
    store.stories.create(baseStory(1), { author: ME });
    const at = conflictWith(story.id, serverCopy(story, 2, theirs));

    const merged = store.stories.get(story.id);
    expect(blockTexts(merged ?? story)).toEqual({ ...b, b1: `${b.b1} Của tôi.`, b4: `${b.b4} Của họ.` });
    expect(merged).toMatchObject({ rev: 2, baseRev: 2, status: 'draft' });
    expect(store.stories.revisions(story.id)[0]).toMatchObject({ reason: 'merge', author: ME, mergedFrom: { revisionId: mine.revisionId, serverRev: 2 } });
    expect(store.stories.revision(store.stories.revisions(story.id)[0]?.id ?? '')?.mergedFrom).toEqual({ revisionId: mine.revisionId, serverRev: 2 });
    expect(queued(story.id)).toMatchObject([{ kind: 'upsert', baseRev: 2 }]);
    expect(store.outbox.seqOf(queued(story.id)[0]?.opId ?? '')).toBe(at);
    expect(store.bases.get(story.id)).toEqual({ rev: 2, content: theirs });
    expect(store.conflicts.openCount()).toBe(0);
  });

  it('merges from what both versions share when no base was kept, losing no word of either', () => {
    const story = agreedStory();
    const b = blockTexts(story);
    store.stories.save(story.id, edited(contentOf(story), { blocks: { b1: `${b.b1} Của tôi.` } }), { author: ME });
    // As after an upgrade with changes waiting: the desk knows no base for the story.
    raw((db) => db.prepare('DELETE FROM sync_bases').run());
    conflictWith(story.id, serverCopy(story, 2, edited(contentOf(story), { blocks: { b1: `${b.b1} Của họ.`, b4: `${b.b4} Của họ.` } })));
    // Without a base nobody can tell who changed a block both have differently: each such block waits,
    // with both texts; the story holds this desk's until someone chooses. Blocks both have alike merge.
    const after = blockTexts(store.stories.get(story.id) ?? story);
    expect(after).toEqual({ ...b, b1: `${b.b1} Của tôi.` });
    const conflicts = store.conflicts.list(story.id).map((c) => c.conflict);
    expect(conflicts).toMatchObject([
      { kind: 'block', blockId: 'b1', reason: 'both-added' },
      { kind: 'block', blockId: 'b4', reason: 'both-added' },
    ]);
    expect(conflicts.map((c) => JSON.stringify(c.kind === 'block' ? c.theirs : null))).toEqual([
      expect.stringContaining('Của họ.'),
      expect.stringContaining('Của họ.'),
    ]);
  });

  it('keeps an edit against a deletion: a story trashed here and edited there comes back with the edit', () => {
    const story = agreedStory();
    store.stories.trash(story.id);
    const theirs = edited(contentOf(story), { headline: 'Ban biên tập vẫn sửa bài này' });
    conflictWith(story.id, serverCopy(story, 2, theirs));
    expect(store.stories.get(story.id)).toMatchObject({ deletedAt: null, headline: 'Ban biên tập vẫn sửa bài này', rev: 2, baseRev: 2 });
    expect(queued(story.id)).toEqual([]);
  });

  it('keeps a trash with no edit against it, and sends it again on the server’s rev', () => {
    const story = agreedStory();
    store.stories.trash(story.id);
    conflictWith(story.id, serverCopy(story, 2, contentOf(story)));
    expect(store.stories.get(story.id)?.deletedAt).not.toBeNull();
    expect(queued(story.id)).toMatchObject([{ kind: 'delete', baseRev: 2 }]);
  });

  it('sends an edit made here against a story trashed there, which brings it back', () => {
    const story = agreedStory();
    store.stories.save(story.id, edited(contentOf(story), { headline: 'Tít sửa ở đây' }), { author: ME });
    conflictWith(story.id, serverCopy(story, 2, contentOf(story), true));
    expect(store.stories.get(story.id)).toMatchObject({ deletedAt: null, headline: 'Tít sửa ở đây', baseRev: 2 });
    expect(queued(story.id)).toMatchObject([{ kind: 'upsert', baseRev: 2 }]);
  });
});

describe('a desk upgraded with whole second versions waiting', () => {
  it('merges each once at start and closes it, with both texts kept in its row', () => {
    const story = agreedStory();
    const b = blockTexts(story);
    store.stories.save(story.id, edited(contentOf(story), { blocks: { b2: `${b.b2} Của tôi.` } }), { author: ME });
    const server = serverCopy(story, 2, edited(contentOf(story), { headline: 'Tít của họ' }));
    // As an older desk left it: the conflict row, the story already on the server's rev, its ops dropped.
    raw((db) => {
      db.prepare(
        `INSERT INTO sync_conflicts (id, story_id, created_at, local_content, local_trashed, server_rev, server_stored)
         VALUES ('01900000-0000-7000-8000-000000000001', ?, '2025-03-01T08:00:00.000Z', ?, 0, 2, ?)`,
      ).run(story.id, JSON.stringify(contentOf(story)), JSON.stringify(server));
      db.prepare('UPDATE stories SET rev = 2, base_rev = 2 WHERE id = ?').run(story.id);
      db.prepare('DELETE FROM outbox').run();
      db.prepare('DELETE FROM sync_bases').run();
    });

    store.transaction(() => store.reconciler.mergeLegacyConflicts(ME));
    // No base was kept: what the two versions have differently waits for a person, place by place.
    const merged = store.stories.get(story.id);
    expect(blockTexts(merged ?? story)).toEqual({ ...b, b2: `${b.b2} Của tôi.` });
    expect(store.conflicts.list(story.id).map((c) => (c.conflict.kind === 'block' ? c.conflict.blockId : c.conflict.field))).toEqual(['headline', 'b2']);
    expect(store.conflicts.list(story.id)[0]?.conflict).toMatchObject({ mine: story.headline, theirs: 'Tít của họ' });
    expect(queued(story.id)).toMatchObject([{ kind: 'upsert', baseRev: 2 }]);
    expect(raw((db) => db.prepare('SELECT resolved_at IS NOT NULL AS closed FROM sync_conflicts').get())).toEqual({ closed: 1 });
    store.transaction(() => store.reconciler.mergeLegacyConflicts(ME));
    expect(queued(story.id)).toHaveLength(1);
  });
});

describe('workflow actions around a merge', () => {
  const REPORTER = { username: ME, role: 'reporter' } as const;
  /** Every op of the story waiting to go up, in the order it will go. */
  const order = (storyId: string) =>
    raw((db) => db.prepare("SELECT kind FROM outbox WHERE story_id = ? AND state IN ('pending', 'in_flight') ORDER BY seq").pluck().all(storyId));

  it('sends the merge before an action taken after the change it merged', () => {
    const story = agreedStory();
    const b = blockTexts(story);
    store.stories.save(story.id, edited(contentOf(story), { blocks: { b1: `${b.b1} Của tôi.` } }), { author: ME });
    store.stories.transition(story.id, { action: 'submit' }, REPORTER);
    conflictWith(story.id, serverCopy(story, 2, edited(contentOf(story), { blocks: { b4: `${b.b4} Của họ.` } })));
    expect(order(story.id)).toEqual(['upsert', 'transition']);
  });

  it('settles a conflict after the actions already waiting, in the order the person acted', () => {
    const story = agreedStory();
    const b = blockTexts(story);
    store.stories.save(story.id, edited(contentOf(story), { blocks: { b2: `${b.b2} Của tôi.` } }), { author: ME });
    conflictWith(story.id, serverCopy(story, 2, edited(contentOf(story), { blocks: { b2: `${b.b2} Của họ.` } })));
    // The merge went up; then, offline, the reporter submits, and only then settles the paragraph.
    store.outbox.remove(queued(story.id)[0]?.opId ?? '');
    store.stories.transition(story.id, { action: 'submit' }, REPORTER);
    const [place] = store.conflicts.list(story.id);
    const context: ServiceContext = { store, stories: store.stories, settings: store.settings, events: new ServiceEvents(), clock: () => new Date() };
    resolveConflict(context, story.id, place?.id ?? '', 'both');
    expect(order(story.id)).toEqual(['transition', 'upsert']);
  });

  it('sends an older desk’s merge before the action it queued while the conflict waited', () => {
    const story = agreedStory();
    const b = blockTexts(story);
    store.stories.save(story.id, edited(contentOf(story), { blocks: { b2: `${b.b2} Của tôi.` } }), { author: ME });
    const server = serverCopy(story, 2, edited(contentOf(story), { headline: 'Tít của họ' }));
    raw((db) => {
      db.prepare(
        `INSERT INTO sync_conflicts (id, story_id, created_at, local_content, local_trashed, server_rev, server_stored)
         VALUES ('01900000-0000-7000-8000-000000000002', ?, '2025-03-01T08:00:00.000Z', ?, 0, 2, ?)`,
      ).run(story.id, JSON.stringify(contentOf(story)), JSON.stringify(server));
      db.prepare("DELETE FROM outbox WHERE kind <> 'transition'").run();
    });
    store.stories.transition(story.id, { action: 'submit' }, REPORTER);
    store.transaction(() => store.reconciler.mergeLegacyConflicts(ME));
    expect(order(story.id)).toEqual(['upsert', 'transition']);
  });
});
