// PostgreSQL storage: several stateless server instances sharing one database,
// one concern per module.
import type { DatabaseHealth, Storage } from '../types';
import { PostgresAccounts } from './accounts';
import { PostgresConnection, type Row } from './connection';
import { PostgresHistory } from './history';
import { PostgresMedia } from './media';
import { PostgresNotifications } from './notifications';
import { PostgresNotes, PostgresPresence } from './notes';
import { PostgresSite } from './site';
import { PostgresSync } from './sync';

export async function openPostgresStorage(connectionString: string, onPoolError: (error: Error) => void): Promise<Storage> {
  const conn = await PostgresConnection.open(connectionString, onPoolError);
  return {
    kind: 'postgres',
    accounts: new PostgresAccounts(conn),
    sync: new PostgresSync(conn),
    history: new PostgresHistory(conn),
    media: new PostgresMedia(conn),
    site: new PostgresSite(conn),
    notifications: new PostgresNotifications(conn),
    notes: new PostgresNotes(conn),
    presence: new PostgresPresence(conn),
    async health(): Promise<DatabaseHealth> {
      try {
        const { rows } = await conn.pool.query('SELECT max(version) AS v FROM schema_migrations');
        return { kind: 'postgres', ok: true, migration: Number((rows[0] as Row).v ?? 0) };
      } catch (error) {
        return { kind: 'postgres', ok: false, migration: 0, error: (error as Error).message };
      }
    },
    async close(): Promise<void> {
      await conn.pool.end();
    },
  };
}
