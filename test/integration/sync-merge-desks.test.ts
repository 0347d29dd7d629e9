// Two desks, one server (issue 11, point 5). A reporter's and an editor's app
// services, each with its own SQLite store, edit the same stories while the
// server is down: different paragraphs, the same paragraph (apart, and on the
// same words), headline against body, and a deletion against an edit, both
// ways. After sync both desks and the server hold the same text; what did not
// overlap merged by itself; what did waits as conflicts of single blocks, with
// both texts, on the desk that merged; settling them reaches everyone. The
// real server process on real SQLite, then the same again through the
// fault-injecting proxy (Joplin style: several clients, one target, one test).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncConflict } from '../../core/api';
import type { BlockConflict } from '../../core/merge';
import { inlineText, type StoryContent } from '../../core/story';
import { contentOf } from '../../db/stories/server-copy';
import type { AppService } from '../../service';
import { FaultProxy, type FaultPlan } from '../helpers/fault-proxy';
import { baseStory, blockTexts, edited, firstWords, type Edit } from '../helpers/merge-desks';
import { login, push } from '../helpers/server/api';
import { newId } from '../helpers/server/stories';
import { FAST_SYNC, openDesk, waitFor, waitSynced, type Desk } from '../helpers/sync-desk';
import { EDITOR, PASSWORD, REPORTER, startDeskServer, type Account, type DeskServer } from '../helpers/sync-server';

const ADDED_BY_REPORTER = ' Phóng viên bổ sung: 1.250 đoàn viên được tặng quà Tết.';
const ADDED_BY_EDITOR = ' Ban biên tập thêm: số liệu do LĐLĐ quận cung cấp.';

/** The base story's four paragraphs, by block id (b1... as every desk names a story stored without ids). */
type Blocks = Record<'b1' | 'b2' | 'b3' | 'b4', string>;

interface Case {
  name: string;
  reporter: (b: Blocks) => Edit;
  editor: (b: Blocks) => Edit;
  /** The merged story's blocks, by id, from the base's blocks. */
  merged: (b: Blocks, headline: string) => { headline: string; blocks: Record<string, string> };
  /** The conflicts the editor's desk (the second to sync, so the one that merges) keeps. */
  conflicts: string[];
}

const CASES: Case[] = [
  {
    name: 'different paragraphs',
    reporter: (b) => ({ blocks: { b1: b.b1 + ADDED_BY_REPORTER } }),
    editor: (b) => ({ blocks: { b3: b.b3 + ADDED_BY_EDITOR } }),
    merged: (b, headline) => ({ headline, blocks: { ...b, b1: b.b1 + ADDED_BY_REPORTER, b3: b.b3 + ADDED_BY_EDITOR } }),
    conflicts: [],
  },
  {
    name: 'the same paragraph, in different places',
    reporter: (b) => ({ blocks: { b2: `Theo báo cáo, ${b.b2}` } }),
    editor: (b) => ({ blocks: { b2: b.b2 + ADDED_BY_EDITOR } }),
    merged: (b, headline) => ({ headline, blocks: { ...b, b2: `Theo báo cáo, ${b.b2}${ADDED_BY_EDITOR}` } }),
    conflicts: [],
  },
  {
    name: 'the same words of one paragraph',
    reporter: (b) => ({ blocks: { b2: b.b2.replace(firstWords(b.b2, 4), 'Phóng viên ghi nhận rằng'), b4: b.b4 + ADDED_BY_REPORTER } }),
    editor: (b) => ({ blocks: { b2: b.b2.replace(firstWords(b.b2, 4), 'Ban biên tập xác nhận') } }),
    // The merging desk's own text holds the block in conflict until someone chooses.
    merged: (b, headline) => ({ headline, blocks: { ...b, b2: b.b2.replace(firstWords(b.b2, 4), 'Ban biên tập xác nhận'), b4: b.b4 + ADDED_BY_REPORTER } }),
    conflicts: ['b2 both-edited'],
  },
  {
    name: 'headline against body',
    reporter: () => ({ headline: 'LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới, hoạt động hiệu quả' }),
    editor: (b) => ({ blocks: { b2: b.b2 + ADDED_BY_EDITOR } }),
    merged: (b) => ({ headline: 'LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới, hoạt động hiệu quả', blocks: { ...b, b2: b.b2 + ADDED_BY_EDITOR } }),
    conflicts: [],
  },
  {
    name: 'a deletion against an edit, both ways',
    reporter: (b) => ({ blocks: { b1: b.b1 + ADDED_BY_REPORTER, b3: null } }),
    editor: (b) => ({ blocks: { b1: null, b3: b.b3 + ADDED_BY_EDITOR } }),
    // An edit beats a deletion until someone chooses: neither edit is lost.
    merged: (b, headline) => ({ headline, blocks: { ...b, b1: b.b1 + ADDED_BY_REPORTER, b3: b.b3 + ADDED_BY_EDITOR } }),
    conflicts: ['b1 mine-deleted', 'b3 theirs-deleted'],
  },
];

