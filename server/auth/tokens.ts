// Bearer tokens are 256 random bits. Only their sha256 is stored, so a copy of
// the database does not let anyone sign in. sha256 (not scrypt) is enough here:
// the input is random, not a guessable password.
import { createHash } from 'node:crypto';
import { bearerToken as readBearer, newBearerToken } from '../../core/web/bearer-token';

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return newBearerToken(32);
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** "Bearer <token>" → token; null when absent or not shaped like one of ours. */
export function bearerToken(header: string | undefined): string | null {
  return readBearer(header, TOKEN_PATTERN);
}
