// The sign-in limit under concurrency (issue 8): attempts are counted in the
// database before the password is checked, so forty parallel guesses check at
// most the limit's number of passwords (the rest are 429 without a check), a
// right password after the limit waits too, and with PostgreSQL the count is
// shared by two server processes on one database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../helpers/server/api';
import { createDatabase, type DatabaseKind, type TestDatabase } from '../helpers/server/databases';
import { runServerCli, startServer, type ServerProcess } from '../helpers/server/process';

const LIMIT = 5;
const PASSWORD = 'Mật khẩu đúng của Lan 2025';
const PARALLEL = 40;

function describeOn(kind: DatabaseKind, instances: number): void {
  const missing = kind === 'postgres' && !process.env.TEST_DATABASE_URL;
  if (missing && process.env.CI) throw new Error('TEST_DATABASE_URL is needed under CI');
  describe.skipIf(missing)(`the sign-in limit [${kind}, ${instances} server process${instances > 1 ? 'es' : ''}]`, () => {
    let db: TestDatabase;
    const servers: ServerProcess[] = [];

    beforeAll(async () => {
      db = await createDatabase(kind);
      const env = { DATABASE_URL: db.url, LOGIN_MAX_FAILURES: String(LIMIT), LOGIN_WINDOW_SECONDS: '600', LOG_LEVEL: 'warn' };
      const added = await runServerCli(['user', 'add', 'lan', '--role', 'reporter'], `${PASSWORD}\n`, env);
      expect(added.code).toBe(0);
      for (let i = 0; i < instances; i++) servers.push(await startServer(env));
    }, 60_000);

    afterAll(async () => {
      await Promise.all(servers.map((server) => server.stop()));
      await db?.drop();
    });

    it(`lets at most ${LIMIT} of ${PARALLEL} parallel wrong guesses reach the password check`, async () => {
      const replies = await Promise.all(
        Array.from({ length: PARALLEL }, (_, i) =>
          call((servers[i % servers.length] as ServerProcess).url, 'POST', '/api/login', {
            json: { username: 'lan', password: `đoán sai số ${i}` },
          }),
        ),
      );
      const statuses = replies.map((reply) => reply.status);
      // 401 means the password was checked and wrong; 429 means it was never checked.
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(LIMIT);
      expect(statuses.filter((s) => s === 401).length).toBeGreaterThan(0);
      expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
      const refused = replies.find((reply) => reply.status === 429);
      expect(refused?.json()).toMatchObject({ error: { code: 'TOO_MANY_ATTEMPTS', message: expect.stringContaining('thử lại sau') } });
    });

    it('refuses the right password too until the window passes, on every instance', async () => {
      for (const server of servers) {
        const right = await call(server.url, 'POST', '/api/login', { json: { username: 'lan', password: PASSWORD } });
        expect(right.status).toBe(429);
        expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
      }
    });
  });
}

describeOn('sqlite', 1);
describeOn('postgres', 2);
