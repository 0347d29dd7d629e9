// Point 13: an import killed with SIGKILL in the middle of a 5,000-story batch
// leaves a sound database in which every story is wholly there or not at all.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { StoryContent } from '../../core/story';
import { openStoreDatabase } from '../../db/open';
import { searchStories } from '../../db/search/search';
import { StoryRepository } from '../../db/stories/repository';
import { storyContentOf, syntheticMarker } from '../helpers/db-story-content';
import { makeTempDir, type TempDir } from '../helpers/db-temp';

const BATCH = 5_000;
/** Each run is killed once it has imported this many more stories... */
const KILL_AFTER = 400;
/**
 * ...and a few milliseconds later, so that the kill lands anywhere in the loop, mostly inside a
 * transaction: the import commits stories in groups, and a group cut short must vanish whole.
 */
const KILL_DELAYS_MS = [3, 11, 27];
const CHILD = fileURLToPath(new URL('../helpers/db-import-child.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

let temp: TempDir;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => {
  temp.remove();
});

interface KilledRun {
  signal: NodeJS.Signals | null;
  started: number;
  lastProgress: number;
  stderr: string;
}

/** Starts the importing child and kills it with SIGKILL after it reports KILL_AFTER more stories and a delay. */
function importAndKill(storePath: string, delayMs: number): Promise<KilledRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, storePath, String(BATCH)], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let started = -1;
    let lastProgress = 0;
    let killScheduled = false;
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const start = /^start (\d+)$/.exec(line);
        if (start) started = Number(start[1]);
        const progress = /^progress (\d+)$/.exec(line);
        if (progress) lastProgress = Number(progress[1]);
        if (!killScheduled && started >= 0 && lastProgress >= started + KILL_AFTER) {
          killScheduled = true;
          setTimeout(() => child.kill('SIGKILL'), delayMs);
        }
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ signal, started, lastProgress, stderr }));
  });
}

interface StoryRow {
  seq: number;
  id: string;
  headline: string;
  sapo: string;
  body: string;
}

/** Integrity, and each story whole: its row, its one import revision with the same text, its index entry. */
function checkStore(storePath: string): number {
  const db = openStoreDatabase(storePath);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // FTS5's own check that its index is consistent with itself.
    expect(() => db.exec("INSERT INTO stories_fts (stories_fts) VALUES ('integrity-check')")).not.toThrow();

    const rows = db.prepare('SELECT seq, id, headline, sapo, body FROM stories ORDER BY seq').all() as StoryRow[];
    const revisions = db.prepare('SELECT story_id, reason, content FROM revisions').all() as Array<{
      story_id: string;
      reason: string;
      content: string;
    }>;
    expect(revisions).toHaveLength(rows.length);
    const revisionsByStory = new Map<string, typeof revisions>();
    for (const revision of revisions) {
      revisionsByStory.set(revision.story_id, [...(revisionsByStory.get(revision.story_id) ?? []), revision]);
    }
    const indexed = new Set(db.prepare('SELECT rowid FROM stories_fts').pluck().all() as number[]);
    expect(indexed.size).toBe(rows.length);
    const byMarker = db.prepare('SELECT rowid FROM stories_fts WHERE stories_fts MATCH ?').pluck();

    rows.forEach((row, n) => {
      // The batch runs in order, so the stories present are exactly its first ones.
      const marker = syntheticMarker(n);
      expect(row.headline.endsWith(marker)).toBe(true);
      const own = revisionsByStory.get(row.id) ?? [];
      expect(own.map((revision) => revision.reason)).toEqual(['import']);
      const content = JSON.parse(own[0]?.content ?? '{}') as StoryContent;
      expect(content.headline).toBe(row.headline);
      expect(content.sapo).toBe(row.sapo);
      expect(content.body).toEqual(JSON.parse(row.body));
      expect(indexed.has(row.seq)).toBe(true);
      expect(byMarker.all(`headline : "${marker.toLowerCase()}"`)).toEqual([row.seq]);
    });
    return rows.length;
  } finally {
    db.close();
  }
}

it(
  'leaves a sound database with each story wholly present or absent after SIGKILL mid-batch, run after run',
  async () => {
    const storePath = temp.file('killed.db');
    let present = 0;
    for (const delay of KILL_DELAYS_MS) {
      const run = await importAndKill(storePath, delay);
      expect(run.stderr).toBe('');
      expect(run.signal, 'the child must die by SIGKILL, not finish').toBe('SIGKILL');
      expect(run.started).toBe(present);
      const count = checkStore(storePath);
      // Progress is reported only for committed stories.
      expect(count).toBeGreaterThanOrEqual(run.lastProgress);
      expect(count).toBeGreaterThan(present);
      expect(count).toBeLessThan(BATCH);
      console.info(`SIGKILL ${delay} ms after progress ${run.lastProgress}: ${count} of ${BATCH} stories, all whole`);
      present = count;
    }

    // The store goes on working after the crashes.
    const db = openStoreDatabase(storePath);
    try {
      const marker = syntheticMarker(BATCH);
      const after = new StoryRepository(db).create(storyContentOf({ headline: `Bài viết sau sự cố ${marker}` }), {
        author: 'phong',
      });
      expect(searchStories(db, marker).map((hit) => hit.id)).toEqual([after.id]);
    } finally {
      db.close();
    }
  },
  180_000,
);
