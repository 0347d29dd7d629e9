// The local HTTP transport, end to end: `start:web` runs as a real child process
// on a temp data folder, and every check goes over real HTTP on 127.0.0.1.
import { connect } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppService } from '../../service';
import { CONTENT_SECURITY_POLICY } from '../../service/web/security';
import { startWebServer } from '../../service/web/server';
import { makeTempDir, type TempDir } from '../helpers/db-temp';
import { sampleLines, storyContentOf } from '../helpers/db-story-content';
import { killGroup, rawRequest, rpc, rpcResult, startWebProcess, type WebProcess } from '../helpers/service-web';

const SECRET = 'bí mật ngoài thư mục giao diện';
const INDEX_HTML = '<!doctype html><html lang="vi"><head><script type="module" src="./assets/app.js"></script></head></html>\n';
const { paragraphs, headlines } = sampleLines();

let tmp: TempDir;
let web: WebProcess;

/** A built UI stand-in, with files next to it that must never be served. */
function makeStaticDir(): string {
  const dir = tmp.file('ui/static');
  mkdirSync(`${dir}/assets`, { recursive: true });
  writeFileSync(`${dir}/index.html`, INDEX_HTML);
  writeFileSync(`${dir}/assets/app.js`, 'console.log("Newsdesk");\n');
  writeFileSync(tmp.file('ui/package.json'), JSON.stringify({ secret: SECRET }));
  return dir;
}

beforeAll(async () => {
  tmp = makeTempDir('newsdesk-web-');
  web = await startWebProcess(['--data', tmp.file('data'), '--port', '0', '--static', makeStaticDir()]);
});
afterAll(async () => {
  if (web.child.exitCode === null) web.child.kill('SIGKILL');
  await web.exited;
  tmp.remove();
});

const host = () => `127.0.0.1:${web.port}`;

