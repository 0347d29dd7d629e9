// The service's events, declared once: their names, payload schemas and types.
// The service emits them, Electron and the local HTTP transport relay them, and
// the renderer checks each payload against these schemas before it is used.
import { z } from 'zod';
import { notificationsEvent } from './contract-workflow';

export const SAVE_STATES = ['saved', 'saving', 'error'] as const;
export type SaveState = (typeof SAVE_STATES)[number];

/** What the sync indicator shows; sent as the 'sync.state' event and answered by 'sync.status'. */
export const syncStateSchema = z.object({
  online: z.boolean(),
  /** Local changes not yet on the server (conflicted stories' changes included). */
  pending: z.number(),
  /** The last problem, in words; null when the last attempt went well. */
  lastError: z.string().nullable(),
  lastSyncedAt: z.string().nullable(),
  // Optional so that an older listener's schema (the four fields above) still fits.
  signedIn: z.boolean().optional(),
  syncing: z.boolean().optional(),
  /** While a backlog uploads: how many of this round's changes the server has answered. */
  progress: z.object({ sent: z.number(), total: z.number() }).nullable().optional(),
  /** Stories with two versions waiting for the user's choice. */
  conflicts: z.number().optional(),
});
export type SyncState = z.infer<typeof syncStateSchema>;

export const MENU_COMMANDS = ['new-story', 'import', 'save-revision', 'settings'] as const;

export const eventPayloadSchemas = {
  /** `updatedAt`, when known: the story's updatedAt after the change (an editor that wrote it need not read it again). */
  'story.changed': z.object({ id: z.string(), updatedAt: z.string().optional() }),
  /** The notes of a story changed here (written, answered by the server or pulled). */
  'notes.changed': z.object({ storyId: z.string() }),
  'save.state': z.object({ id: z.string(), state: z.enum(SAVE_STATES), message: z.string().optional() }),
  'sync.state': syncStateSchema,
  'menu.command': z.object({ command: z.enum(MENU_COMMANDS) }),
  /** New notifications for the signed-in user (core/api/contract-workflow). */
  'notifications.new': notificationsEvent,
};

export type EventName = keyof typeof eventPayloadSchemas;
export type EventPayloads = { [E in EventName]: z.infer<(typeof eventPayloadSchemas)[E]> };
export const EVENT_NAMES = Object.keys(eventPayloadSchemas) as EventName[];

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(eventPayloadSchemas, name);
}

/** An event payload checked against its schema; null when it does not match (it is then dropped). */
export function readEventPayload<E extends EventName>(event: E, payload: unknown): EventPayloads[E] | null {
  const parsed = eventPayloadSchemas[event].safeParse(payload);
  return parsed.success ? (parsed.data as EventPayloads[E]) : null;
}
