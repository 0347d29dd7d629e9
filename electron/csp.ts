import type { Session } from 'electron';
import { isAppUrl } from './app-origin';

// Everything the renderer needs ships inside out/renderer, so 'self' (app://newsdesk)
// is the only source of code and data. Images may also be data:, blob: (pasted and
// imported pictures before they are stored) or app: (media served by the shell).
//
// style-src allows 'unsafe-inline' because Lexical writes inline `style`
// attributes on text nodes, and React style props do the same; a CSP without it
// would break the editor. The risk stays small: scripts remain 'self' only, and
// CSS cannot reach the network to leak text, because img-src, font-src and
// connect-src (via default-src) never allow a remote host.
const DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob: app:"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

export const CONTENT_SECURITY_POLICY = DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');

type ResponseHeaders = Record<string, string[]>;

/**
 * Response headers for `url` with our CSP in force. Any CSP header the response
 * already carried is dropped (whatever its case), so a looser policy cannot win.
 * Responses that are not from app:// are left as they are.
 */
export function withContentSecurityPolicy(url: string, headers: ResponseHeaders | undefined): ResponseHeaders | undefined {
  if (!isAppUrl(url)) return headers;
  const kept = Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] };
}

/**
 * The protocol handler sets the same header on every app:// response; this hook
 * is the second lock, for any response that reaches the session's network layer.
 * No URL filter: custom schemes in webRequest filters have been unreliable.
 */
export function installContentSecurityPolicy(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders = withContentSecurityPolicy(details.url, details.responseHeaders);
    callback(responseHeaders === undefined ? {} : { responseHeaders });
  });
}
