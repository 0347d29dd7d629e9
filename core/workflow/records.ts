// What the workflow writes down and sends around, besides the story itself:
// corrections shown on the page, the audit log, editorial notes, presence and
// notifications. Each is validated wherever it crosses a boundary.
import { z } from 'zod';
import { MAX_NOTE_LENGTH, transitionAction } from './actions';
import { username } from './roles';
import { workflowState } from './states';

const isoTime = z.iso.datetime({ offset: true, message: 'Thời gian phải theo ISO 8601' });
const lowerUuid = (message: string) => z.uuid({ message }).transform((id) => id.toLowerCase());

/**
 * One change to a live story. A 'correction' shows on the page with its text and
 * time; an 'update' (a silent fix, such as a typo) is kept for the record only.
 */
export const correctionEntry = z.strictObject({
  kind: z.enum(['correction', 'update']),
  text: z.string().max(MAX_NOTE_LENGTH),
  at: isoTime,
});
export type CorrectionEntry = z.infer<typeof correctionEntry>;

/** The audit log's actor for what the server's scheduler does; no username can start with '@'. */
export const SCHEDULER_ACTOR = '@scheduler';

/** One line of a story's audit log, written by the server as it applies a transition. */
export const auditEntry = z.strictObject({
  storyId: lowerUuid('storyId phải là UUID'),
  actor: z.union([username, z.literal(SCHEDULER_ACTOR)]),
  action: transitionAction,
  from: workflowState,
  to: workflowState,
  note: z.string().max(MAX_NOTE_LENGTH).nullable(),
  at: isoTime,
  /** Set by the scheduler when it published after the story's time had passed (e.g. the server was down). */
  late: z.boolean().optional(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const MAX_PASSAGE_LENGTH = 1_000;

/**
 * What a desk sends to add a note (a 'note' sync op). The id is made on the desk
 * so that an offline note can be retried safely. A note on a passage is a thread
 * root whose id is also the id of the Lexical mark around the passage; `passage`
 * keeps the marked text for when edits remove the mark. Replies hang off a root.
 */
export const notePayload = z
  .strictObject({
    id: lowerUuid('Mã ghi chú phải là UUID'),
    storyId: lowerUuid('storyId phải là UUID'),
    blockId: z.string().min(1).max(100).nullable(),
    passage: z.string().min(1).max(MAX_PASSAGE_LENGTH, `Đoạn trích quá dài (tối đa ${MAX_PASSAGE_LENGTH} ký tự)`).nullable(),
    parentId: lowerUuid('Mã ghi chú gốc phải là UUID').nullable(),
    body: z
      .string()
      .max(MAX_NOTE_LENGTH, `Ghi chú quá dài (tối đa ${MAX_NOTE_LENGTH} ký tự)`)
      .refine((text) => text.trim() !== '', 'Ghi chú đang trống'),
  })
  .refine((n) => n.parentId === null || (n.blockId === null && n.passage === null), {
    message: 'Trả lời nằm trong chuỗi ghi chú gốc, không gắn với đoạn văn riêng',
  })
  .refine((n) => n.parentId !== n.id, { message: 'Ghi chú không thể trả lời chính nó' });
export type NotePayload = z.infer<typeof notePayload>;

/** A note as the server keeps it: the author, mentions and time are the server's. */
export const editorialNote = z.strictObject({
  id: lowerUuid('Mã ghi chú phải là UUID'),
  storyId: lowerUuid('storyId phải là UUID'),
  blockId: z.string().min(1).max(100).nullable(),
  passage: z.string().min(1).max(MAX_PASSAGE_LENGTH).nullable(),
  parentId: lowerUuid('Mã ghi chú gốc phải là UUID').nullable(),
  author: username,
  body: z.string().min(1).max(MAX_NOTE_LENGTH),
  mentions: z.array(username).max(50),
  createdAt: isoTime,
});
export type EditorialNote = z.infer<typeof editorialNote>;

/** Someone has the story open for editing online; refreshed by a heartbeat. */
export const presence = z.strictObject({
  storyId: lowerUuid('storyId phải là UUID'),
  user: username,
  since: isoTime,
  seenAt: isoTime,
});
export type Presence = z.infer<typeof presence>;

export const NOTIFICATION_KINDS = [
  'returned',
  'approved',
  'published',
  'assigned',
  'mentioned',
  /** Someone took over a story you were editing; your text is kept as a revision. */
  'taken-over',
  /** The scheduler could not publish a story you scheduled: it is back in "approved". */
  'schedule-failed',
] as const;
export const notificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof notificationKind>;

export const notification = z.strictObject({
  id: lowerUuid('Mã thông báo phải là UUID'),
  user: username,
  kind: notificationKind,
  storyId: lowerUuid('storyId phải là UUID'),
  actor: z.union([username, z.literal(SCHEDULER_ACTOR)]),
  noteId: lowerUuid('Mã ghi chú phải là UUID').nullable(),
  at: isoTime,
  readAt: isoTime.nullable(),
});
export type Notification = z.infer<typeof notification>;
/** A notification before the server gives it an id and a read mark. */
export type NotificationDraft = Omit<Notification, 'id' | 'readAt'>;
