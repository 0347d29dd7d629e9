// Stories stored before the workflow existed, on both databases: a database at
// migration 6 with a published, a corrected, a scheduled and a draft story is
// opened by this server. Each comes out with its workflow fields written down:
// 'corrected' is published, a published story's live copy is the text it had
// (so the site shows what it showed), and a scheduled story whose time passed
// goes out at start-up, logged late.
import { expect, it } from 'vitest';
import type { Story } from '../../core/story';
import { sectionSlugOf, shortIdOf } from '../../core/site/address';
import { auditAnswer } from '../../core/sync';
import { POSTGRES_MIGRATIONS } from '../../server/storage/migrations/postgres';
import { SQLITE_MIGRATIONS } from '../../server/storage/migrations/sqlite';
import { SCHEMA_MIGRATIONS_TABLE } from '../../server/storage/dialect';
import { call, login, push, serverCopy } from '../helpers/server/api';
import { createDatabase, type DatabaseKind, type TestDatabase } from '../helpers/server/databases';
import { parseHtml, texts } from '../helpers/server/dom';
import { describeEachDatabase, PASSWORD } from '../helpers/server/harness';
import { runServerCli, startServer } from '../helpers/server/process';
import { newId, storyPayload, transition, upsert } from '../helpers/server/stories';
import { waitFor } from '../helpers/sync-desk';

const CHIEF = 'tongbientap';
const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

function oldStory(status: Story['status'], sapo: string, extra: Partial<Story> = {}): Story {
  const now = new Date().toISOString();
  return {
    ...storyPayload({ sapo }),
    id: newId(),
    status,
    author: CHIEF,
    assignee: null,
    publishAt: null,
    publishedAt: status === 'published' || status === 'corrected' ? now : null,
    createdAt: now,
    updatedAt: now,
    rev: 1,
    baseRev: 1,
    ...extra,
  };
}

/** The rows migration 6 knew, as the server of that time wrote them. */
function oldRowsSql(kind: DatabaseKind, stories: Story[]): string {
  const json = (value: unknown) => (kind === 'postgres' ? `${quote(JSON.stringify(value))}::json` : quote(JSON.stringify(value)));
  const time = (value: string | null) => (value === null ? 'NULL' : quote(value));
  return stories
    .map((s, i) => {
      const { headline, sapo, byline, section, tags, slug, related, body } = s;
      const live = s.status === 'published' || s.status === 'corrected';
      const slugOnSite = slug || 'cum-thi-dua-so-4';
      return `
        INSERT INTO stories (id, short_id, author, assignee, status, section, section_slug, slug, headline, sapo, is_pick,
          published_at, updated_at, rev, seq, trashed_at, data)
        VALUES (${quote(s.id)}, ${quote(shortIdOf(s.id))}, ${quote(s.author)}, NULL, ${quote(s.status)}, ${quote(section)},
          ${quote(sectionSlugOf(section))}, ${quote(slugOnSite)}, ${quote(headline)}, ${quote(sapo)}, ${kind === 'postgres' ? 'false' : '0'},
          ${time(s.publishedAt)}, ${quote(s.updatedAt)}, 1, ${i + 1}, NULL, ${json({ ...s, slug: live ? slugOnSite : slug })});
        INSERT INTO story_revisions (story_id, rev, author, reason, created_at, content)
        VALUES (${quote(s.id)}, 1, ${quote(s.author)}, 'save', ${quote(s.updatedAt)},
          ${json({ headline, sapo, byline, section, tags, slug, related, body })});
        ${live ? `INSERT INTO story_addresses (short_id, section_slug, slug, story_id, created_at)
          VALUES (${quote(shortIdOf(s.id))}, ${quote(sectionSlugOf(section))}, ${quote(slugOnSite)}, ${quote(s.id)}, ${quote(s.updatedAt)});` : ''}`;
    })
    .join('\n');
}

/** A database as migration 6 left it, holding `stories`. */
async function databaseAtMigration6(kind: DatabaseKind, stories: Story[]): Promise<TestDatabase> {
  const db = await createDatabase(kind);
  const migrations = (kind === 'postgres' ? POSTGRES_MIGRATIONS : SQLITE_MIGRATIONS).slice(0, 6);
  const now = new Date().toISOString();
  await db.execute(
    [
      `${SCHEMA_MIGRATIONS_TABLE[kind]};`,
      ...migrations.map((m) => `${m.sql}\nINSERT INTO schema_migrations (version, name, applied_at) VALUES (${m.version}, ${quote(m.name)}, ${quote(now)});`),
      oldRowsSql(kind, stories),
      `UPDATE sync_clock SET change_seq = ${stories.length} WHERE id = 1;`,
    ].join('\n'),
  );
  return db;
}

