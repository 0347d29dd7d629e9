// The server is stopped while a reporter writes 50 stories, each with several
// autosaves and saves. When the server comes back (same database, same port),
// the worker finds it by itself and pushes: afterwards the server has exactly
// those 50 stories with their latest text, every op once, and a second desktop
// of the same reporter pulls the same 50 stories at the same revisions.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayloads } from '../../core/api';
import type { Story, StoryContent } from '../../core/story';
import { contentOf } from '../../db/stories/server-copy';
import { sampleLines } from '../helpers/db-story-content';
import { openDesk, storyText, waitFor, waitSynced, type Desk } from '../helpers/sync-desk';
import { PASSWORD, REPORTER, startDeskServer, type DeskServer } from '../helpers/sync-server';

const { paragraphs } = sampleLines();
const STORIES = 50;

let server: DeskServer;
let laptop: Desk;
let desktop: Desk;

beforeAll(async () => {
  server = await startDeskServer();
  laptop = await openDesk();
  desktop = await openDesk();
});

afterAll(async () => {
  await laptop?.close();
  await desktop?.close();
  await server?.close();
});

function localOutbox(storePath: string): Array<{ op_id: string; story_id: string }> {
  const db = new Database(storePath, { readonly: true });
  try {
    return db.prepare("SELECT op_id, story_id FROM outbox WHERE state <> 'dead' ORDER BY seq").all() as Array<{
      op_id: string;
      story_id: string;
    }>;
  } finally {
    db.close();
  }
}

describe('offline, then the server comes back', () => {
  it('delivers 50 stories written offline once each, with their latest text', async () => {
    const onlineChanges: boolean[] = [];
    laptop.service.on('sync.state', (state: EventPayloads['sync.state']) => {
      if (onlineChanges.at(-1) !== state.online) onlineChanges.push(state.online);
    });
    await laptop.service.call('sync.signIn', { serverUrl: server.url, username: REPORTER.username, password: PASSWORD });
    expect(await waitSynced(laptop.service)).toMatchObject({ online: true, pending: 0 });

    await server.stop();
    const latest = new Map<string, StoryContent>();
    for (let n = 0; n < STORIES; n++) {
      const story = await laptop.service.call('stories.create', { content: storyText(n, 0, paragraphs) });
      let edit = 1;
      const autosave = async () => {
        const content = storyText(n, edit++, paragraphs);
        await laptop.service.call('stories.autosave', { id: story.id, content });
        latest.set(story.id, content);
      };
      const save = async () => {
        const content = storyText(n, edit++, paragraphs);
        await laptop.service.call('stories.save', { id: story.id, content });
        latest.set(story.id, content);
      };
      await autosave();
      await autosave();
      await save();
      await autosave();
      await autosave();
      await autosave();
      await save();
      if (n % 10 === 0) await autosave(); // a few stories end on an autosave
    }

    const offline = await waitFor('the worker to notice the server is gone', async () => {
      const status = await laptop.service.call('sync.status', {});
      return status.online ? null : status;
    });
    expect(offline.lastError).toMatch(/Không kết nối được tới máy chủ 127\.0\.0\.1/);
    // One op per explicit save, plus one for the autosaves after the last save: coalesced, never lost.
    const ops = localOutbox(laptop.service.storePath);
    expect(offline.pending).toBe(ops.length);
    expect(ops.length).toBe(STORIES * 2 + STORIES / 10);
    const opsPerStory = new Map<string, number>();
    for (const op of ops) opsPerStory.set(op.story_id, (opsPerStory.get(op.story_id) ?? 0) + 1);
    expect(opsPerStory.size).toBe(STORIES);

    // Back on the same port and database; the worker's own retries find it.
    await server.restart();
    const back = await waitFor('the worker to empty the outbox by itself', async () => {
      const status = await laptop.service.call('sync.status', {});
      return status.online && status.pending === 0 && !status.syncing ? status : null;
    });
    expect(back.lastError).toBeNull();
    expect(onlineChanges).toEqual([true, false, true]);
    await waitSynced(laptop.service);

    // The server: exactly these stories, each op applied once, the latest text.
    const applied = await server.query<{ op_id: string; story_id: string; rev: number | null }>(
      'SELECT o.op_id, o.story_id, o.rev FROM sync_ops o JOIN users u ON u.id = o.user_id WHERE u.username = ?',
      REPORTER.username,
    );
    expect(applied.map((op) => op.op_id).sort()).toEqual(ops.map((op) => op.op_id).sort());
    expect(applied.every((op) => op.rev !== null)).toBe(true);
    const rows = await server.query<{ id: string; rev: number; data: string }>('SELECT id, rev, data FROM stories');
    expect(rows).toHaveLength(STORIES);
    const revisions = await server.query<{ n: number }>('SELECT count(*) AS n FROM story_revisions');
    expect(revisions[0]?.n).toBe(ops.length);
    for (const row of rows) {
      const story = JSON.parse(row.data) as Story;
      expect(row.rev).toBe(opsPerStory.get(row.id));
      expect(contentOf(story)).toEqual(latest.get(row.id));
      expect(story.author).toBe(REPORTER.username);
      const local = await laptop.service.call('stories.get', { id: row.id });
      expect(local).toMatchObject({ rev: row.rev, baseRev: row.rev });
    }

    // The same reporter on a second computer pulls the same 50 stories.
    await desktop.service.call('sync.signIn', { serverUrl: server.url, username: REPORTER.username, password: PASSWORD });
    await waitSynced(desktop.service);
    const listed = await desktop.service.call('stories.list', { limit: 500 });
    expect(listed.items).toHaveLength(STORIES);
    for (const row of rows) {
      const pulled = await desktop.service.call('stories.get', { id: row.id });
      expect(pulled).toMatchObject({ rev: row.rev, baseRev: row.rev, author: REPORTER.username });
      expect(contentOf(pulled)).toEqual(latest.get(row.id));
    }
    // Pulled stories are searchable like local ones, and made no ops of their own.
    const hits = await desktop.service.call('search.query', { query: 'cong doan co so so 7 cham lo' });
    expect(hits.map((hit) => hit.id)).toContain(rows.find((row) => (JSON.parse(row.data) as Story).headline.includes('số 7 '))?.id);
    expect(localOutbox(desktop.service.storePath)).toEqual([]);
  });
});