describe('start:web', () => {
  it('prints exactly one line, the address with a fresh 32-character token', async () => {
    await rpcResult(web, 'stories.list', {});
    expect(web.stdoutLines()).toEqual([`Newsdesk: http://127.0.0.1:${web.port}/?token=${web.token}`]);
    expect(web.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(web.port).toBeGreaterThan(0);
  });

  it('refuses a bad --port with a usage message and exit code 2', async () => {
    const run = startWebProcess(['--data', tmp.file('other'), '--port', 'tám']);
    await expect(run).rejects.toThrow(/exited \(2\)[\s\S]*Cổng \(--port\) phải là một số[\s\S]*Cách dùng/);
  });

  it('refuses an unknown flag', async () => {
    await expect(startWebProcess(['--dta', tmp.file('other')])).rejects.toThrow(/Tham số không hợp lệ/);
  });
});

describe('authorization', () => {
  it.each([
    ['no token', {}],
    ['a wrong token of the same length', { Authorization: `Bearer ${'x'.repeat(32)}` }],
    ['a wrong token of another length', { Authorization: 'Bearer abc' }],
    ['another scheme', { Authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }],
  ])('answers 401 to a call with %s', async (_name, headers) => {
    const response = await fetch(`${web.origin}/rpc/stories.list`, { method: 'POST', headers, body: '{}' });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: expect.stringMatching(/mã truy cập/) } });
  });

  it('does not take the token from the query string for calls', async () => {
    const response = await fetch(`${web.origin}/rpc/stories.list?token=${web.token}`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(401);
  });

  it('answers 401 before saying whether a handler exists', async () => {
    const response = await fetch(`${web.origin}/rpc/khong.co`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(401);
  });

  it('answers 200 with the token, in the envelope the renderer reads, with security headers', async () => {
    const headline = headlines[0] ?? '';
    const reply = await rpc(web, 'stories.create', { content: { headline } });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ ok: true, value: expect.objectContaining({ headline, status: 'draft' }) });
    expect(reply.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(reply.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('referrer-policy')).toBe('no-referrer');
    expect(reply.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('calls', () => {
  it('answers 404 to an unknown handler', async () => {
    const reply = await rpc(web, 'stories.delete', {});
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({ ok: false, error: { code: 'UNKNOWN_HANDLER', message: expect.stringContaining('stories.delete') } });
  });

  it('answers 400 to malformed JSON', async () => {
    const response = await fetch(`${web.origin}/rpc/stories.list`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${web.token}` },
      body: '{"limit": 5,',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, error: { code: 'BAD_JSON', message: 'Nội dung yêu cầu không phải JSON hợp lệ.' } });
  });

  it('answers 400 in its own shape to JSON nested thousands of levels deep', async () => {
    for (const body of ['['.repeat(5_000) + ']'.repeat(5_000), `{"content":${'{"a":'.repeat(3_000)}1${'}'.repeat(3_000)}}`]) {
      const response = await fetch(`${web.origin}/rpc/stories.create`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${web.token}` },
        body,
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ ok: false, error: { code: 'JSON_TOO_DEEP', message: expect.stringMatching(/lồng nhau quá sâu/) } });
    }
  });

  it.each([
    ['a Content-Length that is not a number', 'Content-Length: mười'],
    ['two different Content-Lengths', 'Content-Length: 5\r\nContent-Length: 7'],
  ])('answers %s in its own shape, in Vietnamese', async (_what, header) => {
    const { hostname, port } = new URL(web.origin);
    const text = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () =>
        socket.write(`POST /rpc/stories.list HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAuthorization: Bearer ${web.token}\r\n${header}\r\n\r\n{}`),
      );
      let received = '';
      socket.setEncoding('utf8');
      socket.on('data', (d: string) => (received += d));
      socket.on('error', reject);
      socket.on('close', () => resolve(received));
    });
    expect(text).toMatch(/^HTTP\/1\.1 400/);
    expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('không đọc được yêu cầu') },
    });
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'ftp://toasoan.vn'])('refuses %s as the server address', async (serverUrl) => {
    for (const [name, args] of [
      ['settings.set', { serverUrl }],
      ['sync.signIn', { serverUrl, username: 'hphong', password: 'x' }],
    ] as const) {
      const reply = await rpc(web, name, args);
      expect(reply.status, name).toBe(400);
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS', message: expect.stringMatching(/Địa chỉ máy chủ/) } });
    }
  });

  it('answers 400 with the Vietnamese validation message', async () => {
    const reply = await rpc(web, 'stories.get', { id: 'bai-1' });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ ok: false, error: { code: 'INVALID_ARGS', message: 'Mã bài viết không hợp lệ' } });
  });

  it('answers 404 for a missing story and 409 for a save into the trash', async () => {
    const missing = await rpc(web, 'stories.get', { id: '01920000-0000-7000-8000-000000000000' });
    expect(missing.status).toBe(404);
    const story = await rpcResult<{ id: string }>(web, 'stories.create', {});
    await rpcResult(web, 'stories.trash', { id: story.id });
    const trashed = await rpc(web, 'stories.autosave', { id: story.id, content: storyContentOf({ headline: 'Tít' }) });
    expect(trashed.status).toBe(409);
    expect(trashed.body).toMatchObject({ ok: false, error: { code: 'STORY_IN_TRASH' } });
  });

  it.each([
    ['with a Content-Length', false],
    ['chunked', true],
  ])('answers 413 to a body over 30 MB sent %s', async (_name, chunked) => {
    const big = new Uint8Array(30 * 1024 * 1024 + 1).fill(0x20);
    const body = chunked
      ? new ReadableStream<Uint8Array>({
          start(controller) {
            for (let at = 0; at < big.length; at += 1024 * 1024) controller.enqueue(big.subarray(at, at + 1024 * 1024));
            controller.close();
          },
        })
      : big;
    const response = await fetch(`${web.origin}/rpc/stories.list`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${web.token}` },
      body,
      ...(chunked ? { duplex: 'half' } : {}),
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'BODY_TOO_LARGE' } });
    // The server is still there for the next call.
    expect((await rpc(web, 'stories.sections', {})).status).toBe(200);
  });

  it('answers 405 to a GET on a handler', async () => {
    const response = await fetch(`${web.origin}/rpc/stories.list`, { headers: { Authorization: `Bearer ${web.token}` } });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });
});

describe('DNS rebinding and cross-origin requests', () => {
  const call = (headers: Record<string, string>) =>
    rawRequest(web.port, {
      method: 'POST',
      path: '/rpc/stories.sections',
      headers: { Authorization: `Bearer ${web.token}`, 'Content-Type': 'application/json', ...headers },
      body: '{}',
    });

  it.each([`evil.example:PORT`, '127.0.0.1:1', 'localhost', 'PORT', '127.0.0.1.nip.io:PORT'])(
    'refuses the Host header %s with 403',
    async (value) => {
      const reply = await call({ Host: value.replace('PORT', String(web.port)) });
      expect(reply.status).toBe(403);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'BAD_HOST' } });
    },
  );

  it('refuses a page from another Host even for static files', async () => {
    const reply = await rawRequest(web.port, { path: '/', headers: { Host: `evil.example:${web.port}` } });
    expect(reply.status).toBe(403);
    expect(reply.body).not.toContain('<script');
  });

  it.each(['127.0.0.1:PORT', 'localhost:PORT', 'LOCALHOST:PORT'])('accepts the Host header %s', async (value) => {
    const reply = await call({ Host: value.replace('PORT', String(web.port)) });
    expect(reply.status).toBe(200);
  });

  it.each(['http://evil.example', 'null', `http://127.0.0.1:1`, `https://127.0.0.1:PORT`])('refuses a POST from the origin %s with 403', async (origin) => {
    const reply = await call({ Host: host(), Origin: origin.replace('PORT', String(web.port)) });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ORIGIN' } });
  });

  it('accepts a POST from its own origin', async () => {
    const reply = await call({ Host: host(), Origin: `http://127.0.0.1:${web.port}` });
    expect(reply.status).toBe(200);
  });
});

