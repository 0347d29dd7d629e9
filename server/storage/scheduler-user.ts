// The account the scheduler acts as. It is no row of `users`: it cannot sign in,
// and its username starts with '@', which no real username can.
import { SCHEDULER_ACTOR } from '../../core/workflow';
import type { UserRecord } from './types';

export const SCHEDULER: UserRecord = {
  id: '00000000-0000-0000-0000-000000000000',
  username: SCHEDULER_ACTOR,
  role: 'chief',
  displayName: null,
  passwordHash: '!',
  createdAt: '2026-01-01T00:00:00.000Z',
};
