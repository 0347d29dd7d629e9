// The wire format of desk sync (DESIGN.md, "Sync protocol"). Pure zod, so the
// desktop's sync worker can import these same schemas to check the answers.
//
//   POST /api/sync/push  {ops:[{opId, kind, storyId, baseRev, payload}]}
//     → 200 {results:[…]} in the order of the ops, each one of
//       applied   {rev, seq}    the op took effect as revision `rev`, change `seq`;
//                               the server's copy comes back through pull
//       duplicate {rev}         this opId was applied before; nothing happened twice
//       conflict  {server}      baseRev is not the server's rev; nothing was written
//       rejected  {code, message}  not allowed or not valid; nothing was written
//     A malformed envelope (not JSON, no ops array, an op without a valid opId,
//     kind, storyId or baseRev) is a 400 for the whole request. A well-formed op
//     whose payload is invalid, or that the caller may not do, is `rejected` on
//     its own, so one bad op never blocks the rest of an outbox. That includes a
//     reporter's publish/unpublish: `rejected` with code "forbidden".
//     Conflicts and rejections are not remembered: a retry is judged again.
//
//   GET /api/sync/pull?cursor=N&limit=L → {changes:[{story, seq, trashedAt}], cursor, more}
//     Changes after `cursor`, in order, that this caller may see; pass the answer's
//     cursor next time; `more` says another page is waiting.
//
//   GET /api/stories/:id → {story, seq, trashedAt}, or 404 when absent or not
//     visible to the caller (the same rules as pull).
import { z } from 'zod';
import { story } from '../story';
import { notePayload, transitionOp, workflowFields, type NotePayload, type TransitionOp } from '../workflow';

/**
 * upsert: the story's text (never its status); delete: to the trash;
 * transition: one workflow action (core/workflow), judged on the server's state
 *   now, not on baseRev, since it changes no text: it moves `seq` but not `rev`;
 * note: an editorial note (core/workflow/records), never shown on the site.
 */
export const OP_KINDS = ['upsert', 'delete', 'transition', 'note'] as const;
export const MAX_OPS_PER_PUSH = 500;
export const MAX_PULL_LIMIT = 500;

const isoTime = z.iso.datetime({ offset: true, message: 'Thời gian phải theo ISO 8601' });

// UUIDs compare as text in SQLite and as uuid in PostgreSQL: one spelling, lower case, for both.
const lowerUuid = (message: string) => z.uuid({ message }).transform((id) => id.toLowerCase());

export const syncOpEnvelope = z.strictObject({
  opId: lowerUuid('opId phải là UUID'),
  kind: z.enum(OP_KINDS, { message: 'kind phải là upsert, delete, transition hoặc note' }),
  storyId: lowerUuid('storyId phải là UUID'),
  baseRev: z.number({ message: 'baseRev phải là số' }).int().min(0),
  payload: z.unknown().optional(),
});
export type SyncOpEnvelope = z.infer<typeof syncOpEnvelope>;

/**
 * An op as a desk's outbox keeps and sends it: the envelope, with the payload
 * still the JSON text it was stored as (a backlog push splices megabytes of
 * story text in as is, instead of parsing and writing it again).
 */
export type OutboxOp = Omit<SyncOpEnvelope, 'payload'> & { payloadJson: string | null };

export const pushRequest = z.strictObject({
  ops: z
    .array(syncOpEnvelope, { message: 'ops phải là một mảng' })
    .min(1, 'ops đang trống')
    .max(MAX_OPS_PER_PUSH, `Tối đa ${MAX_OPS_PER_PUSH} thao tác mỗi lần đẩy`),
});

/**
 * The story as the desktop holds it. Content and metadata are required; the
 * fields the server owns (author, rev, baseRev, publishedAt, createdAt,
 * updatedAt) may be sent along and are ignored.
 */
export const upsertPayload = story.partial({
  id: true,
  status: true,
  author: true,
  assignee: true,
  publishAt: true,
  publishedAt: true,
  createdAt: true,
  updatedAt: true,
  rev: true,
  baseRev: true,
});
export type UpsertPayload = z.infer<typeof upsertPayload>;

const noPayload = z.strictObject({}).optional();

