// Editorial notes and presence (core/sync/newsroom-api.ts). Notes are written
// through push ('note' ops, see ./push-runs); here they are read, by their own
// cursor, only for stories the caller may see. Presence lives in the database,
// so every server instance sharing it answers alike.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  notesQuery,
  presenceRequest,
  PRESENCE_TTL_MS,
  type NotesPage,
  type PresenceAnswer,
} from '../../core/sync';
import type { Authenticator } from '../auth/authenticate';
import { notFound, parseOr400 } from '../http/errors';
import type { Storage, UserRecord } from '../storage/types';
import { canSee } from './policy';

const presenceParams = z.strictObject({ storyId: z.uuid({ message: 'Mã bài phải là UUID' }) });

export type NotesDeps = { storage: Storage; auth: Authenticator };

export function registerNotesRoutes(app: FastifyInstance, { storage, auth }: NotesDeps): void {
  /** The story, lower-cased id, when the caller may see it; 404 otherwise (invisible and absent look alike). */
  async function visibleStory(user: UserRecord, id: string): Promise<string> {
    const stored = await storage.sync.getStory(id.toLowerCase());
    if (!stored || !canSee(user, stored)) throw notFound();
    return stored.story.id;
  }

  app.get('/api/sync/notes', async (request): Promise<NotesPage> => {
    const { user } = await auth.require(request);
    const { cursor, limit, storyId } = parseOr400(notesQuery, request.query, 'Yêu cầu lấy ghi chú');
    return storage.notes.page({ username: user.username, role: user.role }, { cursor, limit, storyId: storyId ?? null });
  });

  app.post('/api/presence', async (request): Promise<PresenceAnswer> => {
    const { user } = await auth.require(request);
    const { storyId } = parseOr400(presenceRequest, request.body, 'Báo đang sửa bài');
    const id = await visibleStory(user, storyId);
    return { present: await storage.presence.heartbeat(id, user.username, new Date().toISOString(), PRESENCE_TTL_MS) };
  });

  app.delete('/api/presence/:storyId', async (request, reply) => {
    const { user } = await auth.require(request);
    const { storyId } = parseOr400(presenceParams, request.params, 'Mã bài');
    await storage.presence.leave(storyId.toLowerCase(), user.username);
    return reply.code(204).send();
  });

  app.get('/api/presence/:storyId', async (request): Promise<PresenceAnswer> => {
    const { user } = await auth.require(request);
    const { storyId } = parseOr400(presenceParams, request.params, 'Mã bài');
    const id = await visibleStory(user, storyId);
    return { present: await storage.presence.list(id, new Date().toISOString(), PRESENCE_TTL_MS) };
  });
}