interface Line {
  /** The server address each desk syncs with. */
  urlFor(account: Account): string;
  /** The server cannot be reached (stopped, or its line cut). */
  down(): Promise<void>;
  /** The server can be reached again by this account's desk (where the lines are apart, only by it). */
  up(account: Account): Promise<void>;
}

const describeConflict = (c: SyncConflict): string => (c.conflict.kind === 'block' ? `${c.conflict.blockId} ${c.conflict.reason}` : c.conflict.field);
const textOf = (node: BlockConflict['mine']): string | null => (node !== null && 'children' in node && node.type !== 'list' ? inlineText(node.children) : null);

async function serverText(server: DeskServer, id: string): Promise<{ rev: number; content: StoryContent; status: string }> {
  const [row] = await server.query<{ rev: number; data: string }>('SELECT rev, data FROM stories WHERE id = ?', id);
  if (!row) throw new Error(`story ${id} is not on the server`);
  const story = JSON.parse(row.data) as StoryContent & { status: string };
  return { rev: row.rev, content: contentOf(story), status: story.status };
}

async function signIn(service: AppService, url: string, account: Account): Promise<void> {
  // Tried until one attempt gets through: through the faulty line, sign-in may be lost too.
  await waitFor(`${account.username} to sign in`, async () => {
    const status = await service.call('sync.signIn', { serverUrl: url, username: account.username, password: PASSWORD }).catch(() => null);
    return status?.signedIn ?? null;
  });
}

/** Every desk and the server hold the same text for each story. */
async function expectAgreement(server: DeskServer, desks: readonly Desk[], ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    const onServer = await serverText(server, id);
    for (const desk of desks) {
      const local = await desk.service.call('stories.get', { id });
      expect(local).toMatchObject({ rev: onServer.rev, baseRev: onServer.rev });
      expect(contentOf(local)).toEqual(onServer.content);
    }
  }
}

