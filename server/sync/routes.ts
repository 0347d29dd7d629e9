import type { FastifyInstance } from 'fastify';
import type { Authenticator } from '../auth/authenticate';
import { z } from 'zod';
import { listIssues } from '../../core/validation/vietnamese-issues';
import { notFound, parseOr400 } from '../http/errors';
import type { ChecklistConfig } from '../../core/workflow';
import { ACTION_RULES, effectiveSlug } from '../../core/workflow';
import { sectionSlugOf } from '../../core/site/address';
import type { StoryContent } from '../../core/story';
import type { OpOutcome, Storage } from '../storage/types';
import { canSee, decideOp, type PolicyContext } from './policy';
import { wire } from './wire';
import { applyInRuns } from './push-runs';
import {
  parseOpPayload,
  pullQuery,
  pushRequest,
  type OpResult,
  type PullResponse,
  type PushResponse,
  type StoredStoryWire,
  type SyncOp,
} from './protocol';

/** A push may carry a large backlog of long stories; images go up separately. */
export const PUSH_BODY_LIMIT = 8 * 1024 * 1024;

const storyParams = z.strictObject({ id: z.uuid({ message: 'Mã bài phải là UUID' }) });

export type SyncDeps = { storage: Storage; auth: Authenticator; checklist: ChecklistConfig; onSiteMayHaveChanged: () => void };

/**
 * The checklist's slug check must answer synchronously inside the transaction:
 * the addresses it may ask about (those of stories with a gated transition in
 * this push, as they stand now and as this push's upserts leave them) are read first.
 */
export async function slugOwners(storage: Storage, texts: ReadonlyArray<Pick<StoryContent, 'section' | 'slug' | 'headline'>>): Promise<PolicyContext['slugOwner']> {
  const known = new Map<string, string | null>();
  for (const text of texts) {
    const key = `${sectionSlugOf(text.section)}/${effectiveSlug(text)}`;
    if (!known.has(key)) known.set(key, await storage.sync.slugOwner(sectionSlugOf(text.section), effectiveSlug(text)));
  }
  return (sectionSlug, slug) => known.get(`${sectionSlug}/${slug}`) ?? null;
}

function toResult(opId: string, outcome: OpOutcome): OpResult {
  switch (outcome.status) {
    case 'applied':
      return { opId, status: 'applied', rev: outcome.rev, seq: outcome.stored.seq };
    case 'duplicate':
      return { opId, status: 'duplicate', rev: outcome.rev };
    case 'conflict':
      return { opId, status: 'conflict', server: wire(outcome.server) };
    case 'rejected':
      return { opId, status: 'rejected', code: outcome.code, message: outcome.message };
  }
}

export function registerSyncRoutes(app: FastifyInstance, { storage, auth, checklist, onSiteMayHaveChanged }: SyncDeps): void {
  app.post('/api/sync/push', { bodyLimit: PUSH_BODY_LIMIT }, async (request): Promise<PushResponse> => {
    const { user } = await auth.require(request);
    const { ops } = parseOr400(pushRequest, request.body, 'Yêu cầu đồng bộ');
    // Payloads are checked one by one: a bad op is rejected alone, the rest go to storage as one batch.
    const checked = ops.map((envelope): SyncOp | OpResult => {
      const parsed = parseOpPayload(envelope);
      if (parsed.ok) return parsed.op;
      const first = listIssues(parsed.error)[0];
      const where = first?.path ? `${first.path}: ` : '';
      return {
        opId: envelope.opId,
        status: 'rejected',
        code: 'INVALID_PAYLOAD',
        message: `Nội dung thao tác không hợp lệ: ${where}${first?.message ?? ''}`,
      };
    });
    const accepted = checked.filter((c): c is SyncOp => !('status' in c));
    // In order: a later op may build on an earlier one (upsert, then publish). Each parsed
    // op travels through storage whole and comes back to `decide` as itself.
    const gated = new Set(accepted.flatMap((op) => (op.kind === 'transition' && ACTION_RULES[op.payload.action].gated ? [op.storyId] : [])));
    const current = await Promise.all([...gated].map((id) => storage.sync.getStory(id)));
    const edited = accepted.flatMap((op) => (op.kind === 'upsert' && gated.has(op.storyId) ? [op.payload] : []));
    const ctx: PolicyContext = {
      now: new Date().toISOString(),
      checklist,
      slugOwner: await slugOwners(storage, [...current.flatMap((s) => (s ? [s.story] : [])), ...edited]),
    };
    const outcomes = await applyInRuns(storage, user, accepted, (run) => storage.sync.applyOps(run, user, (op, stored) => decideOp(op, user, stored, ctx)));
    const outcomeOf = new Map(outcomes.map(({ op, outcome }) => [op, outcome]));
    const answered = checked.map((c): OpResult => {
      if ('status' in c) return c;
      const outcome = outcomeOf.get(c);
      if (outcome === undefined) throw new Error('storage left an op unanswered');
      return toResult(c.opId, outcome);
    });
    if (outcomes.some(({ outcome }) => outcome.status === 'applied')) onSiteMayHaveChanged();
    const applied = answered.filter((r) => r.status === 'applied').length;
    request.log.info({ user: user.username, ops: ops.length, applied }, 'push');
    return { results: answered };
  });

  app.get('/api/stories/:id', async (request): Promise<StoredStoryWire> => {
    const { user } = await auth.require(request);
    const { id } = parseOr400(storyParams, request.params, 'Mã bài');
    const stored = await storage.sync.getStory(id);
    // Invisible and absent look the same, so the answer reveals nothing.
    if (!stored || !canSee(user, stored)) throw notFound();
    return wire(stored);
  });

  app.get('/api/sync/pull', async (request): Promise<PullResponse> => {
    const { user } = await auth.require(request);
    const { cursor, limit } = parseOr400(pullQuery, request.query, 'Yêu cầu lấy thay đổi');
    const page = await storage.sync.pull({ username: user.username, role: user.role }, cursor, limit);
    return { changes: page.changes.map(wire), cursor: page.cursor, more: page.more };
  });
}
