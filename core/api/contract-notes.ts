// The app service's handlers for editorial notes and presence, spread into
// ./contract's handler map. Notes are kept on the desk and sync like stories;
// presence asks the server while online and is an empty list offline.
import { z } from 'zod';
import { MAX_NOTE_LENGTH, MAX_PASSAGE_LENGTH } from '../workflow';

const id = z.uuid({ message: 'Mã bài viết không hợp lệ' });
const noteId = z.uuid({ message: 'Mã ghi chú không hợp lệ' });

export const noteHandlerArgs = {
  /** A story's notes as threads: roots in order, each with its replies. */
  'notes.list': z.strictObject({ storyId: id }),
  /**
   * A note on the story, on a passage of it (`passage` and the `blockId` of the
   * block it is in, when the block has one), or a reply to a root (`parentId`).
   * `id` may be given (the id of the passage's mark in the editor); otherwise one is made.
   */
  'notes.add': z.strictObject({
    storyId: id,
    id: noteId.optional(),
    body: z.string().max(MAX_NOTE_LENGTH, `Ghi chú quá dài (tối đa ${MAX_NOTE_LENGTH} ký tự)`),
    parentId: noteId.nullable().optional(),
    blockId: z.string().min(1).max(100).nullable().optional(),
    passage: z.string().min(1).max(MAX_PASSAGE_LENGTH, `Đoạn trích quá dài (tối đa ${MAX_PASSAGE_LENGTH} ký tự)`).nullable().optional(),
  }),
  /** "I am editing this story" (call again every PRESENCE_HEARTBEAT_MS); answers who else is. */
  'presence.enter': z.strictObject({ storyId: id }),
  'presence.leave': z.strictObject({ storyId: id }),
  /** Who else is editing the story now. */
  'presence.list': z.strictObject({ storyId: id }),
} as const;

/**
 * pending: written here, waiting to be sent; sent: the server has it, its copy
 * is not pulled yet; synced: the server's copy; refused: the server will not
 * take it (`refusedReason` says why), and it stays on this desk only.
 */
export type DeskNoteState = 'pending' | 'sent' | 'synced' | 'refused';

export interface DeskNote {
  id: string;
  storyId: string;
  blockId: string | null;
  passage: string | null;
  parentId: string | null;
  author: string;
  body: string;
  mentions: string[];
  createdAt: string;
  state: DeskNoteState;
  refusedReason: string | null;
}

export interface NoteThread {
  root: DeskNote;
  replies: DeskNote[];
}

export interface PresentEditor {
  username: string;
  /** The name to show; the username when the server gives none. */
  displayName: string;
  /** Since when they have had the story open, without a break. */
  since: string;
}

export interface PresenceList {
  /** False when the server could not be asked (offline, not signed in): the list is then empty. */
  online: boolean;
  /** Everyone but this desk's own account. */
  present: PresentEditor[];
}

export interface NoteHandlerResults {
  'notes.list': { threads: NoteThread[] };
  'notes.add': DeskNote;
  'presence.enter': PresenceList;
  'presence.leave': { ok: true };
  'presence.list': PresenceList;
}
