// Presence on the server, on both databases: who has a story open for editing,
// kept in the database so that two server instances sharing it answer alike;
// a heartbeat keeps "since", a gap longer than the TTL starts it again, and
// only those who may see the story are told anything about it.
import { expect, it } from 'vitest';
import { call, push } from '../helpers/server/api';
import { describeEachDatabase, type Harness } from '../helpers/server/harness';
import { heartbeat, whoIsHere } from '../helpers/server/notes';
import { startServer } from '../helpers/server/process';
import { newId, transition, upsert } from '../helpers/server/stories';

async function submittedStory(h: Harness): Promise<string> {
  const id = newId();
  const { results } = await push(h.url, h.token('reporter'), [upsert(id, 0), transition(id, { action: 'submit' })]);
  expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
  return id;
}

describeEachDatabase('presence on the server', (h) => {
  it('tells everyone who may see the story who is editing it, on any server instance', async () => {
    const id = await submittedStory(h);
    const first = await heartbeat(h.url, h.token('editor'), id);
    expect(first).toMatchObject({ status: 200, present: ['bientap.lan'] });
    // A second instance on the same database knows, and adds its own visitor.
    const other = await startServer({ DATABASE_URL: h.db.url, LOG_LEVEL: 'warn' });
    try {
      expect(await whoIsHere(other.url, h.token('reporter'), id)).toEqual({ status: 200, present: ['bientap.lan'] });
      const both = await heartbeat(other.url, h.token('editor2'), id);
      expect(both.present).toEqual(['bientap.lan', 'bientap.hung']);
      // The next heartbeat keeps the time the editor started.
      const again = await heartbeat(h.url, h.token('editor'), id);
      expect(again.since['bientap.lan']).toBe(first.since['bientap.lan']);
      expect(await whoIsHere(h.url, h.token('chief'), id)).toEqual({ status: 200, present: ['bientap.lan', 'bientap.hung'] });
      // Leaving is at once, wherever it is said.
      expect((await call(other.url, 'DELETE', `/api/presence/${id}`, { token: h.token('editor') })).status).toBe(204);
      expect(await whoIsHere(h.url, h.token('reporter'), id)).toEqual({ status: 200, present: ['bientap.hung'] });
    } finally {
      await other.stop();
    }
  });

  it('forgets someone whose heartbeats stopped, and starts their time again when they come back', async () => {
    const id = await submittedStory(h);
    const first = await heartbeat(h.url, h.token('editor'), id);
    // Their last heartbeat was two minutes ago (a closed laptop): past the 60 s TTL.
    const old = new Date(Date.now() - 120_000).toISOString();
    await h.db.execute(`UPDATE presence SET since = '${old}', seen_at = '${old}' WHERE username = 'bientap.lan'`);
    expect(await whoIsHere(h.url, h.token('reporter'), id)).toEqual({ status: 200, present: [] });
    const back = await heartbeat(h.url, h.token('editor'), id);
    expect(back.present).toEqual(['bientap.lan']);
    expect(Date.parse(back.since['bientap.lan'] ?? '')).toBeGreaterThanOrEqual(Date.parse(first.since['bientap.lan'] ?? ''));
    expect(back.since['bientap.lan']).not.toBe(old);
  });

  it('says nothing about a story the caller may not see, and checks every request', async () => {
    const draft = newId();
    expect((await push(h.url, h.token('reporter'), [upsert(draft, 0)])).results[0]?.status).toBe('applied');
    expect((await heartbeat(h.url, h.token('reporter'), draft)).present).toEqual(['hphong']);
    // Another reporter, and the desk, may not see a draft: absent and invisible look the same.
    expect((await heartbeat(h.url, h.token('reporter2'), draft)).status).toBe(404);
    expect((await whoIsHere(h.url, h.token('editor'), draft)).status).toBe(404);
    expect((await whoIsHere(h.url, h.token('editor'), newId())).status).toBe(404);
    expect((await call(h.url, 'POST', '/api/presence', { token: h.token('editor'), json: { storyId: 'khong-phai-uuid' } })).status).toBe(400);
    expect((await call(h.url, 'POST', '/api/presence', { json: { storyId: draft } })).status).toBe(401);
    expect((await call(h.url, 'GET', `/api/presence/${draft}`)).status).toBe(401);
    expect((await call(h.url, 'DELETE', `/api/presence/${draft}`)).status).toBe(401);
  });
});
