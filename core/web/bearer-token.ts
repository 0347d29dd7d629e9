// Bearer tokens, made and read the same way by the publishing server (sign-in
// sessions) and the desk's local HTTP host (its per-run token). Web Crypto's
// getRandomValues is a global in Node, Electron and browsers, so this stays pure.
//
// The two differ in one rule, passed as a parameter: the server refuses any
// token not shaped like its own before touching the database (a cheap filter
// against junk headers), while the local host compares whatever it is given in
// constant time against its single token.

/** A new token of `bytes` random bytes, base64url without padding. */
export function newBearerToken(bytes: number): string {
  const random = globalThis.crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...random)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** "Bearer <token>" → token; null when absent, or when `shape` is given and the token does not fit it. */
export function bearerToken(header: string | undefined, shape?: RegExp): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  const token = match?.[1];
  if (token === undefined) return null;
  return shape === undefined || shape.test(token) ? token : null;
}
