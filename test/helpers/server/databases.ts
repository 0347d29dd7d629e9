// A fresh database per test file: a temp SQLite file, or a PostgreSQL schema of
// its own (search_path in the URL), dropped afterwards, so parallel files never
// see each other's rows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';

export type DatabaseKind = 'sqlite' | 'postgres';

export type TestDatabase = {
  kind: DatabaseKind;
  /** What the server gets as DATABASE_URL. */
  url: string;
  /** Runs SQL directly, bypassing the server (e.g. to age a session). */
  execute(sql: string): Promise<void>;
  /** Reads rows directly, bypassing the server (e.g. to see what a migration wrote). */
  rows(sql: string): Promise<Array<Record<string, unknown>>>;
  drop(): Promise<void>;
};

export const POSTGRES_HELP =
  'TEST_DATABASE_URL is not set. Start PostgreSQL with `bash scripts/start-test-postgres.sh` and export the URL it prints, e.g. ' +
  'export TEST_DATABASE_URL=postgres://newsdesk:newsdesk@127.0.0.1:5432/newsdesk_test';

export function createSqliteDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-server-'));
  const file = join(dir, 'server.db');
  return {
    kind: 'sqlite',
    url: `file:${file}`,
    async execute(sql) {
      const db = new Database(file);
      try {
        db.pragma('busy_timeout = 5000');
        db.exec(sql);
      } finally {
        db.close();
      }
    },
    async rows(sql) {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare(sql).all() as Array<Record<string, unknown>>;
      } finally {
        db.close();
      }
    },
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function createPostgresDatabase(baseUrl: string): Promise<TestDatabase> {
  const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    kind: 'postgres',
    url: url.toString(),
    async execute(sql) {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    },
    async rows(sql) {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        return (await client.query(sql)).rows as Array<Record<string, unknown>>;
      } finally {
        await client.end();
      }
    },
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

export async function createDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'sqlite') return createSqliteDatabase();
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) throw new Error(POSTGRES_HELP);
  return createPostgresDatabase(baseUrl);
}
