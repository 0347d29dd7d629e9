import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/csp';
import {
  contentTypeFor,
  createAppProtocolHandler,
  registerAppScheme,
  resolveAppPath,
  serveAppProtocol,
} from '../../electron/protocol';
import { protocol, resetElectronFake } from '../helpers/electron-fake';

vi.mock('electron', () => import('../helpers/electron-fake'));

const ROOT = '/srv/newsdesk/out/renderer';

type Expected = { inside: string } | { status: 403 | 404 };

// Each row: a URL as the renderer (or an attacker inside it) could ask for it,
// and what must come of it. `inside` is the file relative to the root.
const POSIX_TABLE: ReadonlyArray<readonly [string, Expected]> = [
  ['app://newsdesk/', { inside: 'index.html' }],
  ['app://newsdesk/index.html', { inside: 'index.html' }],
  ['app://newsdesk/assets/main-3f2a.js', { inside: 'assets/main-3f2a.js' }],
  ['app://newsdesk/bai-viet/0190f3a2', { inside: 'index.html' }],
  ['app://newsdesk/index.html?lang=vi#sapo', { inside: 'index.html' }],
  [`app://newsdesk/${encodeURIComponent('ảnh')}/${encodeURIComponent('Trường Sa.jpg')}`, { inside: 'ảnh/Trường Sa.jpg' }],
  // Literal and %2e dot segments are folded by the URL parser, and stay inside.
  ['app://newsdesk/../secret.txt', { inside: 'secret.txt' }],
  ['app://newsdesk/%2e%2e/%2E%2e/secret.txt', { inside: 'secret.txt' }],
  ['app://newsdesk/assets/.%2e/.%2e/.%2e/etc/shadow.txt', { inside: 'etc/shadow.txt' }],
  // Absolute paths are read as relative to the root.
  ['app://newsdesk//etc/passwd.txt', { inside: 'etc/passwd.txt' }],
  ['app://newsdesk/%2Fetc%2Fpasswd.txt', { inside: 'etc/passwd.txt' }],
  // Encoded separators only become '..' after decoding: refused.
  ['app://newsdesk/..%2fsecret.txt', { status: 403 }],
  ['app://newsdesk/..%2Fsecret.txt', { status: 403 }],
  ['app://newsdesk/%2e%2e%2fsecret.txt', { status: 403 }],
  ['app://newsdesk/assets/..%2f..%2f..%2fsecret.txt', { status: 403 }],
  ['app://newsdesk/.%2findex.html', { status: 403 }],
  // Backslashes, Windows drives and alternate data streams.
  ['app://newsdesk/..%5csecret.txt', { status: 403 }],
  ['app://newsdesk/assets%5C..%5C..%5Csecret.txt', { status: 403 }],
  ['app://newsdesk/C:/Windows/win.ini', { status: 403 }],
  ['app://newsdesk/C%3A%5CWindows%5Cwin.ini', { status: 403 }],
  ['app://newsdesk/index.html::$DATA', { status: 403 }],
  // Null bytes.
  ['app://newsdesk/index.html%00.png', { status: 403 }],
  ['app://newsdesk/%00', { status: 403 }],
  // Malformed encoding, and anything that is not our origin.
  ['app://newsdesk/%E0%A4%A', { status: 404 }],
  ['app://evil/index.html', { status: 404 }],
  ['app://newsdesk.evil/index.html', { status: 404 }],
  ['app://newsdesk@evil/index.html', { status: 404 }],
  ['app://newsdesk:8080/index.html', { status: 404 }],
  ['file:///etc/passwd', { status: 404 }],
  ['https://newsdesk/index.html', { status: 404 }],
  ['not a url', { status: 404 }],
];

function expectedResolution(root: string, expected: Expected, pathApi: path.PlatformPath) {
  return 'inside' in expected
    ? { kind: 'file', filePath: pathApi.join(root, ...expected.inside.split('/')) }
    : { kind: 'refused', status: expected.status };
}

