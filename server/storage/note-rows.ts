// Note and presence rows, read back the same way from both databases (times are
// ISO text in SQLite and Date from pg; mentions JSON text or parsed json).
import { editorialNote, presence, type Presence } from '../../core/workflow';
import { toIso } from './rows';
import type { StoredNote } from './types';

/** The columns every read of a note selects. */
export const NOTE_COLUMNS = 'n.id, n.seq, n.story_id, n.block_id, n.passage, n.parent_id, n.author, n.body, n.mentions, n.created_at';

export function noteFromRow(row: Record<string, unknown>): StoredNote {
  const mentions: unknown = typeof row.mentions === 'string' ? JSON.parse(row.mentions) : row.mentions;
  const note = editorialNote.parse({
    id: String(row.id),
    storyId: String(row.story_id),
    blockId: row.block_id ?? null,
    passage: row.passage ?? null,
    parentId: row.parent_id === null || row.parent_id === undefined ? null : String(row.parent_id),
    author: row.author,
    body: row.body,
    mentions,
    createdAt: toIso(row.created_at as string | Date),
  });
  return { ...note, seq: Number(row.seq) };
}

export function presenceFromRow(row: Record<string, unknown>): Presence {
  return presence.parse({
    storyId: String(row.story_id),
    user: row.username,
    since: toIso(row.since as string | Date),
    seenAt: toIso(row.seen_at as string | Date),
  });
}

/** SQL condition "the viewer may see this story" over stories alias `s` (core/workflow's canSee; pull's rule). */
export function visibleStoryCondition(isDesk: boolean, me: string): string {
  return isDesk ? `(s.status <> 'draft' OR s.assignee = ${me} OR s.author = ${me})` : `(s.author = ${me} OR s.assignee = ${me})`;
}

/** The earliest heartbeat still counted at `now`. */
export function presenceCutoff(now: string, ttlMs: number): string {
  return new Date(Date.parse(now) - ttlMs).toISOString();
}
