// Notes as the server judges them (see core/workflow/note-rules.ts). Pure:
// storage calls `decideNote` inside its transaction with what it read there.
//
//   A note may be added by anyone who may see the story (canSee); its author,
//   time and mentions are the server's. A retry of the same note id by its
//   author is a duplicate; the id of anyone else's note is refused. A reply
//   answers a root note of the same story. A mention tells the person only if
//   they may see the story: a note never leaks a draft to someone else.
import {
  canSee as workflowCanSee,
  noteOf,
  notificationsForNote,
  replyRefusal,
  sameNote,
  type Role,
} from '../../core/workflow';
import type { NoteDecision, NoteFacts, NoteOp, UserRecord } from '../storage/types';
import { workflowStoryOf } from './policy';

export type NoteContext = {
  now: string;
  /** The newsroom's accounts and their roles: who can be mentioned, and whether they may see the story. */
  roles: ReadonlyMap<string, Role>;
};

const reject = (code: string, message: string): NoteDecision => ({ type: 'reject', code, message });

export function decideNote(op: NoteOp, user: Pick<UserRecord, 'username' | 'role'>, facts: NoteFacts, ctx: NoteContext): NoteDecision {
  const { payload } = op;
  if (payload.storyId !== op.storyId) return reject('ID_MISMATCH', 'Mã bài trong ghi chú khác mã bài của thao tác');
  const { story } = facts;
  if (story === null) return reject('NOT_FOUND', 'Bài không có trên máy chủ');
  const ws = workflowStoryOf(story);
  if (!workflowCanSee(ws, user)) return reject('FORBIDDEN', 'Bạn không có quyền xem bài này, nên không ghi chú được');
  if (facts.existing !== null) {
    return sameNote(facts.existing, user.username, op.storyId)
      ? { type: 'duplicate' }
      : reject('NOTE_ID_TAKEN', 'Mã ghi chú này đã được dùng cho một ghi chú khác');
  }
  if (story.trashedAt !== null) return reject('TRASHED', 'Bài đang trong thùng rác');
  const parent = replyRefusal(payload, facts.parent);
  if (parent !== null) return reject(parent.code, parent.message);
  const note = noteOf(payload, user.username, ctx.now, (name) => ctx.roles.has(name));
  if (note.body === '') return reject('INVALID_PAYLOAD', 'Ghi chú đang trống');
  if (note.passage === '') return reject('INVALID_PAYLOAD', 'Đoạn trích đang trống');
  const notifications = notificationsForNote(note).filter((n) => {
    const role = ctx.roles.get(n.user);
    return role !== undefined && workflowCanSee(ws, { username: n.user, role });
  });
  return { type: 'apply', note, notifications };
}
