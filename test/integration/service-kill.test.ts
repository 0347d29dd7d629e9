// A crash or a kill loses at most the last second of typing (issue 3, point 9).
// `start:web` runs as a real process; the test types into a story the way the
// editor autosaves (a growing text, one save every 100 ms), SIGKILLs the process
// at once, reopens the same data folder in a new process, and reads the story.
import { mkdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withLoadedBlockIds, type StoryContent } from '../../core/story';
import { makeTempDir, type TempDir } from '../helpers/db-temp';
import { sampleLines, storyContentOf } from '../helpers/db-story-content';
import { rpc, rpcResult, startWebProcess, type WebProcess } from '../helpers/service-web';

const { paragraphs, headlines } = sampleLines();
const TYPING_INTERVAL_MS = 100;

let tmp: TempDir;
let dataDir: string;
let staticDir: string;

beforeEach(() => {
  tmp = makeTempDir('newsdesk-kill-');
  dataDir = tmp.file('data');
  staticDir = tmp.file('ui');
  mkdirSync(staticDir);
});
afterEach(() => tmp.remove());

/** What the editor would autosave after each burst of typing: the sample text, a few characters more each time. */
function typing(steps: number): StoryContent[] {
  const text = [...(paragraphs.find((p) => p.length > 400) ?? paragraphs[0] ?? '')];
  const perStep = Math.max(1, Math.floor(text.length / steps));
  return Array.from({ length: steps }, (_, i) => {
    const content = storyContentOf({
      headline: headlines[2] ?? 'Tít',
      sapo: paragraphs[1] ?? '',
      paragraphs: [paragraphs[2] ?? '', text.slice(0, (i + 1) * perStep).join('')],
      byline: 'Mạnh Quân',
      section: 'cong-doan',
    });
    // With block ids, as the editor writes every body.
    return { ...content, body: withLoadedBlockIds(content.body) };
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function contentOf(story: StoryContent): StoryContent {
  const { headline, sapo, byline, section, tags, slug, related, body } = story;
  return { headline, sapo, byline, section, tags, slug, related, body };
}

function integrity(path: string): unknown {
  // Opened read-write, as the app would: SQLite replays the WAL the kill left behind.
  const db = new Database(path);
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
}

async function start(): Promise<WebProcess> {
  return startWebProcess(['--data', dataDir, '--static', staticDir]);
}

async function reopenedStory(id: string): Promise<{ story: StoryContent; openAutosave: StoryContent | null }> {
  const web = await start();
  try {
    const story = await rpcResult<StoryContent>(web, 'stories.get', { id });
    const history = await rpcResult<Array<{ id: string; open: boolean }>>(web, 'revisions.list', { storyId: id });
    const open = history.find((revision) => revision.open);
    const openAutosave = open ? (await rpcResult<{ content: StoryContent }>(web, 'revisions.get', { id: open.id })).content : null;
    return { story: contentOf(story), openAutosave };
  } finally {
    web.child.kill('SIGTERM');
    await web.exited;
  }
}

describe('killing start:web while a reporter types', () => {
  it('keeps the last acknowledged autosave when killed right after its reply', async () => {
    const web = await start();
    const { id } = await rpcResult<{ id: string }>(web, 'stories.create', {});
    const saves = typing(30);
    const killAfter = 21;
    let acknowledged: StoryContent | null = null;
    for (const [i, content] of saves.entries()) {
      await rpcResult(web, 'stories.autosave', { id, content });
      acknowledged = content;
      if (i === killAfter) {
        web.child.kill('SIGKILL');
        break;
      }
      await sleep(TYPING_INTERVAL_MS);
    }
    expect(await web.exited).toBe('SIGKILL');
    expect(acknowledged).toEqual(saves[killAfter]);

    expect(integrity(`${dataDir}/newsdesk.db`)).toBe('ok');
    const { story, openAutosave } = await reopenedStory(id);
    expect(story).toEqual(acknowledged);
    expect(openAutosave).toEqual(acknowledged);
    expect(integrity(`${dataDir}/newsdesk.db`)).toBe('ok');
  });

  it('keeps either the acknowledged text or the one in flight, never a torn mix, when killed mid-request', async () => {
    const web = await start();
    const { id } = await rpcResult<{ id: string }>(web, 'stories.create', {});
    const saves = typing(20);
    let acknowledged: StoryContent | null = null;
    for (const content of saves.slice(0, 12)) {
      await rpcResult(web, 'stories.autosave', { id, content });
      acknowledged = content;
      await sleep(TYPING_INTERVAL_MS);
    }
    const inFlight = saves[12];
    const pending = rpc(web, 'stories.autosave', { id, content: inFlight }).then(
      (reply) => reply.status === 200,
      () => false,
    );
    // Kill as soon as the request has left, without waiting for its reply.
    setImmediate(() => web.child.kill('SIGKILL'));
    const inFlightAcknowledged = await pending;
    expect(await web.exited).toBe('SIGKILL');

    expect(integrity(`${dataDir}/newsdesk.db`)).toBe('ok');
    const { story } = await reopenedStory(id);
    if (inFlightAcknowledged) expect(story).toEqual(inFlight);
    else expect([acknowledged, inFlight]).toContainEqual(story);
  });
});
