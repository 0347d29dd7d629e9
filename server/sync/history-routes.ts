// GET /api/stories/:id/revisions → core/sync's revisionsAnswer: the versions the
// server keeps of a story, newest first, with who made each, when and why. Every
// desk that has the story merges them into its history panel, so an editor sees
// the reporter's versions and the reporter the editor's. Seen by whoever may see
// the story (the same rule as GET /api/stories/:id); 404 otherwise.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MAX_SERVER_REVISIONS, type RevisionsAnswer } from '../../core/sync';
import type { Authenticator } from '../auth/authenticate';
import { notFound, parseOr400 } from '../http/errors';
import type { Storage } from '../storage/types';
import { canSee } from './policy';

const storyParams = z.strictObject({ id: z.uuid({ message: 'Mã bài phải là UUID' }) });

export function registerHistoryRoutes(app: FastifyInstance, { storage, auth }: { storage: Storage; auth: Authenticator }): void {
  app.get('/api/stories/:id/revisions', async (request): Promise<RevisionsAnswer> => {
    const { user } = await auth.require(request);
    const { id } = parseOr400(storyParams, request.params, 'Mã bài');
    const stored = await storage.sync.getStory(id.toLowerCase());
    if (!stored || !canSee(user, stored)) throw notFound();
    return { revisions: await storage.history.revisions(stored.story.id, MAX_SERVER_REVISIONS) };
  });
}