/** Reads server-sent events until `done` says stop. */
async function readEvents(
  response: Response,
  done: (events: Array<{ event: string; data: unknown }>) => boolean,
): Promise<Array<{ event: string; data: unknown }>> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: Array<{ event: string; data: unknown }> = [];
  let buffer = '';
  while (!done(events)) {
    const { value, done: ended } = await reader.read();
    if (ended) break;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      if (event !== undefined && data !== undefined) events.push({ event, data: JSON.parse(data) });
      else if (block.includes(': connected')) events.push({ event: 'connected', data: null });
    }
  }
  await reader.cancel();
  return events;
}

describe('server-sent events', () => {
  it('answers 401 without the token', async () => {
    expect((await fetch(`${web.origin}/events`)).status).toBe(401);
    expect((await fetch(`${web.origin}/events?token=faux`)).status).toBe(401);
  });

  it.each([
    ['in the query string', (token: string) => ({ path: `/events?token=${encodeURIComponent(token)}`, headers: {} })],
    ['in the Authorization header', (token: string) => ({ path: '/events', headers: { Authorization: `Bearer ${token}` } })],
  ])('delivers story.changed and save.state after a save, with the token %s', async (_name, how) => {
    const story = await rpcResult<{ id: string }>(web, 'stories.create', {});
    const { path, headers } = how(web.token);
    const response = await fetch(`${web.origin}${path}`, { headers });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');

    let saved = false;
    const events = await readEvents(response, (seen) => {
      if (!saved && seen.some((e) => e.event === 'connected')) {
        saved = true;
        void rpcResult(web, 'stories.save', { id: story.id, content: storyContentOf({ headline: 'Tít', paragraphs: paragraphs.slice(0, 2) }) });
      }
      return seen.some((e) => e.event === 'story.changed');
    });
    expect(events.filter((e) => e.event !== 'connected')).toEqual([
      { event: 'save.state', data: { id: story.id, state: 'saving' } },
      { event: 'save.state', data: { id: story.id, state: 'saved' } },
      { event: 'story.changed', data: { id: story.id, updatedAt: expect.any(String) } },
    ]);
  });
});

describe('static files', () => {
  it('serves index.html at / with the strict CSP', async () => {
    const response = await fetch(`${web.origin}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(INDEX_HTML);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
  });

  it('serves the assets with their type and a long cache', async () => {
    const response = await fetch(`${web.origin}/assets/app.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${web.origin}/assets/missing.js`)).status).toBe(404);
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E/package.json',
    '/assets/../../package.json',
    '/..%2fpackage.json',
    '/..%5cpackage.json',
    '/%2e%2e%2f%2e%2e%2fdata/newsdesk.db',
    '/assets/%00.js',
  ])('refuses the path %s', async (path) => {
    const reply = await rawRequest(web.port, { path, headers: { Host: host() } });
    expect([400, 403]).toContain(reply.status);
    expect(reply.body).not.toContain(SECRET);
    expect(reply.body).not.toContain('SQLite');
  });

  it('serves nothing for other methods', async () => {
    const response = await fetch(`${web.origin}/index.html`, { method: 'PUT', body: 'x' });
    expect(response.status).toBe(405);
  });
});

describe('shutting down', () => {
  it('closes the store cleanly on SIGTERM and exits 0', async () => {
    const dataDir = tmp.file('term');
    const child = await startWebProcess(['--data', dataDir, '--static', tmp.file('ui/static')]);
    const story = await rpcResult<{ id: string }>(child, 'stories.create', { content: { headline: 'Tít trước khi dừng' } });
    child.child.kill('SIGTERM');
    expect(await child.exited).toBe(0);
    const db = new Database(`${dataDir}/newsdesk.db`, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT headline FROM stories WHERE id = ?').get(story.id)).toEqual({ headline: 'Tít trước khi dừng' });
    db.close();
  });
});

describe('npm run start:web', () => {
  it('runs through the package script and says when the UI is not built', async () => {
    const empty = tmp.file('empty-ui');
    mkdirSync(empty, { recursive: true });
    const child = await startWebProcess(['--data', tmp.file('npm'), '--static', empty], { command: 'npm' });
    try {
      const page = await fetch(`${child.origin}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Giao diện Newsdesk chưa được dựng');
      expect(child.stdoutLines()).toHaveLength(1);
      expect((await rpc(child, 'settings.get', {})).status).toBe(200);
    } finally {
      killGroup(child, 'SIGTERM');
      await child.exited;
    }
  });
});

describe('startWebServer in process', () => {
  it('sends a heartbeat comment on a quiet stream, and ends streams on close', async () => {
    const service = await createAppService({ dataDir: tmp.file('heartbeat'), userName: 'H.Phong' });
    const server = await startWebServer({ service, heartbeatMs: 20 });
    try {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
      const response = await fetch(`http://127.0.0.1:${server.port}/events?token=${server.token}`);
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      while (!text.includes(': heartbeat')) text += (await reader.read()).value ?? '';
      await server.close();
      while (!(await reader.read()).done);
    } finally {
      await service.close();
    }
  });

  it('listens on the loopback interface only', async () => {
    const service = await createAppService({ dataDir: tmp.file('loopback'), userName: 'H.Phong' });
    try {
      await expect(startWebServer({ service, host: '0.0.0.0' })).rejects.toThrow(/loopback/);
    } finally {
      await service.close();
    }
  });
});
