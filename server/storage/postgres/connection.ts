// PostgreSQL, for several stateless server instances sharing one database.
// Race-freedom comes from the database, never from this process (see ./sync).
import pg from 'pg';
import { SCHEMA_MIGRATIONS_TABLE } from '../dialect';
import { POSTGRES_MIGRATIONS } from '../migrations/postgres';
import { runMigrations } from '../migrations/runner';

export type Row = Record<string, unknown>;
export type Client = pg.PoolClient;

export class PostgresConnection {
  private constructor(readonly pool: pg.Pool) {}

  static async open(connectionString: string, onPoolError: (error: Error) => void): Promise<PostgresConnection> {
    const pool = new pg.Pool({ connectionString, max: Number(process.env.PG_POOL_MAX ?? 10) });
    pool.on('error', onPoolError);
    const conn = new PostgresConnection(pool);
    try {
      await conn.migrate();
    } catch (error) {
      await pool.end();
      throw error;
    }
    return conn;
  }

  async tx<T>(work: (c: Client) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async migrate(): Promise<void> {
    await this.tx(async (c) => {
      await runMigrations(
        {
          transaction: async (work) => {
            // Instances starting together take turns; the lock is per schema so that
            // parallel test schemas do not wait on each other.
            await c.query('SELECT pg_advisory_xact_lock(hashtext(current_schema()))');
            await work();
          },
          exec: async (sql) => void (await c.query(sql)),
          appliedVersions: async () => (await c.query('SELECT version FROM schema_migrations')).rows.map((r: Row) => Number(r.version)),
          record: async (m) =>
            void (await c.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [m.version, m.name])),
          bookkeepingTable: SCHEMA_MIGRATIONS_TABLE.postgres,
        },
        POSTGRES_MIGRATIONS,
      );
    });
  }
}