function runApart(name: string, setup: () => Promise<{ server: DeskServer; line: Line; reporter: Desk; editor: Desk }>, timeoutMs: number): void {
  describe(name, () => {
    let server: DeskServer;
    let line: Line;
    let reporter: Desk;
    let editor: Desk;
    const ids: string[] = [];
    const bases: Blocks[] = [];
    const headlines: string[] = [];

    beforeAll(async () => {
      ({ server, line, reporter, editor } = await setup());
      await signIn(reporter.service, line.urlFor(REPORTER), REPORTER);
      await signIn(editor.service, line.urlFor(EDITOR), EDITOR);
      // Sign-in names the user: what each desk writes from now on is written as the account the server knows.
      expect((await reporter.service.call('settings.get', {})).userName).toBe(REPORTER.username);
      // The reporter writes the stories; the editor becomes their co-writer (a transition changes no text: rev 1).
      for (const [n] of CASES.entries()) {
        const story = await reporter.service.call('stories.create', { content: baseStory(n) });
        ids.push(story.id);
      }
      await waitSynced(reporter.service, timeoutMs);
      const reporterToken = await login(server.url, REPORTER.username, PASSWORD);
      const editorToken = await login(server.url, EDITOR.username, PASSWORD);
      const act = async (token: string, id: string, payload: Record<string, unknown>) =>
        expect((await push(server.url, token, [{ opId: newId(), kind: 'transition', storyId: id, baseRev: 1, payload }])).results[0]).toMatchObject({ status: 'applied' });
      for (const id of ids) {
        await act(reporterToken, id, { action: 'submit' });
        await act(editorToken, id, { action: 'assign', assignee: EDITOR.username, deadline: null });
        await act(reporterToken, id, { action: 'withdraw' });
      }
      for (const desk of [reporter, editor]) await waitSynced(desk.service, timeoutMs);
      for (const id of ids) {
        const story = await editor.service.call('stories.get', { id });
        bases.push(blockTexts(story) as Blocks);
        headlines.push(story.headline);
      }
    }, 4 * timeoutMs);

    it('merges what does not overlap by itself, keeps what does as block conflicts with both texts, and all three agree', async () => {
      await line.down();
      const editorRevisions = new Map<string, string>();
      for (const [n, kase] of CASES.entries()) {
        const id = ids[n] as string;
        for (const [desk, edit] of [[reporter, kase.reporter], [editor, kase.editor]] as const) {
          const here = await desk.service.call('stories.get', { id });
          const saved = await desk.service.call('stories.save', { id, content: edited(contentOf(here), edit(bases[n] as Blocks)) });
          if (desk === editor) editorRevisions.set(id, saved.revisionId);
        }
      }
      for (const desk of [reporter, editor]) expect(await desk.service.call('sync.now', {})).toMatchObject({ online: false, pending: CASES.length });

      // The server comes back. The reporter syncs first; the editor's push conflicts and the editor's desk merges.
      await line.up(REPORTER);
      await waitSynced(reporter.service, timeoutMs);
      await line.up(EDITOR);
      const merged = await waitSynced(editor.service, timeoutMs);
      expect(merged.conflicts).toBe(CASES.filter((kase) => kase.conflicts.length > 0).length);
      expect(await waitSynced(reporter.service, timeoutMs)).toMatchObject({ conflicts: 0, pending: 0 });
      await expectAgreement(server, [reporter, editor], ids);

      for (const [n, kase] of CASES.entries()) {
        const id = ids[n] as string;
        const story = await editor.service.call('stories.get', { id });
        const expected = kase.merged(bases[n] as Blocks, headlines[n] ?? '');
        expect({ headline: story.headline, blocks: blockTexts(story) }, kase.name).toEqual(expected);
        // A conflict never moves the story in the workflow.
        expect(story.status, kase.name).toBe('draft');
        expect((await serverText(server, id)).status).toBe('draft');
        const conflicts = await editor.service.call('sync.conflicts', { storyId: id });
        expect(conflicts.map(describeConflict), kase.name).toEqual(kase.conflicts);
        // The merge is a revision naming both parents: the editor's own save and the server's revision 2.
        const [latest] = await editor.service.call('revisions.list', { storyId: id });
        expect(latest, kase.name).toMatchObject({ reason: 'merge', mergedFrom: { revisionId: editorRevisions.get(id), serverRev: 2 } });
      }

      // Overlapping edits wait with both texts: the editor's (held in the story) and the reporter's.
      const sameWords = CASES.findIndex((kase) => kase.name === 'the same words of one paragraph');
      const [both] = await editor.service.call('sync.conflicts', { storyId: ids[sameWords] ?? '' });
      const b2 = bases[sameWords]?.b2 ?? '';
      expect(both?.conflict).toMatchObject({ kind: 'block', blockId: 'b2', reason: 'both-edited' });
      const block = both?.conflict as BlockConflict;
      expect(textOf(block.mine)).toBe(b2.replace(firstWords(b2, 4), 'Ban biên tập xác nhận'));
      expect(textOf(block.theirs)).toBe(b2.replace(firstWords(b2, 4), 'Phóng viên ghi nhận rằng'));
      expect(textOf(block.base)).toBe(b2);
    }, 6 * timeoutMs);

    it('settles each block as chosen, "cả hai" keeping both texts, and the choice reaches the server and the other desk', async () => {
      const settle = async (n: number, blockId: string, keep: 'mine' | 'theirs' | 'both') => {
        const conflicts = await editor.service.call('sync.conflicts', { storyId: ids[n] ?? '' });
        const conflict = conflicts.find((c) => c.conflict.kind === 'block' && c.conflict.blockId === blockId);
        if (conflict === undefined) throw new Error(`no conflict at ${blockId}`);
        return (await editor.service.call('sync.resolveConflict', { storyId: conflict.storyId, conflictId: conflict.id, keep })).story;
      };
      const sameWords = CASES.findIndex((kase) => kase.name === 'the same words of one paragraph');
      const deletion = CASES.findIndex((kase) => kase.name === 'a deletion against an edit, both ways');
      const both = await settle(sameWords, 'b2', 'both');
      const b2 = bases[sameWords]?.b2 ?? '';
      const texts = Object.values(blockTexts(both));
      expect(texts.filter((text) => text.endsWith(b2.slice(-60)))).toEqual([
        b2.replace(firstWords(b2, 4), 'Ban biên tập xác nhận'),
        b2.replace(firstWords(b2, 4), 'Phóng viên ghi nhận rằng'),
      ]);
      // The reporter deleted b3, the editor edited it: "của họ" removes it. The editor deleted b1: "của tôi" removes it.
      await settle(deletion, 'b3', 'theirs');
      const settled = await settle(deletion, 'b1', 'mine');
      expect(Object.keys(blockTexts(settled))).toEqual(['b2', 'b4']);

      expect(await waitSynced(editor.service, timeoutMs)).toMatchObject({ conflicts: 0, pending: 0 });
      await waitSynced(reporter.service, timeoutMs);
      await expectAgreement(server, [reporter, editor], ids);
      expect(await editor.service.call('sync.conflicts', {})).toEqual([]);
      const gone = await editor.service.call('sync.resolveConflict', { storyId: ids[0] ?? '', conflictId: newId(), keep: 'mine' }).catch((e: unknown) => e);
      expect(gone).toMatchObject({ code: 'CONFLICT_NOT_FOUND' });
    }, 4 * timeoutMs);

    afterAll(async () => {
      await reporter?.close();
      await editor?.close();
      await server?.close();
    });
  });
}

