import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { NewsroomUser, UsersAnswer } from '../../core/sync';
import { ApiError, parseOr400 } from '../http/errors';
import { UserExistsError, type Storage } from '../storage/types';
import type { Authenticator } from './authenticate';
import type { LoginLimiter } from './login-limiter';
import { dummyPasswordHash, verifyPassword } from './password';
import { newToken, hashToken } from './tokens';
import { addUser, newUser, publicUser } from './users';

const loginRequest = z.strictObject({
  username: z.string().min(1, 'Thiếu tên đăng nhập').max(100),
  password: z.string().min(1, 'Thiếu mật khẩu').max(1024),
});

export type AuthDeps = { storage: Storage; auth: Authenticator; limiter: LoginLimiter; tokenTtlMs: number };

export function registerAuthRoutes(app: FastifyInstance, { storage, auth, limiter, tokenTtlMs }: AuthDeps): void {
  app.post('/api/login', async (request) => {
    const body = parseOr400(loginRequest, request.body, 'Yêu cầu đăng nhập');
    const name = body.username.trim().toLowerCase();
    const waitMs = await limiter.take(name, request.ip);
    if (waitMs > 0) {
      const minutes = Math.ceil(waitMs / 60_000);
      throw new ApiError(429, 'TOO_MANY_ATTEMPTS', `Đăng nhập sai quá nhiều lần, hãy thử lại sau ${minutes} phút`, {
        'retry-after': String(Math.ceil(waitMs / 1000)),
      });
    }
    const user = await storage.accounts.findUser(name);
    const passwordOk = await verifyPassword(body.password, user?.passwordHash ?? (await dummyPasswordHash()));
    if (!user || !passwordOk) {
      request.log.info({ username: name }, 'login failed');
      throw new ApiError(401, 'INVALID_CREDENTIALS', 'Sai tên đăng nhập hoặc mật khẩu');
    }
    await limiter.succeeded(name, request.ip);
    const token = newToken();
    const expiresAt = new Date(Date.now() + tokenTtlMs).toISOString();
    await storage.accounts.createSession({ tokenHash: hashToken(token), userId: user.id, expiresAt });
    request.log.info({ username: name }, 'login');
    return { token, expiresAt, user: publicUser(user) };
  });

  app.post('/api/logout', async (request, reply) => {
    const caller = await auth.require(request);
    await storage.accounts.revokeSession(caller.tokenHash);
    return reply.code(204).send();
  });

  app.get('/api/me', async (request): Promise<NewsroomUser> => publicUser((await auth.require(request)).user));

  // Everyone signed in reads the list: editors assign stories, and anyone may @mention a colleague.
  // Only the editor-in-chief creates accounts.
  app.get('/api/users', async (request): Promise<UsersAnswer> => {
    await auth.require(request);
    return { users: (await storage.accounts.listUsers()).map(publicUser) };
  });

  app.post('/api/users', async (request, reply) => {
    await auth.require(request, ['chief']);
    const input = parseOr400(newUser, request.body, 'Tài khoản mới');
    try {
      const user = await addUser(storage, input);
      return reply.code(201).send(publicUser(user));
    } catch (error) {
      if (error instanceof UserExistsError) throw new ApiError(409, 'USER_EXISTS', error.message);
      throw error;
    }
  });
}
