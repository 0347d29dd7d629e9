// Editorial notes, as both ends write them: the desk when a note is written
// offline, the server when it stores the note for good (its author, time and
// mentions are then the server's). A thread is one root and its replies: a
// reply answers a root of the same story, never another reply.
import { normalizeText } from '../text';
import { mentionsIn } from './notifications';
import type { EditorialNote, NotePayload } from './records';

export type NoteRefusalCode = 'NOTE_PARENT_NOT_FOUND' | 'NOTE_PARENT_NOT_ROOT' | 'NOTE_ID_TAKEN' | 'ID_MISMATCH';
export type NoteRefusal = { code: NoteRefusalCode; message: string };

/** Why a reply cannot hang off `parent` (null: that note is not known here), or null when it can. */
export function replyRefusal(payload: Pick<NotePayload, 'storyId' | 'parentId'>, parent: Pick<EditorialNote, 'storyId' | 'parentId'> | null): NoteRefusal | null {
  if (payload.parentId === null) return null;
  if (parent === null || parent.storyId !== payload.storyId) {
    return { code: 'NOTE_PARENT_NOT_FOUND', message: 'Không tìm thấy ghi chú gốc để trả lời' };
  }
  if (parent.parentId !== null) return { code: 'NOTE_PARENT_NOT_ROOT', message: 'Chỉ trả lời được ghi chú gốc của một chuỗi' };
  return null;
}

/** The same note sent again (a retry) answers as a duplicate; the id on anyone else's note is refused. */
export function sameNote(existing: Pick<EditorialNote, 'author' | 'storyId'>, author: string, storyId: string): boolean {
  return existing.author === author && existing.storyId === storyId;
}

/**
 * The note as it is kept: text in canonical form (NFC, no control characters),
 * the usernames it mentions (those `isUser` knows, at most 50), its author and time.
 */
export function noteOf(payload: NotePayload, author: string, createdAt: string, isUser: (name: string) => boolean = () => true): EditorialNote {
  const body = normalizeText(payload.body).trim();
  return {
    id: payload.id,
    storyId: payload.storyId,
    blockId: payload.blockId,
    passage: payload.passage === null ? null : normalizeText(payload.passage),
    parentId: payload.parentId,
    author,
    body,
    mentions: mentionsIn(body).filter(isUser).slice(0, 50),
    createdAt,
  };
}
