// Audit and notification rows, read back the same way from both databases.
import { auditEntry, notification, type AuditEntry, type Notification } from '../../core/workflow';
import { toIso, toIsoOrNull } from './rows';
import type { TakeOver } from './types';

/** An audit row as an entry; rows written before the workflow (one per push op, no transition) are skipped. */
export function auditFromRow(row: Record<string, unknown>): AuditEntry[] {
  const parsed = auditEntry.safeParse({
    storyId: String(row.story_id),
    actor: row.username,
    action: row.action,
    from: row.from_status,
    to: row.to_status,
    note: row.note ?? null,
    at: toIso(row.at as string | Date),
    ...(row.late === true || row.late === 1 ? { late: true } : {}),
  });
  return parsed.success ? [parsed.data] : [];
}

export function notificationFromRow(row: Record<string, unknown>): Notification {
  return notification.parse({
    id: String(row.id),
    user: row.username,
    kind: row.kind,
    storyId: String(row.story_id),
    actor: row.actor,
    noteId: row.note_id === null ? null : String(row.note_id),
    at: toIso(row.at as string | Date),
    readAt: toIsoOrNull(row.read_at as string | Date | null),
  });
}

/** The audit rows takeOversOf reads: takes, and moves out of 'editing' (which let go of the holder). */
export const HOLDING_ROWS = "(action = 'take' OR (from_status = 'editing' AND to_status <> 'editing'))";

/**
 * Who lost a story to whom, from its audit rows (HOLDING_ROWS, oldest first).
 * Only a take puts a story in 'editing' and names its holder, and every move
 * out of 'editing' lets go, so the holder before a take from 'editing' is the
 * actor of the take that started that stretch of editing.
 */
export function takeOversOf(rows: ReadonlyArray<Record<string, unknown>>): TakeOver[] {
  const takeOvers: TakeOver[] = [];
  let holder: string | null = null;
  for (const row of rows) {
    const actor = String(row.username);
    if (row.action === 'take') {
      if (row.from_status === 'editing' && holder !== null && holder !== actor) {
        takeOvers.push({ from: holder, by: actor, rev: Number(row.rev) });
      }
      holder = actor;
    } else if (row.to_status !== 'editing') {
      holder = null;
    }
  }
  return takeOvers;
}
