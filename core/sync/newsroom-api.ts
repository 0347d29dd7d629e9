// The server's newsroom endpoints besides push and pull, as both ends read them.
// Every answer is checked with these schemas on the desk; every request body on
// the server. All need a signed-in user (Bearer token).
//
//   GET  /api/stories/:id/audit          → auditAnswer      the story's audit log, oldest first
//   GET  /api/stories/:id/revisions      → revisionsAnswer  the server's versions, newest first (the latest MAX_SERVER_REVISIONS)
//   GET  /api/notifications?after=ISO     → notificationsAnswer  the caller's, newest first (max 200)
//   POST /api/notifications/read {ids}    → 204               marks the caller's notifications read
//   GET  /api/sync/notes?cursor=N&limit=L[&storyId=ID] → notesPage  notes of stories the caller may see, in order
//   POST /api/presence {storyId}          → presenceAnswer   "I am editing this story": a heartbeat, every 20 s
//   DELETE /api/presence/:storyId         → 204               "I closed it"
//   GET  /api/presence/:storyId           → presenceAnswer   who is editing it now (heartbeat within 60 s)
//   GET  /api/users                       → usersAnswer      who works here: for assigning and @mentions
//   GET  /api/me                          → newsroomUser     the signed-in user
//   GET  /api/workflow/checklist          → checklistConfig  the pre-publication checklist per section
//
// Notes are written with 'note' ops through push, so that offline notes queue
// with the stories they are about; transitions likewise with 'transition' ops.
import { z } from 'zod';
import { revisionReason, storyContent } from '../story';
import { auditEntry, editorialNote, notification, presence, role, username } from '../workflow';

export const PRESENCE_HEARTBEAT_MS = 20_000;
export const PRESENCE_TTL_MS = 60_000;
export const MAX_NOTES_PAGE = 500;
/** How many of a story's versions GET /api/stories/:id/revisions answers: the newest. */
export const MAX_SERVER_REVISIONS = 200;

const isoTime = z.iso.datetime({ offset: true, message: 'Thời gian phải theo ISO 8601' });

export const newsroomUser = z.strictObject({
  username,
  /** The name readers see in a byline; the username when the account has none. */
  displayName: z.string().min(1).max(100),
  role,
});
export type NewsroomUser = z.infer<typeof newsroomUser>;
export const usersAnswer = z.strictObject({ users: z.array(newsroomUser) });
export type UsersAnswer = z.infer<typeof usersAnswer>;

export const auditAnswer = z.strictObject({ entries: z.array(auditEntry) });

/** One version the server keeps of a story: who made it, when and why, with its text. */
export const serverRevision = z.strictObject({
  rev: z.number().int().min(1),
  author: z.string().min(1),
  createdAt: isoTime,
  reason: revisionReason.nullable(),
  /** For a 'merge' revision: the server revision and the desk's base it joined. */
  parents: z.array(z.number().int().min(0)).max(2).optional(),
  content: storyContent,
});
export type ServerRevision = z.infer<typeof serverRevision>;
export const revisionsAnswer = z.strictObject({ revisions: z.array(serverRevision) });
export type RevisionsAnswer = z.infer<typeof revisionsAnswer>;

export const notificationsQuery = z.object({ after: isoTime.optional() });
export const notificationsAnswer = z.strictObject({ notifications: z.array(notification) });
export const markReadRequest = z.strictObject({ ids: z.array(z.uuid()).min(1).max(500) });

export const notesQuery = z.object({
  cursor: z.coerce.number({ message: 'cursor phải là số' }).int().min(0).default(0),
  limit: z.coerce.number({ message: 'limit phải là số' }).int().min(1).max(MAX_NOTES_PAGE).default(200),
  /**
   * Only this story's notes: a desk fills in the notes of a story that became
   * visible to it after its cursor had passed them (a draft submitted, a story
   * assigned to it), which the cursor alone would never bring.
   */
  storyId: z.uuid({ message: 'storyId phải là UUID' }).transform((id) => id.toLowerCase()).optional(),
});
export const notesPage = z.strictObject({
  notes: z.array(editorialNote.extend({ seq: z.number().int() })),
  cursor: z.number().int(),
  more: z.boolean(),
});
export type NotesPage = z.infer<typeof notesPage>;

export const presenceRequest = z.strictObject({ storyId: z.uuid({ message: 'storyId phải là UUID' }) });
export const presenceAnswer = z.strictObject({ present: z.array(presence) });
export type PresenceAnswer = z.infer<typeof presenceAnswer>;
