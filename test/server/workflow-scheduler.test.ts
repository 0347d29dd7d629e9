// The scheduler, with real server processes sharing one database: every
// scheduled story is published exactly once however many instances poll, a
// story whose time passed while no server ran goes out at start-up marked late,
// and one that no longer passes its blocking checks goes back to a person.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { auditAnswer, notificationsAnswer } from '../../core/sync';
import { DEFAULT_SECTION_CHECKLIST } from '../../core/workflow';
import { call, push, serverCopy } from '../helpers/server/api';
import { waitFor } from '../helpers/sync-desk';
import { describeEachDatabase, type Harness } from '../helpers/server/harness';
import { startServer, type ServerProcess } from '../helpers/server/process';
import { newId, storyPayload, toPublished, transition, upsert } from '../helpers/server/stories';

const POLL = { SCHEDULER_INTERVAL_MS: '50' };

async function scheduled(h: Harness, inMs: number, payload = storyPayload()): Promise<{ id: string; publishAt: string }> {
  const id = newId();
  const publishAt = new Date(Date.now() + inMs).toISOString();
  const { results } = await push(h.url, h.token('editor'), [
    upsert(id, 0, payload),
    transition(id, { action: 'submit' }),
    transition(id, { action: 'take' }),
    transition(id, { action: 'approve' }),
    transition(id, { action: 'schedule', publishAt }),
  ]);
  expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
  return { id, publishAt };
}

const auditOf = async (h: Harness, id: string) =>
  auditAnswer.parse((await call(h.url, 'GET', `/api/stories/${id}/audit`, { token: h.token('chief') })).json()).entries;

const statusOf = async (h: Harness, id: string) => (await serverCopy(h.url, h.token('chief'), id)).workflow?.status;

async function withServers<T>(count: number, env: Record<string, string>, h: Harness, work: (servers: ServerProcess[]) => Promise<T>): Promise<T> {
  const servers = await Promise.all(Array.from({ length: count }, () => startServer({ DATABASE_URL: h.db.url, ...env })));
  try {
    return await work(servers);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

describeEachDatabase(
  'the scheduler',
  (h) => {
    it('publishes every scheduled story exactly once, with two instances polling the same database', async () => {
      const stories = await Promise.all(Array.from({ length: 8 }, () => scheduled(h, 1_500)));
      await withServers(2, POLL, h, async () => {
        await waitFor('every story published', async () => {
          const states = await Promise.all(stories.map((s) => statusOf(h, s.id)));
          return states.every((s) => s === 'published');
        }, 20_000);
      });
      for (const { id } of stories) {
        const publications = (await auditOf(h, id)).filter((e) => e.action === 'publish');
        expect(publications).toHaveLength(1);
        expect(publications[0]).toMatchObject({ actor: '@scheduler', from: 'scheduled', to: 'published' });
        expect(publications[0]?.late).toBeUndefined();
        expect((await call(h.url, 'GET', `/api/stories/${id}`, { token: h.token('editor') })).status).toBe(200);
      }
      const told = notificationsAnswer.parse((await call(h.url, 'GET', '/api/notifications', { token: h.token('editor') })).json()).notifications;
      // The writer is told once per story: one publication, one notification.
      for (const { id } of stories) expect(told.filter((n) => n.storyId === id && n.kind === 'published')).toHaveLength(1);
    });

    it('publishes at start-up a story whose time passed while no server ran, and logs it late', async () => {
      const { id } = await scheduled(h, 60_000);
      // Nothing polls now (the harness's server does not schedule); ten minutes pass, as if the server were down.
      const past = new Date(Date.now() - 10 * 60_000).toISOString();
      await h.db.execute(
        h.kind === 'sqlite'
          ? `UPDATE stories SET workflow = json_set(workflow, '$.publishAt', '${past}') WHERE id = '${id}'`
          : `UPDATE stories SET workflow = jsonb_set(workflow::jsonb, '{publishAt}', '"${past}"')::json WHERE id = '${id}'`,
      );
      expect(await statusOf(h, id)).toBe('scheduled');
      await withServers(1, { SCHEDULER_INTERVAL_MS: '60000' }, h, async () => {
        await waitFor('published at start-up', async () => (await statusOf(h, id)) === 'published', 20_000);
      });
      const [publication] = (await auditOf(h, id)).filter((e) => e.action === 'publish');
      expect(publication).toMatchObject({ actor: '@scheduler', late: true });
    });

    it('holds back a story that no longer passes its blocking checks, and tells who scheduled it', async () => {
      const { id } = await scheduled(h, 1_000);
      // The newsroom tightened the rules since: the sapo must now have 60 words.
      const strict = join(tmpdir(), `checklist-${newId()}.json`);
      writeFileSync(strict, JSON.stringify({ default: { ...DEFAULT_SECTION_CHECKLIST, sapo: { level: 'blocking', minWords: 60, maxWords: 200 } }, sections: {} }));
      await withServers(1, { ...POLL, CHECKLIST_FILE: strict }, h, async () => {
        await waitFor('held back', async () => (await statusOf(h, id)) === 'approved', 20_000);
      });
      const last = (await auditOf(h, id)).at(-1);
      expect(last).toMatchObject({ actor: '@scheduler', action: 'unschedule', from: 'scheduled', to: 'approved' });
      expect(last?.note).toMatch(/^Không đăng được theo lịch: Sapo có \d+ chữ, ít hơn mức 60–200 chữ$/);
      const told = notificationsAnswer.parse((await call(h.url, 'GET', '/api/notifications', { token: h.token('editor') })).json()).notifications;
      expect(told.filter((n) => n.storyId === id).map((n) => n.kind)).toEqual(['schedule-failed']);
    });

    it('runs the slug check too: a story whose address another took since it was scheduled is held back', async () => {
      const headline = `Lịch tiếp công dân tháng ${newId().slice(-6)} của Liên đoàn Lao động thành phố`;
      const { id } = await scheduled(h, 1_000, storyPayload({ headline }));
      // Meanwhile another story with the same headline goes out first and takes the address.
      const other = newId();
      const first = await push(h.url, h.token('editor'), [upsert(other, 0, storyPayload({ headline })), ...toPublished(other)]);
      expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
      const unique = join(tmpdir(), `checklist-${newId()}.json`);
      writeFileSync(unique, JSON.stringify({ default: { ...DEFAULT_SECTION_CHECKLIST, slug: { level: 'blocking' } }, sections: {} }));
      await withServers(1, { ...POLL, CHECKLIST_FILE: unique }, h, async () => {
        await waitFor('held back', async () => (await statusOf(h, id)) === 'approved', 20_000);
      });
      expect((await auditOf(h, id)).at(-1)?.note).toMatch(/^Không đăng được theo lịch: Đường dẫn “lich-tiep-cong-dan-thang-.*” đã có bài khác dùng trong chuyên mục này$/);
    });
  },
  { env: { SCHEDULER_INTERVAL_MS: '0' } },
);