export type SyncOp =
  | { kind: 'upsert'; opId: string; storyId: string; baseRev: number; payload: UpsertPayload }
  | { kind: 'delete'; opId: string; storyId: string; baseRev: number }
  | { kind: 'transition'; opId: string; storyId: string; baseRev: number; payload: TransitionOp }
  | { kind: 'note'; opId: string; storyId: string; baseRev: number; payload: NotePayload };

/**
 * PostgreSQL text cannot hold U+0000, SQLite can: the character is dropped from
 * every string so that both stores keep the same story (it is invisible anyway).
 */
export function withoutNul(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('\u0000') ? value.replaceAll('\u0000', '') : value;
  if (value === null || typeof value !== 'object') return value;
  // Copy only what changes: almost every payload has no NUL and comes back as is.
  if (Array.isArray(value)) {
    const items = value.map(withoutNul);
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  const entries = Object.entries(value);
  const cleaned = entries.map(([k, v]) => [k, withoutNul(v)] as const);
  return cleaned.some(([, v], i) => v !== entries[i]?.[1]) ? Object.fromEntries(cleaned) : value;
}

/** The payload checked for its kind; an error names the first problem in Vietnamese. */
export function parseOpPayload(op: SyncOpEnvelope): { ok: true; op: SyncOp } | { ok: false; error: z.ZodError } {
  const base = { opId: op.opId, storyId: op.storyId, baseRev: op.baseRev };
  switch (op.kind) {
    case 'upsert': {
      const r = upsertPayload.safeParse(withoutNul(op.payload));
      return r.success ? { ok: true, op: { ...base, kind: 'upsert', payload: r.data } } : { ok: false, error: r.error };
    }
    case 'transition': {
      const r = transitionOp.safeParse(withoutNul(op.payload));
      return r.success ? { ok: true, op: { ...base, kind: 'transition', payload: r.data } } : { ok: false, error: r.error };
    }
    case 'note': {
      const r = notePayload.safeParse(withoutNul(op.payload));
      return r.success ? { ok: true, op: { ...base, kind: 'note', payload: r.data } } : { ok: false, error: r.error };
    }
    case 'delete': {
      const r = noPayload.safeParse(op.payload);
      return r.success ? { ok: true, op: { ...base, kind: op.kind } } : { ok: false, error: r.error };
    }
  }
}

/**
 * A story's workflow fields as they travel: everything but the live copy, which
 * only the site reads; `pendingUpdate` says the working copy differs from it.
 */
export const workflowWire = workflowFields.omit({ live: true }).extend({ pendingUpdate: z.boolean() });
export type WorkflowWire = z.infer<typeof workflowWire>;

/** `workflow` is absent only from servers older than the workflow (it then follows from story.status). */
export const storedStoryWire = z.strictObject({
  story,
  seq: z.number().int(),
  trashedAt: isoTime.nullable(),
  workflow: workflowWire.optional(),
});
export type StoredStoryWire = z.infer<typeof storedStoryWire>;

export const opResult = z.discriminatedUnion('status', [
  z.strictObject({ opId: z.string(), status: z.literal('applied'), rev: z.number().int(), seq: z.number().int() }),
  z.strictObject({ opId: z.string(), status: z.literal('duplicate'), rev: z.number().int() }),
  z.strictObject({ opId: z.string(), status: z.literal('conflict'), server: storedStoryWire }),
  z.strictObject({ opId: z.string(), status: z.literal('rejected'), code: z.string(), message: z.string() }),
]);
export type OpResult = z.infer<typeof opResult>;

export const pushResponse = z.strictObject({ results: z.array(opResult) });
export type PushResponse = z.infer<typeof pushResponse>;

export const pullQuery = z.object({
  cursor: z.coerce.number({ message: 'cursor phải là số' }).int().min(0).default(0),
  limit: z.coerce.number({ message: 'limit phải là số' }).int().min(1).max(MAX_PULL_LIMIT).default(100),
});

export const pullResponse = z.strictObject({
  changes: z.array(storedStoryWire),
  cursor: z.number().int(),
  more: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponse>;

/**
 * A pull answer as a desk first reads it: each change is checked on its own
 * (storedStoryWire), so that one story a desk cannot take is set aside with its
 * reason instead of failing the page, and the cursor still moves on.
 */
export const pullPage = z.strictObject({ changes: z.array(z.unknown()), cursor: z.number().int(), more: z.boolean() });
export type PullPage = z.infer<typeof pullPage>;
