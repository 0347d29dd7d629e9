// Imported archive teasers claim only what is true: they are reference stories
// on the desk that imported them. With a real server: the article goes up, the
// 17 teasers never do, not even after they are edited, trashed or restored;
// they are in no status of the workflow, and a store from before the rule has
// its teasers marked the same way.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentOf } from '../../db';
import { loadMigrations, migrate } from '../../db/migrate';
import { makeTempDir } from '../helpers/db-temp';
import { sampleBytes } from '../helpers/e2e/samples';
import { openDesk, waitSynced, type Desk } from '../helpers/sync-desk';
import { PASSWORD, REPORTER, startDeskServer, type DeskServer } from '../helpers/sync-server';

const LDLD = 'ldld-hai-ba-trung-doi-moi.txt';

let server: DeskServer;
let desk: Desk;

beforeAll(async () => {
  server = await startDeskServer();
  desk = await openDesk({ userName: 'Phóng viên' });
  await desk.service.call('sync.signIn', { serverUrl: server.url, username: REPORTER.username, password: PASSWORD });
});

afterAll(async () => {
  await desk?.close();
  await server?.close();
});

const onServer = async (): Promise<string[]> => (await server.query<{ id: string }>('SELECT id FROM stories ORDER BY id')).map((r) => r.id);

describe('an import with teasers', () => {
  it('sends the article and keeps the 17 teasers on this desk, labelled as reference', async () => {
    const { storyId, teaserIds } = await desk.service.call('import.create', {
      fileName: LDLD,
      bytes: sampleBytes(LDLD).toString('base64'),
      withTeasers: true,
    });
    expect(teaserIds).toHaveLength(17);
    await waitSynced(desk.service);
    expect(await onServer()).toEqual([storyId]);

    const { items } = await desk.service.call('stories.list', { limit: 500 });
    expect(items.filter((item) => item.localOnly).map((item) => item.id).sort()).toEqual([...teaserIds].sort());
    expect(items.find((item) => item.id === storyId)?.localOnly).toBeUndefined();
    // In no status of the workflow: no filter lists them, "published" least of all.
    for (const status of ['published', 'draft'] as const) {
      const filtered = await desk.service.call('stories.list', { status, limit: 500 });
      expect(filtered.items.filter((item) => teaserIds.includes(item.id))).toEqual([]);
    }
    expect((await desk.service.call('stories.list', { status: 'draft', limit: 500 })).items.map((i) => i.id)).toEqual([storyId]);
  });

  it('never sends a teaser, whatever is done to it', async () => {
    const { items } = await desk.service.call('stories.list', { limit: 500 });
    const teaser = items.find((item) => item.localOnly);
    if (!teaser) throw new Error('no teaser');
    const story = await desk.service.call('stories.get', { id: teaser.id });
    await desk.service.call('stories.autosave', { id: teaser.id, content: { ...contentOf(story), sapo: `${story.sapo} Ghi chú của phóng viên.` } });
    await desk.service.call('stories.save', { id: teaser.id, content: { ...contentOf(story), section: 'Công đoàn' } });
    await desk.service.call('stories.trash', { id: teaser.id });
    await desk.service.call('stories.restore', { id: teaser.id });
    const status = await waitSynced(desk.service);
    expect(status).toMatchObject({ pending: 0, lastError: null });
    expect(await desk.service.call('sync.problems', {})).toEqual({ refused: [], setAside: [] });
    expect(await onServer()).toHaveLength(1);
    // And after the desk starts again, nothing "unannounced" is found in them either.
    await desk.reopen();
    await desk.service.call('sync.signIn', { serverUrl: server.url, username: REPORTER.username, password: PASSWORD });
    await waitSynced(desk.service);
    expect(await onServer()).toHaveLength(1);
  });
});

describe('a store from before the teaser rule', () => {
  it('has its teasers, stored as published though no server had them, marked as reference', () => {
    const dir = makeTempDir();
    try {
      const db = new Database(dir.file('old.db'));
      const migrations = loadMigrations();
      migrate(db, migrations.slice(0, 6));
      const insert = db.prepare(
        `INSERT INTO stories (id, status, author, headline, created_at, updated_at, rev, base_rev, body) VALUES (?, ?, 'hphong', ?, 't', 't', ?, ?, '{}')`,
      );
      insert.run('teaser', 'published', 'Không gian xanh hòa vào nhịp sống Thủ đô', 0, 0);
      insert.run('pulled', 'published', 'Bài đã đăng trên máy chủ', 3, 3);
      insert.run('mine', 'draft', 'Bài nháp của tôi', 0, 0);
      migrate(db, migrations);
      expect(db.prepare('SELECT id, status, local_only FROM stories ORDER BY id').all()).toEqual([
        { id: 'mine', status: 'draft', local_only: 0 },
        { id: 'pulled', status: 'published', local_only: 0 },
        { id: 'teaser', status: 'draft', local_only: 1 },
      ]);
      db.close();
    } finally {
      dir.remove();
    }
  });
});
