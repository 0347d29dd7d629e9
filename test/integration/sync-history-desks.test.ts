// History belongs to the newsroom: a reporter's desk and an editor's desk on one
// real server. Each desk's history of a story shows the other's versions, read
// from the server with author, time and reason; its own come back once; a
// server version can be compared and restored like any other; offline, the
// desk shows its own versions only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoryContent } from '../../core/story';
import { contentOf } from '../../db/stories/server-copy';
import { FaultProxy } from '../helpers/fault-proxy';
import { login, push } from '../helpers/server/api';
import { transition } from '../helpers/server/stories';
import { openDesk, storyText, waitFor, waitSynced, type Desk } from '../helpers/sync-desk';
import { EDITOR, PASSWORD, REPORTER, startDeskServer, type DeskServer } from '../helpers/sync-server';
import { sampleLines } from '../helpers/db-story-content';

const { paragraphs } = sampleLines();
const EDITED_SAPO = 'Biên tập viên viết lại sapo: LĐLĐ quận Hai Bà Trưng chăm lo tốt đời sống tinh thần cho đoàn viên.';

let server: DeskServer;
let editorLine: FaultProxy;
let reporter: Desk;
let editor: Desk;

beforeAll(async () => {
  server = await startDeskServer();
  editorLine = await FaultProxy.start(server.port);
  reporter = await openDesk({ userName: 'Phóng viên' });
  editor = await openDesk({ userName: 'Biên tập' });
  await reporter.service.call('sync.signIn', { serverUrl: server.url, username: REPORTER.username, password: PASSWORD });
  await editor.service.call('sync.signIn', { serverUrl: editorLine.url, username: EDITOR.username, password: PASSWORD });
});

afterAll(async () => {
  await reporter?.close();
  await editor?.close();
  await editorLine?.close();
  await server?.close();
});

const summary = (list: Array<{ author: string; reason: string; serverRev?: number }>) =>
  list.map(({ author, reason, serverRev }) => ({ author, reason, serverRev }));

describe('one story, two desks', () => {
  it('shows each desk the versions the other made, read from the server', async () => {
    // The reporter writes and saves; the save goes up, then the story is submitted (a transition: no new version).
    const story = await reporter.service.call('stories.create', { content: storyText(1, 0, paragraphs) });
    const first: StoryContent = storyText(1, 1, paragraphs);
    await reporter.service.call('stories.save', { id: story.id, content: first });
    await waitSynced(reporter.service);
    const reporterToken = await login(server.url, REPORTER.username, PASSWORD);
    expect((await push(server.url, reporterToken, [transition(story.id, { action: 'submit' })])).results[0]).toMatchObject({ status: 'applied' });

    // The editor's desk has the story, but wrote none of its history: the reporter's version comes from the server.
    await waitFor('the story on the editor’s desk', async () => {
      await editor.service.call('sync.now', {});
      return (await editor.service.call('stories.get', { id: story.id }).catch(() => null))?.status === 'submitted';
    });
    const seen = await editor.service.call('revisions.list', { storyId: story.id });
    expect(summary(seen)).toEqual([{ author: REPORTER.username, reason: 'save', serverRev: 1 }]);
    const older = await editor.service.call('revisions.get', { id: seen[0]?.id ?? '' });
    expect(older).toMatchObject({ storyId: story.id, author: REPORTER.username, reason: 'save', content: { sapo: first.sapo } });

    // The editor takes the story and edits it; on the reporter's desk the editor's version appears, the reporter's own save once.
    const editorToken = await login(server.url, EDITOR.username, PASSWORD);
    expect((await push(server.url, editorToken, [transition(story.id, { action: 'take' })])).results[0]).toMatchObject({ status: 'applied' });
    await waitFor('the take on the editor’s desk', async () => {
      await editor.service.call('sync.now', {});
      return (await editor.service.call('stories.get', { id: story.id })).status === 'editing';
    });
    const edited = { ...contentOf(await editor.service.call('stories.get', { id: story.id })), sapo: EDITED_SAPO };
    await editor.service.call('stories.save', { id: story.id, content: edited });
    await waitSynced(editor.service);
    await waitFor('the editor’s version on the reporter’s desk', async () => {
      await reporter.service.call('sync.now', {});
      return (await reporter.service.call('stories.get', { id: story.id })).rev === 2;
    });
    const mine = await reporter.service.call('revisions.list', { storyId: story.id });
    // The reporter's save is the desk's own; its copy on the server (rev 1) is not shown twice.
    expect(summary(mine)).toEqual([
      { author: EDITOR.username, reason: 'save', serverRev: 2 },
      { author: REPORTER.username, reason: 'save', serverRev: undefined },
    ]);
    const times = mine.map((r) => Date.parse(r.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    // A server version restores like any other: the reporter's text, as a new 'restore' revision.
    const restored = await editor.service.call('revisions.restore', { id: seen[0]?.id ?? '', storyId: story.id });
    expect(restored.story.sapo).toBe(first.sapo);
    expect((await editor.service.call('revisions.get', { id: restored.revisionId })).reason).toBe('restore');
  });

  it('offline, shows the desk’s own versions and nothing it cannot read', async () => {
    const story = (await editor.service.call('stories.list', {})).items[0];
    expect(story).toBeDefined();
    editorLine.offline = true;
    try {
      const list = await editor.service.call('revisions.list', { storyId: story?.id ?? '' });
      expect(list.length).toBeGreaterThan(0);
      expect(list.every((r) => r.serverRev === undefined && r.author === EDITOR.username)).toBe(true);
    } finally {
      editorLine.offline = false;
    }
  });
});
