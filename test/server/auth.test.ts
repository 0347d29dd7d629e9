import { describe, expect, it } from 'vitest';
import { newsroomUser, usersAnswer } from '../../core/sync';
import { call, login } from '../helpers/server/api';
import { describeEachDatabase, PASSWORD } from '../helpers/server/harness';
import { runServerCli } from '../helpers/server/process';

describeEachDatabase(
  'accounts and sign-in',
  (h) => {
    describe('login', () => {
      it('answers a token with its expiry and the account', async () => {
        const reply = await call(h.url, 'POST', '/api/login', { json: { username: h.accounts.editor.username, password: PASSWORD } });
        expect(reply.status).toBe(200);
        const body = reply.json() as { token: string; expiresAt: string; user: unknown };
        expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
        // An account made without a display name: the username stands in.
        const account = { username: h.accounts.editor.username, displayName: h.accounts.editor.username, role: 'editor' };
        expect(body.user).toEqual(account);
        const me = await call(h.url, 'GET', '/api/me', { token: body.token });
        expect(newsroomUser.parse(me.json())).toEqual(account);
      });

      it.each([
        ['a wrong password', 'editor', 'sai mật khẩu rồi'],
        ['an unknown user', 'khong-ton-tai', PASSWORD],
      ])('refuses %s with the same answer', async (_what, who, password) => {
        const username = who === 'editor' ? h.accounts.editor2.username : who;
        const reply = await call(h.url, 'POST', '/api/login', { json: { username, password } });
        expect(reply.status).toBe(401);
        expect(reply.json()).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: 'Sai tên đăng nhập hoặc mật khẩu' } });
      });

      it('stores no password and no token in the clear', async () => {
        const token = await login(h.url, h.accounts.reporter.username, PASSWORD);
        const leaked = await countRows(h, `SELECT count(*) AS n FROM sessions WHERE token_hash = '${token}'`);
        expect(leaked).toBe(0);
        const hashes = await countRows(h, "SELECT count(*) AS n FROM users WHERE password_hash LIKE 'scrypt$%'");
        expect(hashes).toBe(5);
      });

      it('rate-limits failed logins per user and address, with Retry-After', async () => {
        const username = h.accounts.reporter2.username;
        const wrong = { username, password: 'đoán bừa mật khẩu' };
        for (let i = 0; i < 3; i++) expect((await call(h.url, 'POST', '/api/login', { json: wrong })).status).toBe(401);
        const limited = await call(h.url, 'POST', '/api/login', { json: wrong });
        expect(limited.status).toBe(429);
        expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(limited.json()).toMatchObject({ error: { code: 'TOO_MANY_ATTEMPTS', message: expect.stringContaining('thử lại sau') } });
        // Even the right password waits: the limit is on the pair, not on wrong guesses only.
        const right = await call(h.url, 'POST', '/api/login', { json: { username, password: PASSWORD } });
        expect(right.status).toBe(429);
        // Another account from the same address is not punished.
        expect((await call(h.url, 'POST', '/api/login', { json: { username: h.accounts.editor.username, password: PASSWORD } })).status).toBe(200);
      });
    });

    describe('tokens', () => {
      it('refuses a missing, malformed or unknown token', async () => {
        expect((await call(h.url, 'GET', '/api/me')).status).toBe(401);
        expect((await call(h.url, 'GET', '/api/me', { headers: { authorization: 'Bearer khong phai token' } })).status).toBe(401);
        expect((await call(h.url, 'GET', '/api/me', { headers: { authorization: 'Basic YWxhZGRpbjpvcGVuc2VzYW1l' } })).status).toBe(401);
        const unknown = 'A'.repeat(43);
        const reply = await call(h.url, 'GET', '/api/me', { token: unknown });
        expect(reply.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
      });

      it('revokes the token on logout, on every request after', async () => {
        const token = await login(h.url, h.accounts.editor.username, PASSWORD);
        expect((await call(h.url, 'GET', '/api/me', { token })).status).toBe(200);
        expect((await call(h.url, 'POST', '/api/logout', { token })).status).toBe(204);
        const after = await call(h.url, 'GET', '/api/sync/pull', { token });
        expect(after.status).toBe(401);
        expect(after.json()).toMatchObject({ error: { code: 'SESSION_REVOKED' } });
        // Other sessions of the same account live on.
        expect((await call(h.url, 'GET', '/api/me', { token: h.token('editor') })).status).toBe(200);
      });

      it('refuses an expired token', async () => {
        const token = await login(h.url, h.accounts.editor2.username, PASSWORD);
        const { createHash } = await import('node:crypto');
        const hash = createHash('sha256').update(token).digest('hex');
        await h.db.execute(`UPDATE sessions SET expires_at = '2001-01-01T00:00:00.000Z' WHERE token_hash = '${hash}'`);
        const reply = await call(h.url, 'GET', '/api/me', { token });
        expect(reply.status).toBe(401);
        expect(reply.json()).toMatchObject({ error: { code: 'SESSION_EXPIRED', message: expect.stringContaining('hết hạn') } });
      });
    });

    describe("the newsroom's accounts", () => {
      it('are listed, with display names, to everyone signed in: reporters @mention too', async () => {
        const made = await call(h.url, 'POST', '/api/users', {
          token: h.token('chief'),
          json: { username: 'lan.bt', password: PASSWORD, role: 'editor', displayName: 'Trần Thị Lan' },
        });
        expect(made.status).toBe(201);
        expect(made.json()).toEqual({ username: 'lan.bt', displayName: 'Trần Thị Lan', role: 'editor' });
        const reply = await call(h.url, 'GET', '/api/users', { token: h.token('reporter') });
        expect(reply.status).toBe(200);
        const { users } = usersAnswer.parse(reply.json());
        expect(users).toContainEqual({ username: 'lan.bt', displayName: 'Trần Thị Lan', role: 'editor' });
        expect(users).toContainEqual({ username: h.accounts.reporter.username, displayName: h.accounts.reporter.username, role: 'reporter' });
        expect((await call(h.url, 'GET', '/api/users')).status).toBe(401);
      });
    });

    describe('user add on the command line', () => {
      it('creates an account from a password on stdin, which can then sign in', async () => {
        const cli = await runServerCli(['user', 'add', 'phongvien.moi', '--role', 'reporter'], 'mật-khẩu-mới-đủ-dài\n', { DATABASE_URL: h.db.url });
        expect(cli.code, cli.stderr).toBe(0);
        expect(cli.stdout).toContain('Đã tạo tài khoản phongvien.moi (reporter)');
        await login(h.url, 'phongvien.moi', 'mật-khẩu-mới-đủ-dài');
      });

      it('gives the account the display name it is asked for, in NFC, which sign-in and /api/me answer', async () => {
        const decomposed = 'Nguyễn Thị Hường'.normalize('NFD');
        const cli = await runServerCli(['user', 'add', 'nthuong', '--role', 'reporter', '--display-name', `  ${decomposed} `], 'mật-khẩu-mới-đủ-dài\n', {
          DATABASE_URL: h.db.url,
        });
        expect(cli.code, cli.stderr).toBe(0);
        expect(cli.stdout).toContain('Đã tạo tài khoản nthuong (reporter, tên hiển thị “Nguyễn Thị Hường”)');
        const reply = await call(h.url, 'POST', '/api/login', { json: { username: 'nthuong', password: 'mật-khẩu-mới-đủ-dài' } });
        const account = { username: 'nthuong', displayName: 'Nguyễn Thị Hường', role: 'reporter' };
        expect((reply.json() as { user: unknown }).user).toEqual(account);
        const token = (reply.json() as { token: string }).token;
        expect(newsroomUser.parse((await call(h.url, 'GET', '/api/me', { token })).json())).toEqual(account);
      });

      it.each([
        [['user', 'add', 'hphong', '--role', 'reporter'], 'mot-mat-khau-dai', 'đã tồn tại'],
        [['user', 'add', 'ngan', '--role', 'reporter'], 'ngan', 'ít nhất 8'],
        [['user', 'add', 'sai.vai.tro', '--role', 'admin'], 'mot-mat-khau-dai', 'Vai trò'],
        [['user', 'add', 'Có Dấu', '--role', 'editor'], 'mot-mat-khau-dai', 'Tên đăng nhập'],
        [['user', 'remove', 'hphong'], '', 'Cách dùng'],
        [['user', 'add', 'khong.ten', '--role', 'reporter', '--display-name', '   '], 'mot-mat-khau-dai', 'Tên hiển thị không được để trống'],
      ])('refuses %j with a reason', async (args, stdin, reason) => {
        const cli = await runServerCli(args, `${stdin}\n`, { DATABASE_URL: h.db.url });
        expect(cli.code).not.toBe(0);
        expect(cli.stderr).toContain(reason);
      });
    });
  },
  { env: { LOGIN_MAX_FAILURES: '3' } },
);

async function countRows(h: { db: { kind: string; url: string } }, sql: string): Promise<number> {
  if (h.db.kind === 'sqlite') {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(h.db.url.slice('file:'.length), { readonly: true });
    try {
      return Number((db.prepare(sql).get() as { n: number }).n);
    } finally {
      db.close();
    }
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: h.db.url });
  await client.connect();
  try {
    return Number((await client.query(sql)).rows[0].n);
  } finally {
    await client.end();
  }
}
