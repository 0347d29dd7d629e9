// One SQLite file, zero setup. better-sqlite3 is synchronous, and every write
// runs in a BEGIN IMMEDIATE transaction, so writers are serialized by the file
// lock; that alone makes rev counters and op dedupe race-free here.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { SCHEMA_MIGRATIONS_TABLE } from '../dialect';
import { SQLITE_MIGRATIONS } from '../migrations/sqlite';
import { runMigrations } from '../migrations/runner';

export type Row = Record<string, unknown>;

export class SqliteConnection {
  readonly db: Database.Database;
  // better-sqlite3 caches nothing itself; the set of SQL strings here is small and fixed.
  private readonly statements = new Map<string, Database.Statement>();

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
  }

  statement(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  async migrate(): Promise<void> {
    await runMigrations(
      {
        transaction: async (work) => {
          this.db.exec('BEGIN IMMEDIATE');
          try {
            await work();
            this.db.exec('COMMIT');
          } catch (error) {
            this.db.exec('ROLLBACK');
            throw error;
          }
        },
        exec: async (sql) => void this.db.exec(sql),
        appliedVersions: async () => this.db.prepare('SELECT version FROM schema_migrations').all().map((r) => Number((r as Row).version)),
        record: async (m) =>
          void this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString()),
        bookkeepingTable: SCHEMA_MIGRATIONS_TABLE.sqlite,
      },
      SQLITE_MIGRATIONS,
    );
  }
}
