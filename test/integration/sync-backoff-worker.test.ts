// The worker's schedule, on a clock the test moves by hand: exponential backoff
// with full jitter (base 1 s, cap 60 s) while the real server is down, back to
// the poll interval once it answers, a local change that never shortens a
// backoff but does wake an idle worker, and the online/offline transitions the
// indicator hears about. Also: a server that never answers (request time-out)
// counts as offline, and a revoked token signs the desktop out.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayloads } from '../../core/api';
import { normalizeServerUrl } from '../../core/sync';
import { memoryTokenStore, type StoredToken } from '../../service';
import { sampleLines } from '../helpers/db-story-content';
import { ManualTimers, openDesk, storyText, waitFor, type Desk } from '../helpers/sync-desk';
import { PASSWORD, REPORTER, startDeskServer, type DeskServer } from '../helpers/sync-server';
import { call, login } from '../helpers/server/api';

const { paragraphs } = sampleLines();
const POLL_MS = 45_000;
const JITTER = [0.5, 0.9, 0.1, 0.75, 0.3, 0.6, 0.99, 0.2, 0.5, 0.4, 0.65];

let server: DeskServer;
const desks: Desk[] = [];

beforeAll(async () => {
  server = await startDeskServer({ accounts: [REPORTER] });
});

afterAll(async () => {
  for (const desk of desks) await desk.close();
  await server?.close();
});

async function tokenFor(serverUrl: string): Promise<StoredToken> {
  return {
    token: await login(server.url, REPORTER.username, PASSWORD),
    serverUrl: normalizeServerUrl(serverUrl) ?? '',
    username: REPORTER.username,
    expiresAt: '2099-01-01T00:00:00.000Z',
  };
}

/** A desktop that was signed in to `serverUrl` last time it ran, restarted with these timers. */
async function signedInDesk(serverUrl: string, timers: ManualTimers, extra: { requestTimeoutMs?: number } = {}) {
  const desk = await openDesk();
  desks.push(desk);
  await desk.service.call('settings.set', { serverUrl });
  const token = await tokenFor(serverUrl);
  let i = 0;
  await desk.reopen({
    tokenStore: memoryTokenStore(token),
    sync: {
      timers,
      random: () => JITTER[i++ % JITTER.length] ?? 0,
      pollIntervalMs: POLL_MS,
      kickDelayMs: 20,
      requestTimeoutMs: extra.requestTimeoutMs ?? 5_000,
    },
  });
  return { desk, token };
}

/** Fires the waiting timer and waits until the round it started has scheduled the next one. */
async function round(timers: ManualTimers): Promise<number> {
  const before = timers.requested.length;
  timers.fireNext();
  await waitFor('the round to end and schedule the next', () => timers.requested.length > before && timers.pending.size === 1);
  return timers.only().ms;
}

describe('the sync worker on a hand-moved clock', () => {
  it('backs off with full jitter while the server is down, and polls again once it answers', async () => {
    const timers = new ManualTimers();
    const { desk } = await signedInDesk(server.url, timers);
    const service = desk.service;
    const states: Array<EventPayloads['sync.state']> = [];
    service.on('sync.state', (state: EventPayloads['sync.state']) => states.push(state));

    // Started by createAppService: a server address and a kept token are enough.
    expect(timers.requested).toEqual([0]);
    await server.stop();

    const delays: number[] = [];
    for (let failure = 1; failure <= 9; failure++) delays.push(await round(timers));
    const ceilings = [1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000];
    expect(delays).toEqual(ceilings.map((ceiling, k) => Math.floor((JITTER[k] ?? 0) * ceiling)));
    const down = await service.call('sync.status', {});
    expect(down).toMatchObject({ online: false, signedIn: true, syncing: false });
    expect(down.lastError).toMatch(/^Không kết nối được tới máy chủ 127\.0\.0\.1:\d+/);

    // Writing while backing off queues the change but does not knock on the server sooner.
    const due = timers.only().due;
    const story = await service.call('stories.create', { content: storyText(1, 0, paragraphs) });
    expect(timers.pending.size).toBe(1);
    expect(timers.only().due).toBe(due);
    expect((await service.call('sync.status', {})).pending).toBe(1);

    // The server is back: the next round succeeds, the failures are forgotten.
    await server.restart();
    expect(await round(timers)).toBe(POLL_MS);
    expect(await service.call('sync.status', {})).toMatchObject({ online: true, pending: 0, lastError: null });
    expect(await service.call('stories.get', { id: story.id })).toMatchObject({ rev: 1, baseRev: 1 });

    // Online and idle, a change is pushed after the short kick delay, not at the next poll.
    await service.call('stories.save', { id: story.id, content: storyText(1, 1, paragraphs) });
    expect(timers.only().ms).toBe(20);
    expect(await round(timers)).toBe(POLL_MS);
    expect(await service.call('stories.get', { id: story.id })).toMatchObject({ rev: 2 });

    // Down again: the backoff starts over from the base.
    await server.stop();
    expect(await round(timers)).toBe(Math.floor((JITTER[9] ?? 0) * 1_000));
    await server.restart();
    expect(await round(timers)).toBe(POLL_MS);

    const transitions = states.map((s) => s.online).filter((online, k, all) => k === 0 || all[k - 1] !== online);
    expect(transitions).toEqual([false, true, false, true]);
    expect(states.some((s) => s.syncing === true)).toBe(true);
  });

  it('treats a server that never answers as offline, after the request time limit', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const held: net.Socket[] = [];
    silent.on('connection', (socket) => held.push(socket));
    try {
      const address = silent.address() as net.AddressInfo;
      const timers = new ManualTimers();
      const { desk } = await signedInDesk(`http://127.0.0.1:${address.port}`, timers, { requestTimeoutMs: 300 });
      expect(await round(timers)).toBe(Math.floor((JITTER[0] ?? 0) * 1_000));
      const status = await desk.service.call('sync.status', {});
      expect(status.online).toBe(false);
      expect(status.lastError).toMatch(/không trả lời sau 1 giây/);
    } finally {
      for (const socket of held) socket.destroy();
      silent.close();
    }
  });

  it('signs out when the server no longer accepts the token, and waits for a new sign-in', async () => {
    const timers = new ManualTimers();
    const { desk, token } = await signedInDesk(server.url, timers);
    expect(await round(timers)).toBe(POLL_MS);
    const logout = await call(server.url, 'POST', '/api/logout', { token: token.token });
    expect(logout.status).toBe(204);

    timers.fireNext();
    const out = await waitFor('the worker to notice the revoked token', async () => {
      const status = await desk.service.call('sync.status', {});
      return status.signedIn ? null : status;
    });
    expect(out.lastError).toBe('Phiên đăng nhập đã kết thúc, hãy đăng nhập lại');
    expect(timers.pending.size).toBe(0);

    await desk.service.call('stories.create', { content: storyText(2, 0, paragraphs) });
    expect(timers.pending.size).toBe(0);
    expect(await desk.service.call('sync.status', {})).toMatchObject({ signedIn: false, pending: 1 });
  });
});
