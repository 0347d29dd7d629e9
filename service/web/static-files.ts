// The built renderer (out/renderer) as static files. The request path is decoded
// and resolved against the root, and anything that lands outside it (../, %2e%2e,
// an encoded backslash, a symlink pointing out) is refused before the disk is read.
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { contentTypeFor } from '../../core/web/content-types';


export type StaticOutcome =
  | { kind: 'file'; file: string; size: number }
  | { kind: 'not-built' }
  | { kind: 'not-found' }
  | { kind: 'forbidden' }
  | { kind: 'bad-request' };

function isInside(root: string, file: string): boolean {
  return file === root || file.startsWith(root + path.sep);
}

/** Where a request path leads under `root`, checked; `root` null means the UI was never built. */
export function resolveStatic(root: string | null, rawUrl: string): StaticOutcome {
  const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'bad-request' };
  }
  if (decoded.includes('\0') || !decoded.startsWith('/')) return { kind: 'bad-request' };
  const wantsIndex = decoded === '/' || decoded === '/index.html';
  if (root === null || !fs.existsSync(path.join(root, 'index.html'))) return wantsIndex ? { kind: 'not-built' } : { kind: 'not-found' };

  const base = fs.realpathSync(root);
  // Backslashes count as separators too, so "..\\" cannot sneak past on any platform.
  const file = path.resolve(base, `.${(wantsIndex ? '/index.html' : decoded).replaceAll('\\', '/')}`);
  const segments = decoded.split(/[\\/]/);
  if (segments.includes('..') || !isInside(base, file)) return { kind: 'forbidden' };
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    return { kind: 'not-found' };
  }
  if (!isInside(base, real)) return { kind: 'forbidden' };
  const stat = fs.statSync(real);
  if (!stat.isFile()) return { kind: 'not-found' };
  return { kind: 'file', file: real, size: stat.size };
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><title>Newsdesk</title></head>
<body>
<h1>Giao diện Newsdesk chưa được dựng</h1>
<p>Dịch vụ đang chạy, nhưng chưa có giao diện để hiển thị. Hãy chạy
<code>npm run build:renderer</code> rồi khởi động lại <code>npm run start:web</code>.</p>
</body>
</html>
`;

/** Sends the outcome of resolveStatic; headers common to every response are already set. */
export function sendStatic(req: IncomingMessage, res: ServerResponse, outcome: StaticOutcome): void {
  const head = req.method === 'HEAD';
  const plain = (status: number, text: string) => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(head ? undefined : text);
  };
  switch (outcome.kind) {
    case 'bad-request':
      return plain(400, 'Đường dẫn không hợp lệ');
    case 'forbidden':
      return plain(403, 'Không được phép truy cập đường dẫn này');
    case 'not-found':
      return plain(404, 'Không tìm thấy');
    case 'not-built':
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(head ? undefined : NOT_BUILT_PAGE);
      return;
    case 'file': {
      // Vite names files under assets/ by their content hash, so they never change.
      const immutable = /[\\/]assets[\\/]/.test(outcome.file);
      res.writeHead(200, {
        'Content-Type': contentTypeFor(outcome.file),
        'Content-Length': outcome.size,
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      if (head) {
        res.end();
        return;
      }
      const stream = fs.createReadStream(outcome.file);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    }
  }
}