const articlePath = (s: Story) => `/cong-doan/cum-thi-dua-so-4-${shortIdOf(s.id)}.html`;

describeEachDatabase('stories stored before the workflow', (h) => {
  it('come out published, corrected as published, with their text live, and a missed schedule goes out late', async () => {
    const published = oldStory('published', 'Bản đã đăng trước khi có quy trình.');
    const corrected = oldStory('corrected', 'Bản đã đính chính theo cách cũ.');
    const draft = oldStory('draft', 'Bản nháp cũ.');
    const past = new Date(Date.now() - 30 * 60_000).toISOString();
    const scheduled = oldStory('scheduled', 'Bài hẹn giờ khi máy chủ còn tắt.', { publishAt: past });
    const db = await databaseAtMigration6(h.kind, [published, corrected, draft, scheduled]);
    try {
      // Opening the database migrates it; the first account comes from the command line.
      const env = { DATABASE_URL: db.url };
      const cli = await runServerCli(['user', 'add', CHIEF, '--role', 'chief'], `${PASSWORD}\n`, env);
      expect(cli.code, cli.stderr).toBe(0);
      const rows = await db.rows('SELECT id, status, data, workflow FROM stories');
      const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown>;
      for (const row of rows) {
        expect(row.workflow, String(row.id)).not.toBeNull();
        expect(row.status).not.toBe('corrected');
        expect(parse(row.data).status).not.toBe('corrected');
      }
      const stored = new Map(rows.map((r) => [String(r.id), parse(r.workflow)]));
      expect(stored.get(corrected.id)).toMatchObject({ status: 'published', corrections: [], live: { sapo: corrected.sapo } });
      expect(stored.get(draft.id)).toMatchObject({ status: 'draft', live: null });

      const server = await startServer({ ...env, SCHEDULER_INTERVAL_MS: '50' });
      try {
        const token = await login(server.url, CHIEF, PASSWORD);
        const copy = await serverCopy(server.url, token, corrected.id);
        expect(copy.story.status).toBe('published');
        expect(copy.workflow).toMatchObject({ status: 'published', pendingUpdate: false, corrections: [] });
        const page = await call(server.url, 'GET', articlePath(corrected));
        expect(page.status).toBe(200);
        expect(texts(parseHtml(page.text), '.sapo')).toEqual([corrected.sapo]);
        expect((await serverCopy(server.url, token, draft.id)).workflow?.status).toBe('draft');

        // The missed schedule went out when the server started, marked late.
        await waitFor('the missed schedule published', async () => (await serverCopy(server.url, token, scheduled.id)).workflow?.status === 'published');
        const log = auditAnswer.parse((await call(server.url, 'GET', `/api/stories/${scheduled.id}/audit`, { token })).json()).entries;
        expect(log.filter((e) => e.action === 'publish')).toEqual([expect.objectContaining({ actor: '@scheduler', late: true })]);
        const { story: onSite } = await serverCopy(server.url, token, scheduled.id);
        expect((await call(server.url, 'GET', `/cong-doan/${onSite.slug}-${shortIdOf(onSite.id)}.html`)).status).toBe(200);

        // The live copy is the text the site showed: an edit waits for "Cập nhật bài".
        const edit = await push(server.url, token, [upsert(published.id, 1, storyPayload({ sapo: 'Sapo sửa sau khi nâng cấp.' }))]);
        expect(edit.results[0]).toMatchObject({ status: 'applied', rev: 2 });
        expect(texts(parseHtml((await call(server.url, 'GET', articlePath(published))).text), '.sapo')).toEqual([published.sapo]);
        expect(await push(server.url, token, [transition(published.id, { action: 'update' })])).toMatchObject({ results: [{ status: 'applied' }] });
        expect(texts(parseHtml((await call(server.url, 'GET', articlePath(published))).text), '.sapo')).toEqual(['Sapo sửa sau khi nâng cấp.']);
      } finally {
        await server.stop();
      }
    } finally {
      await db.drop();
    }
  });
});
