// Editorial notes and presence. Notes are kept here and sync like stories, so
// writing one never waits on the network; presence is only ever the server's
// (who else has the story open now), so offline it is an empty list and
// editing is never held up by it: a soft lock, never a hard one.
import { v7 as uuidv7 } from 'uuid';
import type { HandlerName, Handlers, PresenceList } from '../../core/api';
import { normalizeServerUrl, type PresenceAnswer } from '../../core/sync';
import { notePayload } from '../../core/workflow';
import { authorOf, type ServiceContext } from '../context';
import { invalidArgs } from '../errors';
import { handler } from '../handler';
import type { DesktopSync } from '../sync';
import { fetchStoryNotes } from '../sync/notes-sync';
import { SyncFailure, type SyncServerClient } from '../sync/server-client';

type NoteHandlerName = Extract<HandlerName, `notes.${string}` | `presence.${string}`>;
type Person = { username: string; displayName: string };

/** The account list is asked for at most this often (display names, @mention suggestions). */
const PEOPLE_TTL_MS = 5 * 60_000;
/** Presence is a nicety: it never holds up opening a story for long. */
const PRESENCE_TIMEOUT_MS = 5_000;

export function noteHandlers(context: ServiceContext, sync: DesktopSync): Pick<Handlers, NoteHandlerName> {
  const { store, events } = context;
  let people: { server: string; at: number; list: Person[] } | null = null;
  /** Stories whose notes are being fetched whole now: one fetch at a time each. */
  const fetching = new Set<string>();

  /** The signed-in account ("server|username") and a client for it, or null when not signed in. */
  function online(timeoutMs?: number): { who: string; me: string; client: SyncServerClient } | null {
    const client = sync.worker.newsroomClient(timeoutMs);
    const status = sync.worker.status();
    if (client === null || status.username === null) return null;
    return { who: `${normalizeServerUrl(status.serverUrl) ?? status.serverUrl}|${status.username}`, me: status.username, client };
  }

  async function peopleOf(at: { who: string; client: SyncServerClient }): Promise<Person[]> {
    const now = context.clock().getTime();
    if (people !== null && people.server === at.who && now - people.at < PEOPLE_TTL_MS) return people.list;
    try {
      const users = await at.client.users();
      people = { server: at.who, at: now, list: users.map((u) => ({ username: u.username, displayName: u.displayName ?? u.username })) };
    } catch (error) {
      // A reporter may not read the list on some servers (403), or it is offline: names stand in for themselves.
      if (!(error instanceof SyncFailure)) throw error;
      people = { server: at.who, at: now, list: [] };
    }
    return people.list;
  }

  async function presenceOf(at: { who: string; me: string; client: SyncServerClient }, answer: PresenceAnswer): Promise<PresenceList> {
    const others = answer.present.filter((p) => p.user !== at.me);
    const names = new Map((others.length > 0 ? await peopleOf(at) : []).map((p) => [p.username, p.displayName]));
    return { online: true, present: others.map((p) => ({ username: p.user, displayName: names.get(p.user) ?? p.user, since: p.since })) };
  }

  async function askPresence(storyId: string, ask: (client: SyncServerClient) => Promise<PresenceAnswer>): Promise<PresenceList> {
    const at = online(PRESENCE_TIMEOUT_MS);
    if (at === null) return { online: false, present: [] };
    try {
      return await presenceOf(at, await ask(at.client));
    } catch (error) {
      if (!(error instanceof SyncFailure)) throw error;
      // Not on the server yet (a story written offline), or not visible there: nobody else is editing it.
      if (error.status === 404) return { online: true, present: [] };
      return { online: false, present: [] };
    }
  }

  return {
    'notes.list': handler('notes.list', ({ storyId }) => {
      const at = online();
      const key = `${at?.who ?? ''}|${storyId}`;
      if (at !== null && !fetching.has(key)) {
        fetching.add(key);
        fetchStoryNotes(context, at.client, at.who, storyId)
          .catch((error: unknown) => console.error('Newsdesk: fetching a story’s notes failed', error))
          .finally(() => fetching.delete(key));
      }
      return { threads: store.notes.threads(storyId.toLowerCase()) };
    }),
    'notes.add': handler('notes.add', (args) => {
      const parsed = notePayload.safeParse({
        id: args.id ?? uuidv7(),
        storyId: args.storyId,
        blockId: args.blockId ?? null,
        passage: args.passage ?? null,
        parentId: args.parentId ?? null,
        body: args.body,
      });
      if (!parsed.success) throw invalidArgs(parsed.error);
      const note = store.notes.add(parsed.data, authorOf(context));
      store.outbox.changed();
      events.emit('notes.changed', { storyId: note.storyId });
      return note;
    }),
    'presence.enter': handler('presence.enter', ({ storyId }) => askPresence(storyId, (client) => client.presenceHeartbeat(storyId))),
    'presence.list': handler('presence.list', ({ storyId }) => askPresence(storyId, (client) => client.presence(storyId))),
    'presence.leave': handler('presence.leave', async ({ storyId }) => {
      const at = online(PRESENCE_TIMEOUT_MS);
      // Best effort: a leave that does not arrive runs out with the server's TTL.
      if (at !== null) await at.client.presenceLeave(storyId).catch(() => undefined);
      return { ok: true };
    }),
  };
}
