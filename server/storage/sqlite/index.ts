// SQLite storage: the zero-setup default, one file, one concern per module.
import type { DatabaseHealth, Storage } from '../types';
import { SqliteAccounts } from './accounts';
import { SqliteConnection, type Row } from './connection';
import { SqliteHistory } from './history';
import { SqliteMedia } from './media';
import { SqliteNotifications } from './notifications';
import { SqliteNotes, SqlitePresence } from './notes';
import { SqliteSite } from './site';
import { SqliteSync } from './sync';

export async function openSqliteStorage(file: string): Promise<Storage> {
  const conn = new SqliteConnection(file);
  try {
    await conn.migrate();
  } catch (error) {
    conn.db.close();
    throw error;
  }
  return {
    kind: 'sqlite',
    accounts: new SqliteAccounts(conn),
    sync: new SqliteSync(conn),
    history: new SqliteHistory(conn),
    media: new SqliteMedia(conn),
    site: new SqliteSite(conn),
    notifications: new SqliteNotifications(conn),
    notes: new SqliteNotes(conn),
    presence: new SqlitePresence(conn),
    async health(): Promise<DatabaseHealth> {
      try {
        const row = conn.statement('SELECT max(version) AS v FROM schema_migrations').get() as Row;
        return { kind: 'sqlite', ok: true, migration: Number(row.v ?? 0) };
      } catch (error) {
        return { kind: 'sqlite', ok: false, migration: 0, error: (error as Error).message };
      }
    },
    async close(): Promise<void> {
      conn.db.close();
    },
  };
}
