// Going back to an older revision through the app service, over a real SQLite
// store in a temp folder: the old text becomes the story's text as a new
// 'restore' revision, every revision before it stays exactly as it was, and the
// sync outbox holds the restored text for the server. Text from the samples.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName, EventPayloads } from '../../core/api';
import type { Revision, StoryContent } from '../../core/story';
import { createAppService, ServiceError, type AppService } from '../../service';
import { sampleLines, storyContentOf } from '../helpers/db-story-content';
import { makeTempDir, type TempDir } from '../helpers/db-temp';

const AUTHOR = 'Mạnh Quân';
const MISSING_ID = '01920000-0000-7000-8000-000000000000';
const { paragraphs, headlines } = sampleLines();
const P = (n: number): string => paragraphs[n % paragraphs.length] ?? '';

let tmp: TempDir;
let service: AppService;
let now: number;

beforeEach(async () => {
  tmp = makeTempDir('newsdesk-revisions-');
  now = Date.parse('2025-03-01T08:00:00.000Z');
  // Each write a minute after the last, so that history has a clear order.
  service = await createAppService({ dataDir: tmp.file('data'), userName: AUTHOR, clock: () => new Date((now += 60_000)) });
});
afterEach(async () => {
  await service.close();
  tmp.remove();
});

const version = (sapo: string, ...body: string[]): StoryContent =>
  storyContentOf({ headline: headlines[0] ?? 'Tít', sapo, paragraphs: body, section: 'Công đoàn', byline: 'H.Phong', tags: ['công đoàn'] });

const FIRST = version(P(0), P(1), P(2));
const SECOND = version(`${P(0)} Bản đã biên tập lại.`, P(1), P(3));
const TYPED = version(`${P(0)} Bản đã biên tập lại, đang viết dở`, P(1), P(3), 'Đoạn mới chưa lưu phiên bản.');

interface OpRow {
  kind: string;
  sealed: number;
  state: string;
  sapo: string | null;
}

/** The outbox as another program sees it: committed rows only. */
function outbox(storyId: string): OpRow[] {
  const db = new Database(service.storePath, { readonly: true });
  try {
    db.pragma('busy_timeout = 5000');
    return db
      .prepare("SELECT kind, sealed, state, json_extract(payload, '$.sapo') AS sapo FROM outbox WHERE story_id = ? ORDER BY seq")
      .all(storyId) as OpRow[];
  } finally {
    db.close();
  }
}

/** Every revision of a story, summary and full text, newest first. */
async function history(storyId: string): Promise<Array<{ open: boolean; revision: Revision }>> {
  const list = await service.call('revisions.list', { storyId });
  return Promise.all(list.map(async ({ id, open }) => ({ open, revision: await service.call('revisions.get', { id }) })));
}

function recordChanges(): string[] {
  const seen: string[] = [];
  const event: EventName = 'story.changed';
  service.on(event, ({ id }: EventPayloads['story.changed']) => seen.push(id));
  return seen;
}

