import { z } from 'zod';
import type { NewsroomUser } from '../../core/sync';
import type { Storage, UserRecord } from '../storage/types';
import { hashPassword } from './password';
import { displayName, password, role, username } from '../../core/newsroom/roles';

export const newUser = z.strictObject({ username, password, role, displayName: displayName.optional() });
export type NewUser = z.input<typeof newUser>;

/** Shared by `npm run server -- user add` and POST /api/users; throws UserExistsError. */
export async function addUser(storage: Storage, input: NewUser): Promise<UserRecord> {
  const { username: name, password: secret, role: r, displayName: shown } = newUser.parse(input);
  return storage.accounts.createUser({
    username: name,
    role: r,
    displayName: shown ?? null,
    passwordHash: await hashPassword(secret),
  });
}

/** What anyone signed in may know of an account (core/sync's newsroomUser). */
export function publicUser(user: UserRecord): NewsroomUser {
  return { username: user.username, displayName: user.displayName ?? user.username, role: user.role };
}
