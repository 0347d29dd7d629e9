// The outbox as story writes fill it, through the app service and a real
// SQLite store (no server): each write adds or updates its op in the same
// transaction; autosaves coalesce into an op that has never left; a save seals
// its op; an op that may have reached the server is never rewritten.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleLines, sampleText } from '../helpers/db-story-content';
import { openDesk, storyText, type Desk } from '../helpers/sync-desk';

const { paragraphs } = sampleLines();

interface OpRow {
  op_id: string;
  kind: string;
  sealed: number;
  state: string;
  attempts: number;
  sapo: string | null;
}

let desk: Desk;
beforeEach(async () => {
  desk = await openDesk();
});
afterEach(async () => {
  await desk.close();
});

/** The store as another program sees it: committed rows only. */
function withStore<T>(read: (db: Database.Database) => T): T {
  const db = new Database(desk.service.storePath);
  try {
    db.pragma('busy_timeout = 5000');
    return read(db);
  } finally {
    db.close();
  }
}

const ops = (storyId: string): OpRow[] =>
  withStore((db) =>
    db
      .prepare(
        "SELECT op_id, kind, sealed, state, attempts, json_extract(payload, '$.sapo') AS sapo FROM outbox WHERE story_id = ? ORDER BY seq",
      )
      .all(storyId) as OpRow[],
  );

describe('the outbox', () => {
  it('coalesces autosaves, seals on save, and keeps one op per save', async () => {
    const { service } = desk;
    const story = await service.call('stories.create', { content: storyText(1, 0, paragraphs) });
    for (const edit of [1, 2, 3]) await service.call('stories.autosave', { id: story.id, content: storyText(1, edit, paragraphs) });
    expect(ops(story.id)).toEqual([expect.objectContaining({ kind: 'upsert', sealed: 0, sapo: storyText(1, 3, paragraphs).sapo })]);

    await service.call('stories.save', { id: story.id, content: storyText(1, 4, paragraphs) });
    await service.call('stories.autosave', { id: story.id, content: storyText(1, 5, paragraphs) });
    await service.call('stories.autosave', { id: story.id, content: storyText(1, 6, paragraphs) });
    const after = ops(story.id);
    expect(after.map((op) => [op.sealed, op.sapo])).toEqual([
      [1, storyText(1, 4, paragraphs).sapo],
      [0, storyText(1, 6, paragraphs).sapo],
    ]);
    expect((await service.call('sync.status', {})).pending).toBe(2);
  });

  it('never rewrites an op that may have reached the server', async () => {
    const { service } = desk;
    const story = await service.call('stories.create', { content: storyText(2, 0, paragraphs) });
    const [sent] = ops(story.id);
    // As the worker leaves it when an answer is lost: sent once, back in the queue.
    withStore((db) => db.prepare("UPDATE outbox SET attempts = 1 WHERE op_id = ?").run(sent?.op_id));
    await service.call('stories.autosave', { id: story.id, content: storyText(2, 1, paragraphs) });
    const after = ops(story.id);
    expect(after).toHaveLength(2);
    expect(after[0]).toMatchObject({ op_id: sent?.op_id, sapo: storyText(2, 0, paragraphs).sapo });
    expect(after[1]?.sapo).toBe(storyText(2, 1, paragraphs).sapo);
  });

  it('sends trash as a delete once, and a restore as the story again', async () => {
    const { service } = desk;
    const story = await service.call('stories.create', { content: storyText(3, 0, paragraphs) });
    await service.call('stories.trash', { id: story.id });
    await service.call('stories.trash', { id: story.id });
    await service.call('stories.restore', { id: story.id });
    expect(ops(story.id).map((op) => op.kind)).toEqual(['upsert', 'delete', 'upsert']);
  });

  it('adds no op when the write itself fails', async () => {
    const { service } = desk;
    const story = await service.call('stories.create', { content: storyText(4, 0, paragraphs) });
    await service.call('stories.trash', { id: story.id });
    const before = ops(story.id);
    await expect(service.call('stories.save', { id: story.id, content: storyText(4, 1, paragraphs) })).rejects.toMatchObject({
      code: 'STORY_IN_TRASH',
    });
    expect(ops(story.id)).toEqual(before);
  });

  it('queues the article of an import, not its archive teasers', async () => {
    const { service } = desk;
    const bytes = Buffer.from(sampleText('ldld-hai-ba-trung-doi-moi.txt')).toString('base64');
    const { storyId, teaserIds } = await service.call('import.create', { fileName: 'ldld.txt', bytes, withTeasers: true });
    expect(teaserIds.length).toBeGreaterThan(0);
    expect(ops(storyId).map((op) => op.kind)).toEqual(['upsert']);
    for (const id of teaserIds) expect(ops(id)).toEqual([]);
  });

  it('queues, once, stories another program wrote into the store', async () => {
    const id = withStore((db) => {
      const row = db.prepare('SELECT id FROM stories LIMIT 1').get() as { id: string } | undefined;
      return row?.id ?? null;
    });
    expect(id).toBeNull();
    const created = await desk.service.call('stories.create', { content: storyText(5, 0, paragraphs) });
    // As if written before the outbox existed: the story is there, its op is not.
    withStore((db) => db.prepare('DELETE FROM outbox').run());
    await desk.reopen();
    expect(ops(created.id).map((op) => op.kind)).toEqual(['upsert']);
    await desk.reopen();
    expect(ops(created.id)).toHaveLength(1);
  });
});
