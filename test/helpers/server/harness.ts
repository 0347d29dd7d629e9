// Runs a suite once per database: SQLite always; PostgreSQL when
// TEST_DATABASE_URL is set. Without it the PostgreSQL half fails under CI and is
// skipped, loudly, on a laptop. Each run gets its own database and server
// process, and accounts for every role.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { call, login } from './api';
import { POSTGRES_HELP, createDatabase, type DatabaseKind, type TestDatabase } from './databases';
import { runServerCli, startServer, type ServerProcess } from './process';

export type Role = 'reporter' | 'editor' | 'chief';
export type Account = { username: string; role: Role; password: string; token: string };
export const ACCOUNT_NAMES = ['chief', 'editor', 'editor2', 'reporter', 'reporter2'] as const;
export type AccountName = (typeof ACCOUNT_NAMES)[number];

export type Harness = {
  kind: DatabaseKind;
  db: TestDatabase;
  server: ServerProcess;
  url: string;
  accounts: Record<AccountName, Account>;
  /** A token of the named account. */
  token(name: AccountName): string;
};

const ROLE_OF: Record<AccountName, Role> = {
  chief: 'chief',
  editor: 'editor',
  editor2: 'editor',
  reporter: 'reporter',
  reporter2: 'reporter',
};
/** Usernames in the newsroom's style. */
const USERNAME_OF: Record<AccountName, string> = {
  chief: 'tongbientap',
  editor: 'bientap.lan',
  editor2: 'bientap.hung',
  reporter: 'hphong',
  reporter2: 'manhquan',
};
export const PASSWORD = 'Mật khẩu đủ dài 2025';

export type HarnessOptions = { env?: Record<string, string> };

let warned = false;

export function describeEachDatabase(title: string, body: (h: Harness) => void, options: HarnessOptions = {}): void {
  for (const kind of ['sqlite', 'postgres'] as const) {
    const name = `${title} [${kind}]`;
    if (kind === 'postgres' && !process.env.TEST_DATABASE_URL) {
      if (process.env.CI) {
        describe(name, () => {
          it('needs PostgreSQL', () => {
            throw new Error(POSTGRES_HELP);
          });
        });
      } else {
        if (!warned) {
          console.warn(`\n\n!!!!!!!! SKIPPING the PostgreSQL half of the server tests !!!!!!!!\n${POSTGRES_HELP}\n\n`);
          warned = true;
        }
        describe.skip(name, () => body(harness(kind, options, false)));
      }
      continue;
    }
    describe(name, () => body(harness(kind, options, true)));
  }
}

function harness(kind: DatabaseKind, options: HarnessOptions, active: boolean): Harness {
  const h = { kind, accounts: {} } as Harness;
  h.token = (name) => h.accounts[name].token;
  if (!active) return h;
  beforeAll(async () => {
    h.db = await createDatabase(kind);
    const env = { DATABASE_URL: h.db.url, ...options.env };
    // The first account comes from the command line, as a newsroom would start.
    const cli = await runServerCli(['user', 'add', USERNAME_OF.chief, '--role', 'chief'], `${PASSWORD}\n`, env);
    if (cli.code !== 0) throw new Error(`user add failed: ${cli.stderr}`);
    h.server = await startServer(env);
    h.url = h.server.url;
    const chiefToken = await login(h.url, USERNAME_OF.chief, PASSWORD);
    for (const name of ACCOUNT_NAMES) {
      if (name !== 'chief') {
        const reply = await call(h.url, 'POST', '/api/users', {
          token: chiefToken,
          json: { username: USERNAME_OF[name], password: PASSWORD, role: ROLE_OF[name] },
        });
        if (reply.status !== 201) throw new Error(`creating ${name}: ${reply.status} ${reply.text}`);
      }
      const token = name === 'chief' ? chiefToken : await login(h.url, USERNAME_OF[name], PASSWORD);
      h.accounts[name] = { username: USERNAME_OF[name], role: ROLE_OF[name], password: PASSWORD, token };
    }
  }, 90_000);
  afterAll(async () => {
    await h.server?.stop();
    await h.db?.drop();
  });
  return h;
}
