// The local HTTP transport: the app service's handler map over HTTP, for the
// renderer in a plain browser. `POST /rpc/<handler>` with a JSON body and a
// bearer token answers core/api's CallReply, `{ok:true,value}` or `{ok:false,error:{code,message}}`;
// `GET /events` streams service events; everything else is the built UI.
// It listens on the loopback interface only and trusts no request without the
// per-run token, since any local program and any web page can reach 127.0.0.1.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallError, CallReply } from '../../core/api';
import type { AppService } from '../index';
import { toServiceError, type ServiceErrorKind } from '../errors';
import { HEARTBEAT_MS, openEventStream } from './event-stream';
import {
  allowedHosts,
  allowedOrigins,
  bearerToken,
  isLoopbackHost,
  newToken,
  SECURITY_HEADERS,
  tokensEqual,
} from './security';
import { resolveStatic, sendStatic } from './static-files';

/** An import is at most 20 MB, which is about 27 MB as base64 in JSON. */
export const MAX_BODY_BYTES = 30 * 1024 * 1024;

export interface WebServerOptions {
  service: AppService;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Defaults to a fresh random token. */
  token?: string;
  /** The built renderer; without it, `/` explains how to build it. */
  staticDir?: string | null;
  heartbeatMs?: number;
}

export interface WebServer {
  /** The address to open: `http://127.0.0.1:PORT/?token=TOKEN`. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const STATUS_OF_KIND: Record<ServiceErrorKind, number> = {
  invalid: 400,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unavailable: 503,
  internal: 500,
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, error: CallError): void {
  const reply: CallReply = { ok: false, error: { code: error.code, message: error.message } };
  sendJson(res, status, reply);
}

const UNAUTHORIZED: CallError = {
  code: 'UNAUTHORIZED',
  message: 'Thiếu hoặc sai mã truy cập. Hãy mở đúng địa chỉ mà Newsdesk in ra khi khởi động.',
};
const TOO_LARGE: CallError = { code: 'BODY_TOO_LARGE', message: 'Yêu cầu quá lớn: giới hạn là 30 MB.' };

type BodyResult = { ok: true; text: string } | { ok: false };

/** Reads the body, stopping at the limit; a declared Content-Length over it is refused unread. */
function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.resolve({ ok: false });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve({ ok: false });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve({ ok: true, text: Buffer.concat(chunks).toString('utf8') });
    });
    req.on('error', reject);
  });
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { service } = options;
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) throw new Error(`The local HTTP transport listens on the loopback interface only, not on ${host}`);
  const token = options.token ?? newToken();
  const staticDir = options.staticDir ?? null;
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const streams = new Set<() => void>();
  let hosts = new Set<string>();
  let origins = new Set<string>();

  function authorized(req: IncomingMessage, url: URL, allowQueryToken: boolean): boolean {
    const given = bearerToken(req.headers.authorization) ?? (allowQueryToken ? url.searchParams.get('token') : null);
    return given !== null && tokensEqual(given, token);
  }

  async function handleRpc(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return sendError(res, 405, { code: 'METHOD_NOT_ALLOWED', message: 'Thao tác chỉ nhận phương thức POST.' });
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (!body.ok) {
      // The rest of the upload is read and dropped, not stored: hanging up while the
      // client still sends makes its fetch fail with EPIPE instead of showing this message.
      sendError(res, 413, TOO_LARGE);
      req.resume();
      return;
    }
    let args: unknown;
    try {
      args = body.text.trim() === '' ? {} : JSON.parse(body.text);
    } catch {
      return sendError(res, 400, { code: 'BAD_JSON', message: 'Nội dung yêu cầu không phải JSON hợp lệ.' });
    }
    try {
      const value = await service.call(name, args);
      const reply: CallReply = { ok: true, value: value ?? null };
      sendJson(res, 200, reply);
    } catch (error) {
      const failure = toServiceError(error);
      sendError(res, STATUS_OF_KIND[failure.kind], failure);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (!hosts.has((req.headers.host ?? '').toLowerCase())) {
      return sendError(res, 403, { code: 'BAD_HOST', message: 'Yêu cầu bị từ chối: địa chỉ máy (Host) không phải của Newsdesk.' });
    }
    const origin = req.headers.origin;
    if (origin !== undefined && req.method !== 'GET' && req.method !== 'HEAD' && !origins.has(origin.toLowerCase())) {
      return sendError(res, 403, { code: 'FORBIDDEN_ORIGIN', message: 'Yêu cầu từ trang khác bị từ chối.' });
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');

    if (url.pathname.startsWith('/rpc/')) {
      if (!authorized(req, url, false)) return sendError(res, 401, UNAUTHORIZED);
      let name: string;
      try {
        name = decodeURIComponent(url.pathname.slice('/rpc/'.length));
      } catch {
        name = '';
      }
      return handleRpc(req, res, name);
    }
    if (url.pathname === '/events') {
      if (req.method !== 'GET') {
        res.setHeader('Allow', 'GET');
        return sendError(res, 405, { code: 'METHOD_NOT_ALLOWED', message: 'Luồng sự kiện chỉ nhận phương thức GET.' });
      }
      if (!authorized(req, url, true)) return sendError(res, 401, UNAUTHORIZED);
      const end = openEventStream(service, res, heartbeatMs);
      streams.add(end);
      res.on('close', () => streams.delete(end));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendError(res, 405, { code: 'METHOD_NOT_ALLOWED', message: 'Phương thức không được hỗ trợ.' });
    }
    sendStatic(req, res, resolveStatic(staticDir, req.url ?? '/'));
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A client that hung up mid-request is not a failure of ours.
      if (req.destroyed || res.destroyed) return;
      console.error('Newsdesk: the local HTTP transport failed on a request', error);
      if (!res.headersSent) sendError(res, 500, { code: 'INTERNAL', message: 'Đã có lỗi không mong muốn trong dịch vụ Newsdesk.' });
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(port);
  origins = allowedOrigins(port);

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const end of [...streams]) end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
