// GET /api/users as any server answers it: servers older than display names
// give none (the username stands in), and extra fields are let through.
import { z } from 'zod';

export const peopleAnswer = z.object({
  users: z.array(z.object({ username: z.string().min(1).max(40), displayName: z.string().min(1).max(100).optional() })),
});
export type PeopleAnswer = z.infer<typeof peopleAnswer>;
