// 'note' ops and the notes/presence endpoints for server tests, every answer
// checked with core's schemas.
import { notesPage, presenceAnswer, type NotesPage } from '../../../core/sync';
import type { NotePayload } from '../../../core/workflow';
import { call, ensureStatus, type Op } from './api';
import { newId } from './stories';

export function notePayload(storyId: string, body: string, extra: Partial<NotePayload> = {}): NotePayload {
  return { id: newId(), storyId, blockId: null, passage: null, parentId: null, body, ...extra };
}

/** A 'note' op carrying `payload` (a retry sends the same payload under the same op id). */
export function noteOp(payload: NotePayload, opId = newId()): Op {
  return { opId, kind: 'note', storyId: payload.storyId, baseRev: 0, payload };
}

export async function notesOf(baseUrl: string, token: string, query: { cursor?: number; limit?: number; storyId?: string } = {}): Promise<NotesPage> {
  const params = new URLSearchParams({ cursor: String(query.cursor ?? 0), limit: String(query.limit ?? 200) });
  if (query.storyId) params.set('storyId', query.storyId);
  const reply = await call(baseUrl, 'GET', `/api/sync/notes?${params}`, { token });
  ensureStatus(reply, 200);
  return notesPage.parse(reply.json());
}

/** Every note the caller may see, following cursors to the end. */
export async function allNotes(baseUrl: string, token: string, limit = 200): Promise<NotesPage['notes']> {
  const all: NotesPage['notes'] = [];
  let cursor = 0;
  for (;;) {
    const page = await notesOf(baseUrl, token, { cursor, limit });
    all.push(...page.notes);
    cursor = page.cursor;
    if (!page.more) return all;
  }
}

export async function heartbeat(baseUrl: string, token: string, storyId: string): Promise<{ status: number; present: string[]; since: Record<string, string> }> {
  const reply = await call(baseUrl, 'POST', '/api/presence', { token, json: { storyId } });
  if (reply.status !== 200) return { status: reply.status, present: [], since: {} };
  const { present } = presenceAnswer.parse(reply.json());
  return { status: 200, present: present.map((p) => p.user), since: Object.fromEntries(present.map((p) => [p.user, p.since])) };
}

export async function whoIsHere(baseUrl: string, token: string, storyId: string): Promise<{ status: number; present: string[] }> {
  const reply = await call(baseUrl, 'GET', `/api/presence/${storyId}`, { token });
  if (reply.status !== 200) return { status: reply.status, present: [] };
  return { status: 200, present: presenceAnswer.parse(reply.json()).present.map((p) => p.user) };
}
