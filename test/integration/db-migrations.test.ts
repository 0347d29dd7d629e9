import { writeFileSync, mkdirSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../db/errors';
import { loadMigrations, migrate, schemaVersion } from '../../db/migrate';
import { openStoreDatabase } from '../../db/open';
import { searchStories } from '../../db/search/search';
import { makeTempDir, type TempDir } from '../helpers/db-temp';

let temp: TempDir;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => {
  temp.remove();
});

function schemaObjects(db: Database.Database): string[] {
  return (
    db
      .prepare("SELECT type || ' ' || name AS object FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY 1")
      .all() as Array<{ object: string }>
  ).map((row) => row.object);
}

function columns(db: Database.Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>).map((c) => c.name);
}

function expectStoreError(action: () => unknown, code: string): StoreError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe(code);
    return error as StoreError;
  }
  throw new Error(`expected a StoreError ${code}, nothing was thrown`);
}

// What each step of the chain adds, in order.
const CHAIN: Array<{ version: number; adds: string[] }> = [
  {
    version: 1,
    adds: [
      'table stories',
      'table revisions',
      'table open_autosaves',
      'index stories_by_update',
      'index stories_by_status',
      'index stories_by_section',
      'index stories_by_author',
      'index revisions_by_story',
      'trigger revisions_no_update',
      'trigger revisions_no_delete',
    ],
  },
  { version: 2, adds: ['table stories_fts', 'table stories_fts_data', 'table stories_fts_config'] },
  { version: 3, adds: ['table media', 'table settings'] },
  { version: 4, adds: ['table outbox', 'table sync_pulled', 'table sync_conflicts', 'table sync_meta'] },
  // Rebuilds the search index in place: same tables, new options.
  { version: 5, adds: [] },
  { version: 6, adds: ['table sync_set_aside'] },
  // A column of stories: local_only.
  { version: 7, adds: [] },
  // Rebuilds the outbox in place (new kinds, states and columns), every op kept.
  { version: 8, adds: ['table story_workflow', 'index stories_by_assignee', 'table notifications', 'index notifications_by_account'] },
  // Editorial notes.
  { version: 9, adds: ['table notes', 'index notes_by_story', 'table notes_fetched'] },
  // Merge bases and the places a merge left to a person.
  { version: 10, adds: ['table sync_bases', 'table merge_conflicts', 'index merge_conflicts_open'] },
];