async function failure(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

/** A story with two explicit revisions: FIRST, then SECOND. */
async function storyWithTwoSaves(): Promise<{ id: string; first: string; second: string }> {
  const story = await service.call('stories.create', { content: FIRST });
  const first = await service.call('stories.save', { id: story.id, content: FIRST });
  const second = await service.call('stories.save', { id: story.id, content: SECOND });
  return { id: story.id, first: first.revisionId, second: second.revisionId };
}

describe('revisions.restore', () => {
  it('makes the old text the story’s text as a new restore revision, leaves the others as they were, and queues it for the server', async () => {
    const { id, first, second } = await storyWithTwoSaves();
    const before = await history(id);
    expect(before.map(({ revision }) => [revision.id, revision.reason])).toEqual([
      [second, 'save'],
      [first, 'save'],
    ]);
    const changes = recordChanges();

    const result = await service.call('revisions.restore', { id: first, storyId: id });

    expect(result.story).toMatchObject({ id, sapo: FIRST.sapo, body: FIRST.body, tags: FIRST.tags });
    expect(await service.call('stories.get', { id })).toMatchObject({ sapo: FIRST.sapo, body: FIRST.body });
    const after = await history(id);
    expect(after).toHaveLength(3);
    expect(after[0]).toEqual({
      open: false,
      revision: { id: result.revisionId, storyId: id, author: AUTHOR, createdAt: expect.any(String), reason: 'restore', content: FIRST },
    });
    expect(after.slice(1)).toEqual(before);
    expect(changes).toEqual([id]);

    // The restore is an explicit revision: its op is sealed, so later typing starts a new one.
    const ops = outbox(id);
    expect(ops.at(-1)).toEqual({ kind: 'upsert', sealed: 1, state: 'pending', sapo: FIRST.sapo });
    await service.call('stories.autosave', { id, content: TYPED });
    expect(outbox(id).slice(-2)).toEqual([
      { kind: 'upsert', sealed: 1, state: 'pending', sapo: FIRST.sapo },
      { kind: 'upsert', sealed: 0, state: 'pending', sapo: TYPED.sapo },
    ]);
  });

  it('keeps the typing it replaces in history, as a sealed autosave', async () => {
    const { id, first } = await storyWithTwoSaves();
    await service.call('stories.autosave', { id, content: TYPED });
    const [open] = await service.call('revisions.list', { storyId: id });
    expect(open).toMatchObject({ reason: 'autosave', open: true });

    await service.call('revisions.restore', { id: first });

    const after = await history(id);
    expect(after.map(({ open: isOpen, revision }) => [revision.reason, isOpen, revision.content.sapo])).toEqual([
      ['restore', false, FIRST.sapo],
      ['autosave', false, TYPED.sapo],
      ['save', false, SECOND.sapo],
      ['save', false, FIRST.sapo],
    ]);
    expect(after[1]?.revision.id).toBe(open?.id);
    expect(after[1]?.revision.content).toEqual(TYPED);
  });

  it('restores the autosave still being written, and a restore revision, each as a new revision', async () => {
    const { id, first } = await storyWithTwoSaves();
    const { revisionId: restored } = await service.call('revisions.restore', { id: first, storyId: id });
    await service.call('stories.autosave', { id, content: TYPED });
    const [open] = await service.call('revisions.list', { storyId: id });

    const fromOpen = await service.call('revisions.restore', { id: open?.id ?? '', storyId: id });
    expect(fromOpen.story.sapo).toBe(TYPED.sapo);
    const again = await service.call('revisions.restore', { id: restored, storyId: id });
    expect(again.story.sapo).toBe(FIRST.sapo);

    const after = await history(id);
    expect(after.map(({ open: isOpen, revision }) => [revision.reason, isOpen, revision.content.sapo])).toEqual([
      ['restore', false, FIRST.sapo],
      ['restore', false, TYPED.sapo],
      ['autosave', false, TYPED.sapo],
      ['restore', false, FIRST.sapo],
      ['save', false, SECOND.sapo],
      ['save', false, FIRST.sapo],
    ]);
  });

  const refusals: Array<{ name: string; code: string; message: RegExp; args: (ids: { id: string; first: string; other: string }) => unknown; trash?: boolean }> = [
    {
      name: 'a revision that does not exist',
      code: 'REVISION_NOT_FOUND',
      message: /^Không tìm thấy phiên bản này của bài viết\.$/,
      args: ({ id }) => ({ id: MISSING_ID, storyId: id }),
    },
    {
      name: 'a revision of another story than the one open',
      code: 'REVISION_OF_OTHER_STORY',
      message: /^Phiên bản này thuộc một bài viết khác/,
      args: ({ first, other }) => ({ id: first, storyId: other }),
    },
    {
      name: 'a revision of a story in the trash',
      code: 'STORY_IN_TRASH',
      message: /^Bài viết đang ở thùng rác\. Hãy đưa bài ra khỏi thùng rác trước/,
      args: ({ id, first }) => ({ id: first, storyId: id }),
      trash: true,
    },
    {
      name: 'a revision id that is not an id',
      code: 'INVALID_ARGS',
      message: /^Mã bài viết không hợp lệ$/,
      args: ({ id }) => ({ id: 'phiên-bản-1', storyId: id }),
    },
  ];

  it.each(refusals)('refuses $name in Vietnamese, and changes nothing', async ({ code, message, args, trash }) => {
    const { id, first } = await storyWithTwoSaves();
    const other = await service.call('stories.create', { content: version(P(4), P(5)) });
    if (trash) await service.call('stories.trash', { id });
    const before = { history: await history(id), ops: outbox(id), story: await service.call('stories.get', { id }) };
    const changes = recordChanges();

    const error = await failure(service.call('revisions.restore', args({ id, first, other: other.id })));

    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect({ history: await history(id), ops: outbox(id), story: await service.call('stories.get', { id }) }).toEqual(before);
    expect(changes).toEqual([]);
  });
});