/** Every line the desks sync through: the faulty ones, counted below, and the fault-free ones of the server-down case. */
const proxies: FaultProxy[] = [];
const quietLines: FaultProxy[] = [];

runApart(
  'two desks edit one story while the server is down',
  async () => {
    const server = await startDeskServer();
    // The server itself goes down. Each desk reaches it through a line of its own
    // (a proxy with no faults), so that when it is back the reporter's desk can be
    // let through first, whatever the desks' own sync timers do meanwhile.
    const lines = new Map<string, FaultProxy>();
    for (const account of [REPORTER, EDITOR]) {
      const proxy = await FaultProxy.start(server.port);
      quietLines.push(proxy);
      lines.set(account.username, proxy);
    }
    let running = true;
    const line: Line = {
      urlFor: (account) => lines.get(account.username)?.url ?? '',
      down: async () => {
        for (const proxy of lines.values()) proxy.offline = true;
        await server.stop();
        running = false;
      },
      up: async (account) => {
        if (!running) await server.restart();
        running = true;
        const proxy = lines.get(account.username);
        if (proxy) proxy.offline = false;
      },
    };
    return { server, line, reporter: await openDesk({ userName: 'Phóng viên' }), editor: await openDesk({ userName: 'Biên tập' }) };
  },
  30_000,
);

// The same through a line that refuses, loses, cuts, delays and replays requests at random (a fixed seed).
const PLAN: FaultPlan = { refuse: 0.15, loseRequest: 0.08, loseAnswer: 0.1, cutAnswer: 0.08, duplicate: 0.2, delay: 0.2, maxDelayMs: 40 };
runApart(
  'two desks edit one story apart, then sync through a faulty line',
  async () => {
    const server = await startDeskServer();
    const lines = new Map<string, FaultProxy>();
    for (const [account, seed] of [[REPORTER, 20_250_311], [EDITOR, 20_250_312]] as const) {
      const proxy = await FaultProxy.start(server.port, { seed, plan: PLAN });
      proxies.push(proxy);
      lines.set(account.username, proxy);
    }
    const all = [...lines.values()];
    const line: Line = {
      urlFor: (account) => lines.get(account.username)?.url ?? '',
      down: async () => all.forEach((proxy) => (proxy.offline = true)),
      up: async (account) => {
        const proxy = lines.get(account.username);
        if (proxy) proxy.offline = false;
      },
    };
    const sync = { ...FAST_SYNC, requestTimeoutMs: 3_000 };
    return { server, line, reporter: await openDesk({ userName: 'Phóng viên', sync }), editor: await openDesk({ userName: 'Biên tập', sync }) };
  },
  60_000,
);

describe('the faulty line', () => {
  it('did misbehave while the desks synced through it', () => {
    const total = (fault: 'refuse' | 'loseAnswer' | 'duplicate' | 'delay') => proxies.reduce((sum, proxy) => sum + proxy.counts[fault], 0);
    for (const fault of ['refuse', 'loseAnswer', 'duplicate', 'delay'] as const) expect(total(fault), fault).toBeGreaterThan(0);
  });
});

afterAll(async () => {
  for (const proxy of [...proxies, ...quietLines]) await proxy.close();
});
