// A thin fetch wrapper for talking to the real server, plus typed sync calls
// whose answers are checked against the protocol's own zod schemas.
import {
  pullResponse,
  pushResponse,
  storedStoryWire,
  type PullResponse,
  type PushResponse,
  type StoredStoryWire,
} from '../../../server/sync/protocol';

export type Reply = { status: number; headers: Headers; text: string; json(): unknown };

export type CallOptions = {
  token?: string;
  json?: unknown;
  body?: string | Uint8Array;
  headers?: Record<string, string>;
};

export async function call(baseUrl: string, method: string, path: string, options: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  // Copied into a plain ArrayBuffer-backed view: fetch's types refuse shared buffers.
  let body: string | Uint8Array<ArrayBuffer> | undefined =
    typeof options.body === 'string' || options.body === undefined ? options.body : new Uint8Array(options.body);
  if (options.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(options.json);
  }
  const response = await fetch(baseUrl + path, { method, headers, body, redirect: 'manual' });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as unknown };
}

/** Throws (with the server's answer) unless the status is the expected one; usable outside vitest. */
export function ensureStatus(reply: Reply, status: number): void {
  if (reply.status !== status) throw new Error(`expected HTTP ${status}, got ${reply.status}: ${reply.text.slice(0, 500)}`);
}

export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const reply = await call(baseUrl, 'POST', '/api/login', { json: { username, password } });
  ensureStatus(reply, 200);
  const token = (reply.json() as { token?: unknown }).token;
  if (typeof token !== 'string') throw new Error(`login gave no token: ${reply.text}`);
  return token;
}

export type Op = { opId: string; kind: string; storyId: string; baseRev: number; payload?: unknown };

export async function push(baseUrl: string, token: string, ops: Op[]): Promise<PushResponse> {
  const reply = await call(baseUrl, 'POST', '/api/sync/push', { token, json: { ops } });
  ensureStatus(reply, 200);
  return pushResponse.parse(reply.json());
}

export async function pull(baseUrl: string, token: string, cursor = 0, limit = 100): Promise<PullResponse> {
  const reply = await call(baseUrl, 'GET', `/api/sync/pull?cursor=${cursor}&limit=${limit}`, { token });
  ensureStatus(reply, 200);
  return pullResponse.parse(reply.json());
}

/** Every change this user can see, following cursors to the end. */
export async function pullAll(baseUrl: string, token: string, limit = 100): Promise<PullResponse['changes']> {
  const all: PullResponse['changes'] = [];
  let cursor = 0;
  for (;;) {
    const page = await pull(baseUrl, token, cursor, limit);
    all.push(...page.changes);
    cursor = page.cursor;
    if (!page.more) return all;
  }
}

/**
 * A request over node:http that reports the server's answer even when the server
 * stops reading the body (e.g. 413 after Content-Length): fetch would only see EPIPE.
 */
export function rawRequest(
  baseUrl: string,
  options: { method: string; path: string; headers?: Record<string, string | number>; chunks?: Uint8Array[] },
): Promise<{ status: number; text: string }> {
  return import('node:http').then(
    ({ request }) =>
      new Promise((resolveReply, reject) => {
        let answered = false;
        const req = request(baseUrl + options.path, { method: options.method, headers: options.headers }, (res) => {
          answered = true;
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => (text += d));
          res.on('end', () => resolveReply({ status: res.statusCode ?? 0, text }));
          res.on('error', () => resolveReply({ status: res.statusCode ?? 0, text }));
        });
        req.on('error', (error) => {
          if (!answered) reject(error);
        });
        req.flushHeaders();
        const chunks = options.chunks ?? [];
        const writeNext = (i: number): void => {
          if (answered || i >= chunks.length) {
            req.end();
            return;
          }
          req.write(chunks[i], () => writeNext(i + 1));
        };
        writeNext(0);
      }),
  );
}

/** The server's copy of one story, as the caller may see it. */
export async function serverCopy(baseUrl: string, token: string, id: string): Promise<StoredStoryWire> {
  const reply = await call(baseUrl, 'GET', `/api/stories/${id}`, { token });
  ensureStatus(reply, 200);
  return storedStoryWire.parse(reply.json());
}

/**
 * A POST written by hand on a socket, read until the server closes it: for what
 * Node's own client will not send (a broken Content-Length) or will not read (an
 * answer that comes before the client has sent the whole body).
 */
export function socketRequest(
  baseUrl: string,
  options: { path: string; headers: Record<string, string | string[]>; body: string },
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  const lines = Object.entries(options.headers).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((v) => `${name}: ${v}`));
  const head = [`POST ${options.path} HTTP/1.1`, `Host: ${hostname}:${port}`, 'Connection: close', ...lines, '', ''].join('\r\n');
  return import('node:net').then(
    ({ connect }) =>
      new Promise((resolveReply) => {
        const socket = connect(Number(port), hostname, () => socket.write(head + options.body));
        let text = '';
        socket.setEncoding('utf8');
        socket.on('data', (d: string) => (text += d));
        socket.on('error', () => socket.destroy());
        socket.on('close', () => {
          const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
          resolveReply({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4) });
        });
      }),
  );
}
