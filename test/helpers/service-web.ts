// Runs the real `start:web` entry point as a child process, as `npm run start:web`
// does, and talks to it over real HTTP. Node runs the entry directly (not through
// the tsx CLI, which would put a second process in between), so that a SIGKILL
// hits the process that owns the store.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const READY_LINE = /^Newsdesk: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+))$/;

export interface WebProcess {
  child: ChildProcess;
  url: string;
  origin: string;
  port: number;
  token: string;
  /** Every stdout line so far, the ready line included. */
  stdoutLines(): string[];
  stderr(): string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
}

export function startWebProcess(args: readonly string[], options: { command?: 'node' | 'npm' } = {}): Promise<WebProcess> {
  const npm = options.command === 'npm';
  const child = npm
    ? spawn('npm', ['run', '--silent', 'start:web', '--', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    : spawn(process.execPath, ['--import', 'tsx', 'service/web/main.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1));
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const lines = () => stdout.split('\n').filter((line) => line !== '');
  return new Promise((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const ready = lines()
        .map((line) => READY_LINE.exec(line))
        .find((match) => match !== null);
      if (!ready) return;
      const [, url = '', port = '0', token = ''] = ready;
      resolve({
        child,
        url,
        origin: `http://127.0.0.1:${port}`,
        port: Number(port),
        token,
        stdoutLines: lines,
        stderr: () => stderr,
        exited,
      });
    });
    void exited.then((code) => reject(new Error(`start:web exited (${code}) before it was ready:\n${stderr}`)));
  });
}

/** Stops a process started with command 'npm' together with the children npm and tsx started. */
export function killGroup(web: WebProcess, signal: NodeJS.Signals): void {
  if (web.child.pid !== undefined) process.kill(-web.child.pid, signal);
}

export interface RpcReply {
  status: number;
  headers: Headers;
  body: unknown;
}

export async function rpc(web: Pick<WebProcess, 'origin' | 'token'>, name: string, args: unknown): Promise<RpcReply> {
  const response = await fetch(`${web.origin}/rpc/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${web.token}` },
    body: JSON.stringify(args),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text) as unknown };
}

/** The result of a successful call; throws with the error envelope otherwise. */
export async function rpcResult<T>(web: Pick<WebProcess, 'origin' | 'token'>, name: string, args: unknown): Promise<T> {
  const reply = await rpc(web, name, args);
  const body = reply.body as { ok: boolean; value?: T };
  if (reply.status !== 200 || !body.ok) throw new Error(`${name} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return body.value as T;
}

export interface RawReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A request with exactly the given path and headers. fetch() would normalize
 * "/../x" and refuse to set Host, and those are what the security tests need.
 */
export function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers ?? {} },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}