describe('resolveAppPath', () => {
  it.each(POSIX_TABLE)('%s', (url, expected) => {
    expect(resolveAppPath(ROOT, url, path.posix)).toEqual(expectedResolution(ROOT, expected, path.posix));
  });

  const WINDOWS_ROOT = 'C:\\Users\\Lan\\AppData\\Local\\Programs\\Newsdesk\\resources\\app.asar\\out\\renderer';
  it.each(POSIX_TABLE)('with Windows paths: %s', (url, expected) => {
    expect(resolveAppPath(WINDOWS_ROOT, url, path.win32)).toEqual(expectedResolution(WINDOWS_ROOT, expected, path.win32));
  });

  it('never resolves outside the root, for every row of the table', () => {
    for (const [url] of POSIX_TABLE) {
      const resolution = resolveAppPath(ROOT, url, path.posix);
      if (resolution.kind === 'file') expect(resolution.filePath.startsWith(`${ROOT}/`)).toBe(true);
    }
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/main.JS', 'text/javascript; charset=utf-8'],
    ['assets/style.css', 'text/css; charset=utf-8'],
    ['dictionaries/vi.dic', 'text/plain; charset=utf-8'],
    ['fonts/NotoSerif.woff2', 'font/woff2'],
    ['ảnh/Trường Sa.jpg', 'image/jpeg'],
    ['payload.exe', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});

describe('the app:// handler on a real folder', () => {
  let base: string;
  let root: string;
  let handler: (request: Request) => Promise<Response>;
  const SECRET = 'mật khẩu của toà soạn';

  beforeAll(() => {
    base = mkdtempSync(path.join(tmpdir(), 'newsdesk-protocol-'));
    root = path.join(base, 'renderer');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Newsdesk</title>');
    writeFileSync(path.join(root, 'assets', 'main.js'), 'console.log("Xin chào")');
    writeFileSync(path.join(base, 'secret.txt'), SECRET);
    // A sibling whose name starts with the root's: the classic startsWith() escape.
    mkdirSync(path.join(base, 'renderer-evil'));
    writeFileSync(path.join(base, 'renderer-evil', 'secret.txt'), SECRET);
    handler = createAppProtocolHandler(root);
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('serves index.html and assets with their type and the CSP', async () => {
    const page = await handler(new Request('app://newsdesk/'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Newsdesk</title>');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');

    const script = await handler(new Request('app://newsdesk/assets/main.js'));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log("Xin chào")');
  });

  it.each([
    // A Request cannot carry credentials in its URL, so the '@' row stays in the pure table.
    ...POSIX_TABLE.map(([url]) => url).filter((url) => url.startsWith('app:') && !url.includes('@')),
    'app://newsdesk/../renderer-evil/secret.txt',
    'app://newsdesk/..%2frenderer-evil%2fsecret.txt',
    `app://newsdesk/${encodeURIComponent(path.join('..', 'secret.txt'))}`,
  ])('never hands out a file outside the root: %s', async (url) => {
    const response = await handler(new Request(url));
    const body = await response.text();
    expect(body).not.toContain(SECRET);
    if (response.status !== 200) expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers 404 for missing files and for folders, 405 for other methods', async () => {
    expect((await handler(new Request('app://newsdesk/missing.js'))).status).toBe(404);
    expect((await handler(new Request('app://newsdesk/assets/'))).status).toBe(200); // a route: index.html
    expect((await handler(new Request('app://newsdesk/assets.dir'))).status).toBe(404);
    expect((await handler(new Request('app://newsdesk/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    const head = await handler(new Request('app://newsdesk/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('registering the scheme with Electron', () => {
  beforeEach(() => resetElectronFake());

  it('registers app: as a standard, secure scheme with fetch support', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('handles app: with the path-checking handler', async () => {
    serveAppProtocol('/nowhere/renderer');
    expect(protocol.handle).toHaveBeenCalledTimes(1);
    const [scheme, handle] = protocol.handle.mock.calls[0] as [string, (request: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    expect((await handle(new Request('app://newsdesk/..%2f..%2fetc%2fpasswd'))).status).toBe(403);
  });
});
