// GET /api/stories/:id/revisions: the versions the server keeps of a story, for
// every desk's history panel. The reporter writes twice and submits, the editor
// takes the story and edits it: each sees the other's versions, with author, time
// and reason, newest first. (Transitions change no text: they are in the audit log.)
import { expect, it } from 'vitest';
import { revisionsAnswer } from '../../core/sync';
import { call, push } from '../helpers/server/api';
import { describeEachDatabase } from '../helpers/server/harness';
import { bodyOfParagraphs, newId, storyPayload, transition, upsert } from '../helpers/server/stories';

const SAPO_EDITED = 'Biên tập viên rút gọn sapo: Cụm thi đua số 4 chăm lo tốt đời sống đoàn viên.';

describeEachDatabase("a story's versions on the server", (h) => {
  const revisionsOf = async (id: string, token?: string) => call(h.url, 'GET', `/api/stories/${id}/revisions`, token ? { token } : {});

  it('answers every desk that may see the story with each version, its author, time and reason', async () => {
    const id = newId();
    const started = Date.now();
    const draft = storyPayload();
    const second = { ...draft, byline: 'Mạnh Quân (Báo Lao động Thủ đô)' };
    await push(h.url, h.token('reporter'), [upsert(id, 0, draft), upsert(id, 1, second), transition(id, { action: 'submit' })]);
    const edited = { ...second, sapo: SAPO_EDITED, body: bodyOfParagraphs('Đoạn biên tập viên viết lại.') };
    const { results } = await push(h.url, h.token('editor'), [transition(id, { action: 'take' }), upsert(id, 2, edited)]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(results[1]).toMatchObject({ rev: 3 });

    for (const reader of ['editor', 'reporter', 'chief'] as const) {
      const reply = await revisionsOf(id, h.token(reader));
      expect(reply.status).toBe(200);
      const { revisions } = revisionsAnswer.parse(reply.json());
      expect(revisions.map(({ rev, author, reason }) => ({ rev, author, reason }))).toEqual([
        { rev: 3, author: h.accounts.editor.username, reason: 'save' },
        { rev: 2, author: h.accounts.reporter.username, reason: 'save' },
        { rev: 1, author: h.accounts.reporter.username, reason: 'save' },
      ]);
      expect(revisions[0]?.content).toMatchObject({ sapo: SAPO_EDITED, headline: draft.headline });
      expect(revisions[2]?.content.sapo).toBe(draft.sapo);
      for (const revision of revisions) expect(Date.parse(revision.createdAt)).toBeGreaterThanOrEqual(started - 60_000);
    }
  });

  it('hides a story from whoever may not see it, and needs a signed-in caller', async () => {
    const id = newId();
    await push(h.url, h.token('reporter'), [upsert(id, 0)]);
    // A draft is its author's: another reporter, and editors, get the same 404 as for no story at all.
    expect((await revisionsOf(id, h.token('reporter2'))).status).toBe(404);
    expect((await revisionsOf(id, h.token('editor'))).status).toBe(404);
    expect((await revisionsOf(newId(), h.token('reporter'))).status).toBe(404);
    expect((await revisionsOf(id)).status).toBe(401);
    expect((await revisionsOf('khong-phai-uuid', h.token('reporter'))).status).toBe(400);
  });
});
