// The publishing server under load, on loopback, against SQLite and then
// PostgreSQL: the real server process, seeded with the sample articles.
//   - article page: autocannon for 10 s → requests/s and p99 latency
//   - push throughput: new stories in batches of 100, one client and four
//   - backlog: one desktop pushing 1,000 stories with 5,000 revisions, then pulling them
// PostgreSQL needs TEST_DATABASE_URL (bash scripts/start-test-postgres.sh).
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { call, ensureStatus, login, pullAll, push, type Op } from '../helpers/server/api';
import { createDatabase, POSTGRES_HELP, type DatabaseKind } from '../helpers/server/databases';
import { ARCHIVE_CHECKLIST_ENV } from '../helpers/server/checklists';
import { runServerCli, startServer } from '../helpers/server/process';
import { editedSampleContent, seedSamples } from '../helpers/server/samples';
import { newId, upsert } from '../helpers/server/stories';
import { onEachDatabase, round, writeResult } from './stats';
import { benchSyncBacklog } from './sync-backlog';

const ARTICLE_SECONDS = Number(process.env.BENCH_SERVER_SECONDS ?? 10);
const CONNECTIONS = 10;
const PASSWORD = 'mật khẩu đo tải 2025';

const autocannonResult = z.object({
  requests: z.object({ average: z.number(), total: z.number() }),
  latency: z.object({ average: z.number(), p50: z.number(), p99: z.number(), max: z.number() }),
  non2xx: z.number(),
  errors: z.number(),
  timeouts: z.number(),
});
type LoadOptions = { url: string; duration: number; connections: number; headers?: Record<string, string> };

async function load(options: LoadOptions): Promise<z.infer<typeof autocannonResult>> {
  // autocannon ships no types: its answer is checked instead.
  const specifier = 'autocannon';
  const autocannon = ((await import(specifier)) as { default: (o: LoadOptions) => Promise<unknown> }).default;
  return autocannonResult.parse(await autocannon(options));
}


async function pushInBatches(url: string, token: string, ops: Op[], batch: number): Promise<void> {
  for (let i = 0; i < ops.length; i += batch) {
    const { results } = await push(url, token, ops.slice(i, i + batch));
    const bad = results.find((r) => r.status !== 'applied');
    if (bad) throw new Error(`push: ${JSON.stringify(bad).slice(0, 300)}`);
  }
}

async function benchOne(kind: DatabaseKind): Promise<object> {
  const db = await createDatabase(kind);
  // The seed is an archive (teasers have no byline): the checklist only warns, as for an archive load.
  const env = { DATABASE_URL: db.url, LOG_LEVEL: 'warn', ...ARCHIVE_CHECKLIST_ENV };
  const cli = await runServerCli(['user', 'add', 'tongbientap', '--role', 'chief'], `${PASSWORD}\n`, env);
  if (cli.code !== 0) throw new Error(cli.stderr);
  const server = await startServer(env, { keepLogs: false });
  try {
    const chief = await login(server.url, 'tongbientap', PASSWORD);
    const created = await call(server.url, 'POST', '/api/users', { token: chief, json: { username: 'hphong', password: PASSWORD, role: 'reporter' } });
    ensureStatus(created, 201);
    const reporter = await login(server.url, 'hphong', PASSWORD);

    const seed = await seedSamples(server.url, chief);
    const articleUrl = server.url + seed.ldld.path;
    await load({ url: articleUrl, duration: 2, connections: CONNECTIONS });
    const page = await load({ url: articleUrl, duration: ARTICLE_SECONDS, connections: CONNECTIONS });

    const oneClientOps = Array.from({ length: 2_000 }, (_, i) => upsert(newId(), 0, editedSampleContent(i, 0)));
    let t = performance.now();
    await pushInBatches(server.url, chief, oneClientOps, 100);
    const oneClientMs = performance.now() - t;

    const fourClients = Array.from({ length: 4 }, (_, c) =>
      Array.from({ length: 500 }, (_, i) => upsert(newId(), 0, editedSampleContent(c * 500 + i, 0))),
    );
    t = performance.now();
    await Promise.all(fourClients.map((ops) => pushInBatches(server.url, chief, ops, 100)));
    const fourClientsMs = performance.now() - t;

    // One desktop's backlog: 1,000 stories, each created and then edited four times.
    const ids = Array.from({ length: 1_000 }, () => newId());
    const backlog: Op[] = [];
    for (let revision = 0; revision < 5; revision++) {
      ids.forEach((id, i) => backlog.push(upsert(id, revision, editedSampleContent(i, revision))));
    }
    t = performance.now();
    await pushInBatches(server.url, reporter, backlog, 200);
    const backlogPushMs = performance.now() - t;
    t = performance.now();
    const pulled = await pullAll(server.url, reporter, 500);
    const backlogPullMs = performance.now() - t;
    if (pulled.length !== 1_000) throw new Error(`pulled ${pulled.length} stories, expected 1000`);

    return {
      database: kind,
      articlePage: {
        path: seed.ldld.path,
        seconds: ARTICLE_SECONDS,
        connections: CONNECTIONS,
        requestsPerSecond: round(page.requests.average, 0),
        latencyMs: { average: page.latency.average, p50: page.latency.p50, p99: page.latency.p99, max: page.latency.max },
        non2xx: page.non2xx,
        errors: page.errors + page.timeouts,
        targetRequestsPerSecond: 3_000,
        meetsTarget: page.requests.average >= 3_000,
      },
      push: {
        storyBytes: JSON.stringify(editedSampleContent(0, 0)).length,
        oneClient: { ops: oneClientOps.length, batch: 100, ms: round(oneClientMs, 0), opsPerSecond: round((oneClientOps.length / oneClientMs) * 1000, 0) },
        fourClients: { ops: 2_000, batch: 100, ms: round(fourClientsMs, 0), opsPerSecond: round((2_000 / fourClientsMs) * 1000, 0) },
      },
      backlog: {
        stories: ids.length,
        revisions: backlog.length,
        batch: 200,
        pushMs: round(backlogPushMs, 0),
        pullMs: round(backlogPullMs, 0),
        totalMs: round(backlogPushMs + backlogPullMs, 0),
        targetMs: 10_000,
        meetsTarget: backlogPushMs + backlogPullMs <= 10_000,
      },
    };
  } finally {
    await server.stop();
    await db.drop();
  }
}

export async function benchServer(): Promise<object> {
  const runs = await onEachDatabase('server bench', POSTGRES_HELP, benchOne);
  const result = {
    notes: [
      'Real server process (LOG_LEVEL=warn) and autocannon in the bench process, both on 127.0.0.1.',
      'Article pages are served from the in-memory page cache, keyed by path and site version.',
      'Backlog: one reporter pushes 1,000 new stories plus 4 edits of each (5,000 upserts, 200 per request), then pulls them.',
    ],
    runs,
    // The backlog as a reporter's desktop really sends it: app service, outbox and sync worker.
    desktopBacklog: await benchSyncBacklog(),
  };
  const file = writeResult('server', result);
  return { file, ...result };
}