describe('migration chain', () => {
  it('walks from an empty database to the last migration, one version at a time', () => {
    const migrations = loadMigrations();
    expect(migrations.map((m) => m.version)).toEqual(CHAIN.map((step) => step.version));
    const db = new Database(temp.file('chain.db'));
    expect(schemaVersion(db)).toBe(0);
    expect(schemaObjects(db)).toEqual([]);
    for (const step of CHAIN) {
      const before = schemaObjects(db);
      migrate(db, migrations.slice(0, step.version));
      expect(schemaVersion(db)).toBe(step.version);
      const added = schemaObjects(db).filter((object) => !before.includes(object));
      expect(added).toEqual(expect.arrayContaining(step.adds));
    }
    expect(columns(db, 'stories')).toEqual([
      'seq', 'id', 'status', 'author', 'assignee', 'section', 'headline', 'sapo', 'byline', 'slug', 'tags',
      'related', 'publish_at', 'published_at', 'created_at', 'updated_at', 'rev', 'base_rev', 'deleted_at',
      'word_count', 'body_text', 'body', 'local_only',
    ]);
    expect(columns(db, 'revisions')).toEqual(['id', 'story_id', 'author', 'created_at', 'reason', 'content', 'merged_revision', 'merged_server_rev']);
    expect(columns(db, 'media')).toEqual(['sha256', 'mime', 'size', 'created_at', 'bytes']);
    expect(columns(db, 'story_workflow')).toEqual([
      'story_id', 'deadline', 'holder', 'held_since', 'spiked_from', 'corrections', 'pending_update', 'status_since', 'seq', 'base',
    ]);
    expect(columns(db, 'outbox')).toEqual([
      'op_id', 'seq', 'story_id', 'kind', 'base_rev', 'payload', 'sealed', 'created_at', 'attempts', 'state', 'last_error', 'actor', 'applied_seq',
    ]);
    expect(columns(db, 'settings')).toEqual(['key', 'value']);
    // Running the chain again on an up-to-date database changes nothing.
    const objects = schemaObjects(db);
    migrate(db, migrations);
    expect(schemaObjects(db)).toEqual(objects);
    expect(schemaVersion(db)).toBe(CHAIN.length);
    db.close();
  });

  it('gives every story that agrees with the server its text as merge base at step 10, and none to a story with changes waiting', () => {
    const migrations = loadMigrations();
    const db = new Database(temp.file('bases.db'));
    migrate(db, migrations.slice(0, 9));
    const body = JSON.stringify({ root: { type: 'root', version: 1, children: [] } });
    const insert = db.prepare(`
      INSERT INTO stories (id, status, author, headline, sapo, tags, created_at, updated_at, rev, base_rev, body)
      VALUES (?, 'draft', 'a', ?, 'Sapo', '["công đoàn"]', 't', 't', ?, ?, ?)`);
    insert.run('synced', 'LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới', 3, 3, body);
    insert.run('waiting', 'Cụm thi đua số 4', 2, 2, body);
    insert.run('never-sent', 'Bài chưa gửi', 0, 0, body);
    db.prepare(`INSERT INTO outbox (op_id, seq, story_id, kind, base_rev, payload, created_at) VALUES ('op', 1, 'waiting', 'upsert', 2, '{}', 't')`).run();
    migrate(db, migrations.slice(0, 10));
    const bases = db.prepare('SELECT story_id, rev, content FROM sync_bases').all() as Array<{ story_id: string; rev: number; content: string }>;
    expect(bases.map((row) => [row.story_id, row.rev])).toEqual([['synced', 3]]);
    expect(JSON.parse(bases[0]?.content ?? '{}')).toEqual({
      headline: 'LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới',
      sapo: 'Sapo',
      byline: '',
      section: '',
      tags: ['công đoàn'],
      slug: '',
      related: [],
      body: JSON.parse(body) as unknown,
    });
    db.close();
  });

  it('rebuilds the search index at step 5 from the stories already there, live ones only', () => {
    const migrations = loadMigrations();
    const db = new Database(temp.file('rebuild.db'));
    migrate(db, migrations.slice(0, 4));
    const insert = db.prepare(`
      INSERT INTO stories (id, status, author, headline, sapo, created_at, updated_at, deleted_at, body_text, body)
      VALUES (?, 'draft', 'a', ?, '', 't', 't', ?, ?, '{}')`);
    insert.run('live', 'LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới', null, 'Chăm lo đời sống đoàn viên');
    insert.run('trashed', 'Hai Bà Trưng', 't', 'Đoàn viên');
    migrate(db, migrations.slice(0, 5));
    expect(schemaVersion(db)).toBe(5);
    const found = (query: string) => searchStories(db, query).map((hit) => hit.id);
    expect(found('hai ba trung')).toEqual(['live']);
    expect(found('ldld')).toEqual(['live']);
    expect(found('Đoàn viên')).toEqual(['live']);
    db.close();
  });

  it('keeps every outbox op when step 8 rebuilds the outbox, which then takes transitions', () => {
    const migrations = loadMigrations();
    const db = new Database(temp.file('outbox.db'));
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 6));
    db.prepare(`INSERT INTO stories (id, status, author, headline, sapo, created_at, updated_at, body_text, body)
                VALUES ('s1', 'draft', 'hphong', 'Công đoàn chăm lo Tết', '', 't', 't', '', '{}')`).run();
    const op = db.prepare(`INSERT INTO outbox (op_id, seq, story_id, kind, base_rev, payload, sealed, created_at, attempts, state, last_error)
                           VALUES (?, ?, 's1', ?, 0, ?, 1, 't', ?, ?, ?)`);
    op.run('op-1', 1, 'upsert', '{"headline":"Công đoàn chăm lo Tết"}', 1, 'in_flight', null);
    op.run('op-2', 2, 'delete', null, 0, 'dead', 'Bài đang được biên tập');
    const before = db.prepare('SELECT * FROM outbox ORDER BY seq').all();
    migrate(db, migrations.slice(0, 8));
    const after = db.prepare('SELECT op_id, seq, story_id, kind, base_rev, payload, sealed, created_at, attempts, state, last_error FROM outbox ORDER BY seq').all();
    expect(after).toEqual(before);
    op.run('op-3', 3, 'transition', '{"action":"submit"}', 0, 'pending', null);
    expect(() => op.run('op-4', 4, 'publish', null, 0, 'pending', null)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO outbox (op_id, seq, story_id, kind, base_rev, created_at) VALUES ('op-5', 5, 'no-story', 'upsert', 0, 't')").run()).toThrow(
      /FOREIGN KEY/,
    );
    db.close();
  });

  it('rolls a failing migration back whole, leaving the previous version', () => {
    const migrations = [
      ...loadMigrations(),
      { version: CHAIN.length + 1, name: 'broken', sql: 'CREATE TABLE half_done (x); INSERT INTO no_such_table VALUES (1);' },
    ];
    const db = new Database(temp.file('broken.db'));
    const error = expectStoreError(() => migrate(db, migrations), 'MIGRATION_FAILED');
    expect(error.message).toContain(`Không nâng cấp được cơ sở dữ liệu ở bước ${CHAIN.length + 1}`);
    expect(schemaVersion(db)).toBe(CHAIN.length);
    expect(schemaObjects(db)).not.toContain('table half_done');
    db.close();
  });

  it.each([
    ['a gap in the numbering', ['0001_a.sql', '0003_c.sql']],
    ['a duplicate number', ['0001_a.sql', '0001_b.sql']],
    ['a file not named NNNN_name.sql', ['0001_a.sql', 'add-tags.sql']],
  ])('refuses a migrations folder with %s', (_case, files) => {
    const folder = temp.file('migrations');
    mkdirSync(folder);
    for (const file of files) writeFileSync(`${folder}/${file}`, 'SELECT 1;');
    expectStoreError(() => loadMigrations(folder), 'MIGRATIONS_BROKEN');
  });
});

