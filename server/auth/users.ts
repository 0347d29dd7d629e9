import { z } from 'zod';
import type { Storage, UserRecord } from '../storage/types';
import { hashPassword } from './password';
import { password, role, username } from '../../core/newsroom/roles';

export const newUser = z.strictObject({ username, password, role });
export type NewUser = z.infer<typeof newUser>;

/** Shared by `npm run server -- user add` and POST /api/users; throws UserExistsError. */
export async function addUser(storage: Storage, input: NewUser): Promise<UserRecord> {
  const { username: name, password: secret, role: r } = newUser.parse(input);
  return storage.accounts.createUser({ username: name, role: r, passwordHash: await hashPassword(secret) });
}

export function publicUser(user: UserRecord): { username: string; role: UserRecord['role'] } {
  return { username: user.username, role: user.role };
}
