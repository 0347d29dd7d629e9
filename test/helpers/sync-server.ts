// The real publishing server for desktop sync tests and benchmarks: a child
// process on a random 127.0.0.1 port over a temp SQLite file (or a PostgreSQL
// schema), accounts made with its own CLI, and a way to stop it and bring it
// back on the same port and database, as a newsroom server restarts.
import Database from 'better-sqlite3';
import pg from 'pg';
import { createDatabase, type DatabaseKind, type TestDatabase } from './server/databases';
import { runServerCli, startServer, type ServerProcess } from './server/process';

export type Role = 'reporter' | 'editor' | 'chief';
export interface Account {
  username: string;
  role: Role;
  /** Given with `user add --display-name`; without it the username stands in. */
  displayName?: string;
}

export const PASSWORD = 'Mật khẩu toà soạn 2025';
export const REPORTER: Account = { username: 'hphong', role: 'reporter' };
export const EDITOR: Account = { username: 'bientap.lan', role: 'editor' };

export interface DeskServer {
  readonly kind: DatabaseKind;
  /** The current address; the same after a restart. */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
  /** Starts again on the same port and database. */
  restart(): Promise<void>;
  /** Stops the server and drops its database. */
  close(): Promise<void>;
  /** Reads the server's database directly, bypassing the API. */
  query<T>(sql: string, ...params: unknown[]): Promise<T[]>;
  /** Writes to the server's database directly, as an older or broken server could have. */
  execute(sql: string): Promise<void>;
}

export async function startDeskServer(
  options: { kind?: DatabaseKind; accounts?: readonly Account[]; keepLogs?: boolean; env?: Record<string, string> } = {},
): Promise<DeskServer> {
  const db: TestDatabase = await createDatabase(options.kind ?? 'sqlite');
  const env = { DATABASE_URL: db.url, LOG_LEVEL: 'warn', ...options.env };
  for (const account of options.accounts ?? [REPORTER, EDITOR]) {
    const named = account.displayName === undefined ? [] : ['--display-name', account.displayName];
    const cli = await runServerCli(['user', 'add', account.username, '--role', account.role, ...named], `${PASSWORD}\n`, env);
    if (cli.code !== 0) throw new Error(`user add ${account.username}: ${cli.stderr}`);
  }
  let process: ServerProcess | null = await startServer(env, { keepLogs: options.keepLogs ?? false });
  const url = process.url;
  const port = Number(new URL(url).port);
  return {
    kind: db.kind,
    url,
    port,
    async stop() {
      await process?.stop();
      process = null;
    },
    async restart() {
      await process?.stop();
      process = await startServer({ ...env, PORT: String(port) }, { keepLogs: options.keepLogs ?? false });
    },
    async close() {
      await process?.stop();
      process = null;
      await db.drop();
    },
    execute: (sql) => db.execute(sql),
    query: (sql, ...params) => (db.kind === 'sqlite' ? querySqlite(db.url, sql, params) : queryPostgres(db.url, sql, params)),
  };
}

async function querySqlite<T>(url: string, sql: string, params: unknown[]): Promise<T[]> {
  const file = url.slice('file:'.length);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

async function queryPostgres<T>(url: string, sql: string, params: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // The same SQL for both: ? placeholders become $1, $2…
    let n = 0;
    const text = sql.replace(/\?/g, () => `$${++n}`);
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}