describe('openStoreDatabase', () => {
  it('turns on WAL, foreign keys, a busy timeout and synchronous NORMAL', () => {
    const file = temp.file('store.db');
    const db = openStoreDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
    expect(schemaVersion(db)).toBe(CHAIN.length);
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('theme', '"dark"');
    expect(existsSync(`${file}-wal`)).toBe(true);
    db.close();

    const again = openStoreDatabase(file);
    expect(schemaVersion(again)).toBe(CHAIN.length);
    expect(again.prepare('SELECT value FROM settings WHERE key = ?').pluck().get('theme')).toBe('"dark"');
    again.close();
  });

  it('enforces foreign keys: a revision needs its story', () => {
    const db = openStoreDatabase(temp.file('fk.db'));
    expect(() =>
      db
        .prepare("INSERT INTO revisions (id, story_id, author, created_at, reason, content) VALUES ('r', 'no-such-story', 'a', 't', 'save', '{}')")
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('refuses a database from a newer Newsdesk, in Vietnamese, and leaves the file untouched', () => {
    const file = temp.file('newer.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE from_the_future (x)');
    raw.pragma(`user_version = ${CHAIN.length + 5}`);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
    raw.close();

    const error = expectStoreError(() => openStoreDatabase(file), 'DB_NEWER_THAN_APP');
    expect(error.message).toContain('phiên bản Newsdesk mới hơn');
    expect(error.message).toContain(`lược đồ số ${CHAIN.length + 5}`);

    const after = new Database(file);
    expect(schemaVersion(after)).toBe(CHAIN.length + 5);
    expect(after.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(schemaObjects(after)).toEqual(['table from_the_future']);
    after.close();
  });
});
