// What keeps the local HTTP transport local: a per-run secret token compared in
// constant time, a Host check against DNS rebinding (a page on evil.example
// whose name is re-pointed at 127.0.0.1 would otherwise be "same origin"), an
// Origin check on writes, and headers that stop the UI being framed or sniffed.
import { createHash, timingSafeEqual } from 'node:crypto';
import { newBearerToken } from '../../core/web/bearer-token';

export { bearerToken } from '../../core/web/bearer-token';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host);
}

/** A fresh secret for one run: 24 random bytes, base64url (URL-safe, 32 characters). */
export function newToken(): string {
  return newBearerToken(24);
}

/** Constant-time comparison; hashing first makes the lengths equal, so not even the length leaks. */
export function tokensEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}


/** The Host values this server answers to: 127.0.0.1:PORT and localhost:PORT. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

/** The origins a page of ours has: a browser sends one of these as Origin. */
export function allowedOrigins(port: number): Set<string> {
  return new Set([...allowedHosts(port)].map((host) => `http://${host}`));
}
