import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { APP_SCHEME, isAppUrl } from './app-origin';
import { CONTENT_SECURITY_POLICY } from './csp';
import { contentTypeFor } from '../core/web/content-types';

export type AppPathResolution =
  | { readonly kind: 'file'; readonly filePath: string }
  | { readonly kind: 'refused'; readonly status: 403 | 404 };

const notFound: AppPathResolution = { kind: 'refused', status: 404 };
const forbidden: AppPathResolution = { kind: 'refused', status: 403 };

/**
 * Maps an app:// URL to a file under `root`, or refuses it. Pure, so the hostile
 * cases can be tested as a table; `pathApi` lets the same table run with Windows
 * path rules.
 *
 * The URL parser has already folded literal and %2e dot segments. What is left to
 * catch arrives percent-encoded (`..%2f`, `%5c`, `%00`) and only shows itself after
 * decoding, so every check below runs on the decoded path.
 */
export function resolveAppPath(root: string, requestUrl: string, pathApi: path.PlatformPath = path): AppPathResolution {
  if (!isAppUrl(requestUrl)) return notFound;
  let decoded: string;
  try {
    decoded = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return notFound;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return forbidden;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  // ':' catches drive letters (C:) and NTFS alternate streams (file:stream).
  if (segments.some((segment) => segment === '.' || segment === '..' || segment.includes(':'))) return forbidden;

  const last = segments.at(-1);
  // Paths without an extension are the single-page app's own routes.
  const relative = last === undefined || pathApi.extname(last) === '' ? ['index.html'] : segments;
  const resolvedRoot = pathApi.resolve(root);
  const filePath = pathApi.resolve(resolvedRoot, ...relative);
  const fromRoot = pathApi.relative(resolvedRoot, filePath);
  if (fromRoot === '' || fromRoot.startsWith('..') || pathApi.isAbsolute(fromRoot)) return forbidden;
  return { kind: 'file', filePath };
}

export { contentTypeFor };

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
};

function refusal(status: number): Response {
  return new Response(null, { status, headers: SECURITY_HEADERS });
}

/** The app:// handler: static files from `root`, each response carrying the CSP. */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405);
    const resolution = resolveAppPath(root, request.url);
    if (resolution.kind === 'refused') return refusal(resolution.status);
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await readFile(resolution.filePath);
    } catch {
      // Missing files and directories alike: nothing to serve.
      return refusal(404);
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(resolution.filePath) },
    });
  };
}

/** Must run before app 'ready': Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(root));
}
