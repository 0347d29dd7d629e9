// Properties of the sync API (issue 8), on SQLite and PostgreSQL, through a real
// server process: whatever a batch holds (valid ops, wrong shapes, bodies nested
// too deep, text with lone surrogates, NUL, any Unicode), the server never
// answers 500, answers every op of a well-formed batch, writes nothing it
// refuses, and what it stores is well-formed NFC text.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { PushResponse } from '../../core/sync';
import { TRANSITION_ACTIONS } from '../../core/workflow';
import { call } from '../helpers/server/api';
import { fuzzSettings, FUZZ_TIMEOUT } from '../helpers/fuzz-settings';
import { describeEachDatabase } from '../helpers/server/harness';
import { bodyOfParagraphs, newId, storyPayload } from '../helpers/server/stories';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }), // lone surrogates included
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('Chị Nguyễn Thị Hường', 'Hoà bình\u0000', '\uD83D', 'e\u0301', 'đ'.repeat(3)),
);

const deepList = (levels: number): unknown => {
  let node: unknown = { type: 'text', text: 'sâu', format: 0, detail: 0, mode: 'normal', style: '', version: 1 };
  for (let i = 0; i < levels; i++) {
    node = { type: 'listitem', value: 1, checked: undefined, children: [node], direction: null, format: '', indent: 0, version: 1 };
    node = { type: 'list', listType: 'bullet', start: 1, tag: 'ul', children: [node], direction: null, format: '', indent: 0, version: 1 };
  }
  return { root: { type: 'root', children: [node], direction: null, format: '', indent: 0, version: 1 } };
};

/** One op: a story with text from anywhere, or something that is not a story at all. */
const op = fc.oneof(
  fc.record({ headline: anyText, sapo: anyText, byline: anyText, section: anyText, tag: anyText, para: anyText }).map((t) => ({
    kind: 'upsert',
    payload: storyPayload({ headline: t.headline, sapo: t.sapo, byline: t.byline, section: t.section, tags: [t.tag], body: bodyOfParagraphs(t.para) }),
  })),
  fc.integer({ min: 8, max: 40 }).map((levels) => ({ kind: 'upsert', payload: storyPayload({ body: deepList(levels) as never }) })),
  fc.anything({ maxDepth: 4 }).map((payload) => ({ kind: 'upsert', payload })),
  fc.constantFrom('delete').map((kind) => ({ kind, payload: undefined })),
  fc.constantFrom(...TRANSITION_ACTIONS).map((action) => ({ kind: 'transition', payload: { action } })),
  fc.tuple(fc.constantFrom('transition', 'note'), fc.anything({ maxDepth: 3 })).map(([kind, payload]) => ({ kind, payload })),
);

describeEachDatabase('the sync API under random batches', (h) => {
  it(
    'never answers 500, answers every op, and stores only well-formed NFC text',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (drafts) => {
          const ops = drafts.map((d) => ({ opId: newId(), storyId: newId(), baseRev: 0, ...d }));
          const reply = await call(h.url, 'POST', '/api/sync/push', { token: h.token('editor'), json: { ops } });
          if (reply.status === 400) {
            // Refused as a whole (JSON nested past what any request needs): nothing of it was written.
            expect(reply.json()).toMatchObject({ error: { code: expect.stringMatching(/^(JSON_TOO_DEEP|INVALID_REQUEST)$/) } });
            for (const sent of ops) expect((await call(h.url, 'GET', `/api/stories/${sent.storyId}`, { token: h.token('editor') })).status).toBe(404);
            return;
          }
          expect(reply.status, reply.text).toBe(200);
          const { results } = reply.json() as PushResponse;
          expect(results.map((r) => r.opId)).toEqual(ops.map((o) => o.opId));
          for (const [i, result] of results.entries()) {
            const sent = ops[i] as (typeof ops)[number];
            const stored = await call(h.url, 'GET', `/api/stories/${sent.storyId}`, { token: h.token('editor') });
            if (result.status !== 'applied') {
              // Refused or not applicable: nothing was written.
              expect(stored.status).toBe(404);
              if (result.status === 'rejected') expect(result.message.length).toBeGreaterThan(0);
              continue;
            }
            expect(stored.status).toBe(200);
            for (const value of collectStrings((stored.json() as { story: unknown }).story)) {
              expect(LONE_SURROGATE.test(value), value).toBe(false);
              expect(value).toBe(value.normalize('NFC'));
            }
          }
        }),
        fuzzSettings(12, 20261205),
      );
      // Not one of the batches above became a server error.
      const errors = h.server?.logs().split('\n').filter((line) => /"level":(50|60)/.test(line)) ?? [];
      expect(errors).toEqual([]);
    },
    FUZZ_TIMEOUT,
  );
});

function collectStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, out);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) collectStrings(item, out);
  return out;
}
