// The newsroom's endpoints besides push and pull (core/sync/newsroom-api.ts):
// a story's audit log and its versions, the caller's notifications and the
// checklist per section. A story's versions (newest first, with who made each,
// when and why) go into every desk's history panel, so an editor sees the
// reporter's versions and the reporter the editor's.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ChecklistConfig } from '../../core/workflow';
import {
  markReadRequest,
  MAX_SERVER_REVISIONS,
  notificationsQuery,
  type auditAnswer,
  type notificationsAnswer,
  type RevisionsAnswer,
} from '../../core/sync';
import type { Authenticator } from '../auth/authenticate';
import { notFound, parseOr400 } from '../http/errors';
import type { Storage } from '../storage/types';
import { canSee } from './policy';

const storyParams = z.strictObject({ id: z.uuid({ message: 'Mã bài phải là UUID' }) });
const NOTIFICATIONS_PAGE = 200;

export type NewsroomDeps = { storage: Storage; auth: Authenticator; checklist: ChecklistConfig };

export function registerNewsroomRoutes(app: FastifyInstance, { storage, auth, checklist }: NewsroomDeps): void {
  app.get('/api/stories/:id/audit', async (request): Promise<z.infer<typeof auditAnswer>> => {
    const { user } = await auth.require(request);
    const { id } = parseOr400(storyParams, request.params, 'Mã bài');
    const stored = await storage.sync.getStory(id.toLowerCase());
    if (!stored || !canSee(user, stored)) throw notFound();
    return { entries: await storage.sync.audit(stored.story.id) };
  });

  app.get('/api/stories/:id/revisions', async (request): Promise<RevisionsAnswer> => {
    const { user } = await auth.require(request);
    const { id } = parseOr400(storyParams, request.params, 'Mã bài');
    const stored = await storage.sync.getStory(id.toLowerCase());
    if (!stored || !canSee(user, stored)) throw notFound();
    return { revisions: await storage.history.revisions(stored.story.id, MAX_SERVER_REVISIONS) };
  });

  app.get('/api/notifications', async (request): Promise<z.infer<typeof notificationsAnswer>> => {
    const { user } = await auth.require(request);
    const { after } = parseOr400(notificationsQuery, request.query, 'Yêu cầu lấy thông báo');
    const notifications = await storage.notifications.list(user.username, after ? new Date(after).toISOString() : null, NOTIFICATIONS_PAGE);
    return { notifications };
  });

  app.post('/api/notifications/read', async (request, reply) => {
    const { user } = await auth.require(request);
    const { ids } = parseOr400(markReadRequest, request.body, 'Đánh dấu đã đọc');
    await storage.notifications.markRead(user.username, ids, new Date().toISOString());
    return reply.code(204).send();
  });

  app.get('/api/workflow/checklist', async (request) => {
    await auth.require(request);
    return checklist;
  });
}
