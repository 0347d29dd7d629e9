// Audit and notification rows, read back the same way from both databases.
import { auditEntry, notification, type AuditEntry, type Notification } from '../../core/workflow';
import { toIso, toIsoOrNull } from './rows';

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
