// Story payloads and ops for tests, in real Vietnamese.
import { v7 as uuidv7 } from 'uuid';
import { nodes, type StoryBody } from '../../../core/story';
import type { UpsertPayload } from '../../../server/sync/protocol';
import type { Op } from './api';

export const newId = (): string => uuidv7();

export function bodyOfParagraphs(...texts: string[]): StoryBody {
  return nodes.bodyOf(texts.map((t) => nodes.paragraph(nodes.inlineFromText(t))));
}

export function storyPayload(overrides: Partial<UpsertPayload> = {}): UpsertPayload {
  return {
    headline: 'Cụm thi đua số 4 triển khai hiệu quả công tác chăm lo đời sống cho đoàn viên',
    sapo: 'Năm 2025, các Công đoàn cơ sở trong Cụm thi đua số 4 đã chủ động chăm lo đời sống cho đoàn viên.',
    byline: 'Mạnh Quân',
    section: 'Công đoàn',
    tags: [],
    slug: '',
    related: [],
    body: bodyOfParagraphs('Cụm thi đua số 4 gồm các Công đoàn cơ sở trực thuộc LĐLĐ thành phố Hà Nội.'),
    ...overrides,
  };
}

export function upsert(storyId: string, baseRev: number, payload: UpsertPayload = storyPayload()): Op {
  return { opId: newId(), kind: 'upsert', storyId, baseRev, payload };
}

export function publish(storyId: string, baseRev: number, publishedAt?: string): Op {
  return { opId: newId(), kind: 'transition', storyId, baseRev, payload: { action: 'publish', ...(publishedAt ? { publishedAt } : {}) } };
}

export function transition(storyId: string, payload: Record<string, unknown>): Op {
  return { opId: newId(), kind: 'transition', storyId, baseRev: 0, payload };
}

/**
 * The ops that take a story its author just created onto the site, through the
 * workflow: submit, take, approve, publish. For a desk account that wrote the
 * story itself (a reporter's story needs the desk for all but the submit).
 */
export function toPublished(storyId: string, publishedAt?: string): Op[] {
  return [
    transition(storyId, { action: 'submit' }),
    transition(storyId, { action: 'take' }),
    transition(storyId, { action: 'approve' }),
    publish(storyId, 0, publishedAt),
  ];
}

export function unpublish(storyId: string, baseRev: number): Op {
  return { opId: newId(), kind: 'transition', storyId, baseRev, payload: { action: 'unpublish' } };
}

export function trash(storyId: string, baseRev: number): Op {
  return { opId: newId(), kind: 'delete', storyId, baseRev };
}
