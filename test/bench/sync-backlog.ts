// One desktop's backlog reaching the server: a reporter's app service holds
// 1,000 stories, each created and saved five times (5,000 revisions, one op
// per save in the outbox), written before signing in. The clock runs from
// sign-in until the outbox is empty and the server has every revision. The
// real server process and the real app service with its sync worker, on
// loopback; SQLite, and PostgreSQL when TEST_DATABASE_URL is set.
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { POSTGRES_HELP, type DatabaseKind } from '../helpers/server/databases';
import { editedSampleContent } from '../helpers/server/samples';
import { openDesk, waitFor } from '../helpers/sync-desk';
import { PASSWORD, REPORTER, startDeskServer } from '../helpers/sync-server';
import { onEachDatabase, round, writeResult } from './stats';

const STORIES = Number(process.env.BENCH_BACKLOG_STORIES ?? 1_000);
const SAVES_PER_STORY = 5;
const TARGET_MS = 10_000;


function outboxSize(storePath: string): number {
  const db = new Database(storePath, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function benchOne(kind: DatabaseKind): Promise<object> {
  const server = await startDeskServer({ kind, accounts: [REPORTER] });
  // Default worker settings: what a desktop really runs with.
  const desk = await openDesk({ userName: REPORTER.username, sync: {} });
  try {
    const service = desk.service;
    let t = performance.now();
    for (let i = 0; i < STORIES; i++) {
      const story = await service.call('stories.create', { content: editedSampleContent(i, 0) });
      for (let save = 1; save <= SAVES_PER_STORY; save++) {
        await service.call('stories.save', { id: story.id, content: editedSampleContent(i, save) });
      }
    }
    const writeMs = performance.now() - t;
    const ops = outboxSize(service.storePath);
    const payloadBytes = JSON.stringify(editedSampleContent(0, 1)).length;

    let largestProgress = 0;
    service.on('sync.state', (state) => {
      if (state.progress) largestProgress = Math.max(largestProgress, state.progress.total);
    });
    t = performance.now();
    await service.call('sync.signIn', { serverUrl: server.url, username: REPORTER.username, password: PASSWORD });
    await waitFor(
      'the backlog to reach the server',
      async () => {
        const status = await service.call('sync.status', {});
        return status.pending === 0 && !status.syncing ? status : null;
      },
      120_000,
    );
    const syncMs = performance.now() - t;

    const [counts] = await server.query<{ stories: number | string; revs: number | string }>(
      'SELECT count(*) AS stories, sum(rev) AS revs FROM stories',
    );
    const status = await service.call('sync.status', {});
    if (Number(counts?.stories) !== STORIES || Number(counts?.revs) !== STORIES * SAVES_PER_STORY) {
      throw new Error(`server has ${counts?.stories} stories and ${counts?.revs} revisions: ${JSON.stringify(status)}`);
    }
    if (status.lastError !== null) throw new Error(`sync ended with an error: ${status.lastError}`);
    return {
      database: kind,
      stories: STORIES,
      revisions: STORIES * SAVES_PER_STORY,
      outboxOps: ops,
      payloadBytes,
      writeBacklogMs: round(writeMs, 0),
      syncMs: round(syncMs, 0),
      opsPerSecond: round((ops / syncMs) * 1000, 0),
      progressTotalSeen: largestProgress,
      targetMs: TARGET_MS,
      meetsTarget: syncMs <= TARGET_MS,
    };
  } finally {
    await desk.close();
    await server.close();
  }
}

export async function benchSyncBacklog(): Promise<object> {
  const runs = await onEachDatabase('sync backlog bench', POSTGRES_HELP, benchOne);
  const result = {
    notes: [
      'The real app service (its SQLite store, outbox and sync worker, default settings) and the real server process (LOG_LEVEL=warn), on 127.0.0.1.',
      `Backlog: ${STORIES} stories created and saved ${SAVES_PER_STORY} times each before sign-in; each save is one op (autosaves would coalesce).`,
      'syncMs runs from sign-in until the outbox is empty; the server is then checked for every story and revision.',
    ],
    runs,
  };
  const file = writeResult('sync-backlog', result);
  return { file, ...result };
}
