// Who is calling: the bearer token's session, checked on every request (no
// in-process session cache, so a logout on one instance holds on all of them).
import type { FastifyRequest } from 'fastify';
import { ApiError, forbidden, unauthorized } from '../http/errors';
import type { Storage, UserRecord } from '../storage/types';
import type { Role } from '../../core/newsroom/roles';
import { bearerToken, hashToken } from './tokens';

export type Caller = { user: UserRecord; tokenHash: string };

export type Authenticator = {
  /** The signed-in caller, or null for anonymous; a bad or stale token is an error, not anonymity. */
  optional(request: FastifyRequest): Promise<Caller | null>;
  /** The signed-in caller; 401 otherwise, 403 when their role is not in `roles`. */
  require(request: FastifyRequest, roles?: readonly Role[]): Promise<Caller>;
};

export function authenticator(storage: Storage): Authenticator {
  async function optional(request: FastifyRequest): Promise<Caller | null> {
    const header = request.headers.authorization;
    if (header === undefined) return null;
    const token = bearerToken(header);
    if (!token) throw unauthorized();
    const tokenHash = hashToken(token);
    const session = await storage.accounts.findSession(tokenHash);
    if (!session) throw unauthorized();
    if (session.revokedAt !== null) throw new ApiError(401, 'SESSION_REVOKED', 'Phiên đăng nhập đã kết thúc, hãy đăng nhập lại');
    if (Date.parse(session.expiresAt) <= Date.now()) {
      throw new ApiError(401, 'SESSION_EXPIRED', 'Phiên đăng nhập đã hết hạn, hãy đăng nhập lại');
    }
    return { user: session.user, tokenHash };
  }

  async function require(request: FastifyRequest, roles?: readonly Role[]): Promise<Caller> {
    const caller = await optional(request);
    if (!caller) throw unauthorized();
    if (roles && !roles.includes(caller.user.role)) throw forbidden();
    return caller;
  }

  return { optional, require };
}
