import { describe, expect, it } from 'vitest';
import { call, pull, pullAll, push, serverCopy } from '../helpers/server/api';
import { describeEachDatabase } from '../helpers/server/harness';
import { startServer } from '../helpers/server/process';
import { bodyOfParagraphs, newId, storyPayload, toPublished, transition, trash, unpublish, upsert } from '../helpers/server/stories';
import type { Op } from '../helpers/server/api';
import type { OpResult } from '../../server/sync/protocol';

const statuses = (results: OpResult[]) => results.map((r) => r.status);

describeEachDatabase('sync push and pull', (h) => {
  describe('push', () => {
    it('applies a new story as the caller, ignoring server-owned fields', async () => {
      const id = newId();
      const payload = { ...storyPayload(), author: 'someone-else', rev: 99, baseRev: 42, publishedAt: '2020-01-01T00:00:00Z' };
      const { results } = await push(h.url, h.token('reporter'), [upsert(id, 0, payload)]);
      expect(results).toEqual([{ opId: expect.any(String), status: 'applied', rev: 1, seq: expect.any(Number) }]);
      const copy = await serverCopy(h.url, h.token('reporter'), id);
      expect(copy.story).toMatchObject({
        id,
        author: h.accounts.reporter.username,
        status: 'draft',
        rev: 1,
        baseRev: 1,
        publishedAt: null,
        headline: payload.headline,
      });
    });

    it('answers a retried op with duplicate and changes nothing', async () => {
      const id = newId();
      const op = upsert(id, 0);
      const first = await push(h.url, h.token('reporter'), [op]);
      const again = await push(h.url, h.token('reporter'), [op, op]);
      expect(statuses(first.results)).toEqual(['applied']);
      expect(again.results).toEqual([
        { opId: op.opId, status: 'duplicate', rev: 1 },
        { opId: op.opId, status: 'duplicate', rev: 1 },
      ]);
      const mine = (await pullAll(h.url, h.token('reporter'))).filter((c) => c.story.id === id);
      expect(mine.map((c) => c.story.rev)).toEqual([1]);
    });

    it('takes ids written in capitals as the same ids, on every database', async () => {
      const id = newId();
      const op = upsert(id.toUpperCase(), 0);
      const shouted = { ...op, opId: op.opId.toUpperCase() };
      expect(statuses((await push(h.url, h.token('reporter'), [shouted])).results)).toEqual(['applied']);
      expect(statuses((await push(h.url, h.token('reporter'), [op])).results)).toEqual(['duplicate']);
      expect(statuses((await push(h.url, h.token('reporter'), [upsert(id, 1)])).results)).toEqual(['applied']);
      const copy = await serverCopy(h.url, h.token('reporter'), id);
      expect(copy.story).toMatchObject({ id, rev: 2 });
    });

    it('never overwrites: an edit on a stale baseRev is a conflict carrying the server text', async () => {
      const id = newId();
      const token = h.token('reporter');
      await push(h.url, token, [upsert(id, 0)]);
      const laptop = storyPayload({ sapo: 'Bản sửa trên máy xách tay, lúc mất mạng.' });
      const desk = storyPayload({ sapo: 'Bản sửa trên máy ở toà soạn.' });
      const [applied] = (await push(h.url, token, [upsert(id, 1, desk)])).results;
      const [conflict] = (await push(h.url, token, [upsert(id, 1, laptop)])).results;
      expect(applied).toMatchObject({ status: 'applied', rev: 2 });
      expect(conflict?.status).toBe('conflict');
      if (conflict?.status !== 'conflict') return;
      expect(conflict.server.story).toMatchObject({ rev: 2, sapo: desk.sapo });
      // Retrying the conflicting op is judged again, not mistaken for a duplicate.
      const [retry] = (await push(h.url, token, [{ ...upsert(id, 1, laptop), opId: conflict.opId }])).results;
      expect(retry?.status).toBe('conflict');
      const server = (await pullAll(h.url, token)).find((c) => c.story.id === id);
      expect(server?.story.sapo).toBe(desk.sapo);
    });

    it('counts revs up by one per applied op, and each change gets a larger sequence number', async () => {
      const id = newId();
      const token = h.token('editor');
      const results = [];
      for (let rev = 0; rev < 4; rev++) {
        results.push(...(await push(h.url, token, [upsert(id, rev, storyPayload({ sapo: `Lần sửa ${rev + 1}` }))])).results);
      }
      const applied = results.map((r) => (r.status === 'applied' ? [r.rev, r.seq] : null));
      expect(applied.map((a) => a?.[0])).toEqual([1, 2, 3, 4]);
      const seqs = applied.map((a) => a?.[1] ?? 0);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect(new Set(seqs).size).toBe(4);
    });

    it('applies a batch in order, each op seeing the ones before it', async () => {
      const id = newId();
      const stale = upsert(id, 1, storyPayload({ sapo: 'Bản sửa dựa trên bản cũ' }));
      const { results } = await push(h.url, h.token('editor'), [
        upsert(id, 0),
        upsert(id, 1, storyPayload({ sapo: 'Bản sửa thứ nhất' })),
        stale,
        ...toPublished(id),
        stale,
      ]);
      expect(statuses(results)).toEqual(['applied', 'applied', 'conflict', 'applied', 'applied', 'applied', 'applied', 'conflict']);
      const second = results[1];
      const conflict = results[2];
      if (second?.status !== 'applied' || conflict?.status !== 'conflict') throw new Error('unexpected');
      expect(conflict.server.story).toMatchObject({ rev: 2, sapo: 'Bản sửa thứ nhất' });
      expect(conflict.server.seq).toBe(second.seq);
      // Transitions change no text: the story stays at rev 2, each with a change number of its own.
      expect(results.slice(3, 7).map((r) => (r.status === 'applied' ? r.rev : null))).toEqual([2, 2, 2, 2]);
      const last = results[7];
      if (last?.status !== 'conflict') throw new Error('unexpected');
      expect(last.server.workflow).toMatchObject({ status: 'published' });
      const seqs = results.flatMap((r) => (r.status === 'applied' ? [r.seq] : []));
      expect(seqs).toEqual(seqs.map((_, i) => (seqs[0] ?? 0) + i));
    });

    it('judges each op on its own: a bad payload is rejected, the rest of the batch applies', async () => {
      const good = newId();
      const bad = newId();
      const { results } = await push(h.url, h.token('reporter'), [
        { opId: newId(), kind: 'upsert', storyId: bad, baseRev: 0, payload: { headline: 42 } },
        upsert(good, 0),
        { opId: newId(), kind: 'upsert', storyId: newId(), baseRev: 0, payload: storyPayload({ slug: 'Có Dấu' }) },
      ]);
      expect(statuses(results)).toEqual(['rejected', 'applied', 'rejected']);
      expect(results[0]).toMatchObject({ code: 'INVALID_PAYLOAD' });
      expect(results[2]).toMatchObject({ code: 'INVALID_PAYLOAD', message: expect.stringContaining('Slug') });
    });

    it('refuses an upsert whose payload names another story, and a first edit that claims a base', async () => {
      const { results } = await push(h.url, h.token('reporter'), [
        upsert(newId(), 0, { ...storyPayload(), id: newId() }),
        upsert(newId(), 3),
        transition(newId(), { action: 'submit' }),
      ]);
      expect(results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual(['ID_MISMATCH', 'NOT_FOUND', 'NOT_FOUND']);
    });

    it('keeps an opId to the account that used it first', async () => {
      const op = upsert(newId(), 0);
      await push(h.url, h.token('reporter'), [op]);
      const [r] = (await push(h.url, h.token('reporter2'), [op])).results;
      expect(r).toMatchObject({ status: 'rejected', code: 'OP_ID_TAKEN' });
    });
  });

  describe('roles', () => {
    it('lets only the desk take, approve and publish, and only the chief unpublish', async () => {
      const id = newId();
      const [submit, take, approve, publishOp] = toPublished(id) as [Op, Op, Op, Op];
      await push(h.url, h.token('reporter'), [upsert(id, 0), submit]);
      const byReporter = (await push(h.url, h.token('reporter'), [take, approve, publishOp])).results;
      expect(byReporter.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
      const byEditor = (await push(h.url, h.token('editor'), [{ ...take, opId: newId() }, { ...approve, opId: newId() }, { ...publishOp, opId: newId() }]))
        .results;
      expect(statuses(byEditor)).toEqual(['applied', 'applied', 'applied']);
      const published = await serverCopy(h.url, h.token('editor'), id);
      expect(published.story.status).toBe('published');
      expect(published.workflow).toMatchObject({ status: 'published', holder: null, pendingUpdate: false });
      expect(published.story.publishedAt).not.toBeNull();
      expect(published.story.slug).toBe('cum-thi-dua-so-4-trien-khai-hieu-qua-cong-tac-cham-lo-doi-song-cho-doan-vien');
      const [reporterUnpublish] = (await push(h.url, h.token('reporter'), [unpublish(id, 1)])).results;
      expect(reporterUnpublish).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });
      const [editorUnpublish] = (await push(h.url, h.token('editor'), [unpublish(id, 1)])).results;
      expect(editorUnpublish).toMatchObject({ status: 'rejected', code: 'FORBIDDEN', message: 'Chỉ tổng biên tập được gỡ bài' });
      const [reporterEdit] = (await push(h.url, h.token('reporter'), [upsert(id, 1)])).results;
      expect(reporterEdit).toMatchObject({ status: 'rejected', code: 'NOT_EDITABLE' });
      const [chiefUnpublish] = (await push(h.url, h.token('chief'), [unpublish(id, 1)])).results;
      expect(chiefUnpublish).toMatchObject({ status: 'applied', rev: 1 });
    });

    it('never lets an upsert set a status: it is ignored, and only transitions move a story', async () => {
      const ids = [newId(), newId()];
      const { results } = await push(h.url, h.token('reporter'), [
        upsert(ids[0] as string, 0, storyPayload({ status: 'published' })),
        upsert(ids[1] as string, 0, storyPayload({ status: 'approved' })),
      ]);
      expect(statuses(results)).toEqual(['applied', 'applied']);
      for (const id of ids) expect((await serverCopy(h.url, h.token('reporter'), id)).workflow?.status).toBe('draft');
      const id = ids[0] as string;
      await push(h.url, h.token('reporter'), [transition(id, { action: 'submit' })]);
      await push(h.url, h.token('editor'), [transition(id, { action: 'take' })]);
      const [edit] = (await push(h.url, h.token('editor'), [upsert(id, 1, storyPayload({ status: 'published', sapo: 'Biên tập' }))])).results;
      expect(edit).toMatchObject({ status: 'applied', rev: 2 });
      const copy = await serverCopy(h.url, h.token('editor'), id);
      expect([copy.story.status, copy.workflow?.status, copy.story.sapo]).toEqual(['editing', 'editing', 'Biên tập']);
    });

    it('answers forbidden, not conflict, for a story the caller may not see (no text leaks)', async () => {
      const id = newId();
      await push(h.url, h.token('reporter'), [upsert(id, 0)]);
      const [r] = (await push(h.url, h.token('reporter2'), [upsert(id, 0, storyPayload({ sapo: 'chen ngang' }))])).results;
      expect(r).toEqual({ opId: expect.any(String), status: 'rejected', code: 'FORBIDDEN', message: expect.any(String) });
    });

    it('trashes a draft, and refuses to trash a story that is on the site', async () => {
      const draft = newId();
      const live = newId();
      await push(h.url, h.token('editor'), [upsert(draft, 0), upsert(live, 0), ...toPublished(live)]);
      const { results } = await push(h.url, h.token('editor'), [trash(draft, 1), trash(live, 1)]);
      expect(results[0]).toMatchObject({ status: 'applied', rev: 2 });
      expect((await serverCopy(h.url, h.token('editor'), draft)).trashedAt).not.toBeNull();
      expect(results[1]).toMatchObject({ status: 'rejected', code: 'PUBLISHED' });
    });
  });

  describe('concurrency', () => {
    it('applies one of many simultaneous copies of the same op; the rest are duplicates', async () => {
      const op = upsert(newId(), 0);
      const replies = await Promise.all(Array.from({ length: 12 }, () => push(h.url, h.token('reporter'), [op])));
      const all = replies.flatMap((r) => statuses(r.results));
      expect(all.filter((s) => s === 'applied')).toHaveLength(1);
      expect(all.filter((s) => s === 'duplicate')).toHaveLength(11);
    });

    it('applies one of many simultaneous edits on the same base; the rest are conflicts', async () => {
      const id = newId();
      await push(h.url, h.token('editor'), [upsert(id, 0)]);
      const edits = Array.from({ length: 12 }, (_, i) => upsert(id, 1, storyPayload({ sapo: `Bản sửa số ${i}` })));
      const replies = await Promise.all(edits.map((op) => push(h.url, h.token('editor'), [op])));
      const all = replies.flatMap((r) => statuses(r.results));
      expect(all.filter((s) => s === 'applied')).toHaveLength(1);
      expect(all.filter((s) => s === 'conflict')).toHaveLength(11);
      const server = (await pullAll(h.url, h.token('editor'))).find((c) => c.story.id === id);
      expect(server?.story.rev).toBe(2);
    });

    it('creates a story once when several ops create it at the same moment', async () => {
      const id = newId();
      const creates = Array.from({ length: 8 }, (_, i) => upsert(id, 0, storyPayload({ sapo: `Bản đầu tiên số ${i}` })));
      const replies = await Promise.all(creates.map((op) => push(h.url, h.token('reporter'), [op])));
      const all = replies.flatMap((r) => statuses(r.results));
      expect(all.filter((s) => s === 'applied')).toHaveLength(1);
      expect(all.filter((s) => s === 'conflict')).toHaveLength(7);
    });

    it('stays race-free with two server instances sharing one database', async () => {
      const second = await startServer({ DATABASE_URL: h.db.url });
      try {
        const id = newId();
        await push(h.url, h.token('editor'), [upsert(id, 0)]);
        const dup = upsert(newId(), 0);
        const work = Array.from({ length: 10 }, (_, i) => {
          const url = i % 2 === 0 ? h.url : second.url;
          return Promise.all([
            push(url, h.token('editor'), [upsert(id, 1, storyPayload({ sapo: `Máy chủ ${i % 2}, bản ${i}` }))]),
            push(url, h.token('reporter'), [dup]),
          ]);
        });
        const replies = (await Promise.all(work)).flat();
        const edits = replies.filter((_, i) => i % 2 === 0).flatMap((r) => statuses(r.results));
        const dups = replies.filter((_, i) => i % 2 === 1).flatMap((r) => statuses(r.results));
        expect(edits.filter((s) => s === 'applied')).toHaveLength(1);
        expect(dups.filter((s) => s === 'applied')).toHaveLength(1);
        expect(dups.filter((s) => s === 'duplicate')).toHaveLength(9);
        // Both instances see the same stream.
        const a = await pullAll(h.url, h.token('editor'));
        const b = await pullAll(second.url, h.token('editor'));
        expect(b.map((c) => [c.story.id, c.seq])).toEqual(a.map((c) => [c.story.id, c.seq]));
      } finally {
        await second.stop();
      }
    });
  });

  describe('pull', () => {
    it('pages through changes with the cursor, each story once, in sequence order', async () => {
      const token = h.token('reporter2');
      const ids = Array.from({ length: 5 }, () => newId());
      await push(h.url, token, ids.map((id) => upsert(id, 0)));
      await push(h.url, token, [upsert(ids[0] as string, 1, storyPayload({ sapo: 'Sửa lại bài đầu' }))]);
      const all = await pullAll(h.url, token, 2);
      const seqs = all.map((c) => c.seq);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      const mine = all.filter((c) => ids.includes(c.story.id));
      expect(mine.map((c) => c.story.id).sort()).toEqual([...ids].sort());
      expect(mine.find((c) => c.story.id === ids[0])?.story).toMatchObject({ rev: 2, sapo: 'Sửa lại bài đầu' });
      const end = await pull(h.url, token, Math.max(...seqs));
      expect(end.changes).toEqual([]);
      expect(end.more).toBe(false);
      const again = await pull(h.url, token, end.cursor);
      expect(again.changes).toEqual([]);
    });

    it('shows each role only what it may see', async () => {
      const draft = newId();
      const submitted = newId();
      const assigned = newId();
      const editorOwnDraft = newId();
      await push(h.url, h.token('reporter'), [upsert(draft, 0), upsert(submitted, 0), transition(submitted, { action: 'submit' })]);
      await push(h.url, h.token('chief'), [
        upsert(assigned, 0),
        transition(assigned, { action: 'assign', assignee: h.accounts.editor2.username, deadline: null }),
      ]);
      await push(h.url, h.token('editor'), [upsert(editorOwnDraft, 0)]);
      const seen = async (name: 'reporter' | 'reporter2' | 'editor' | 'editor2' | 'chief') => {
        const ids = new Set((await pullAll(h.url, h.token(name))).map((c) => c.story.id));
        return [draft, submitted, assigned, editorOwnDraft].map((id) => ids.has(id));
      };
      //                                   draft  submitted assigned editorOwnDraft
      expect(await seen('reporter')).toEqual([true, true, false, false]);
      expect(await seen('reporter2')).toEqual([false, false, false, false]);
      expect(await seen('editor')).toEqual([false, true, false, true]);
      expect(await seen('editor2')).toEqual([false, true, true, false]);
      expect(await seen('chief')).toEqual([false, true, true, false]);
    });

    it('gives one story to those who may see it, and 404 to others', async () => {
      const id = newId();
      await push(h.url, h.token('reporter'), [upsert(id, 0)]);
      expect((await serverCopy(h.url, h.token('reporter'), id)).story.id).toBe(id);
      for (const other of ['reporter2', 'editor'] as const) {
        const reply = await call(h.url, 'GET', `/api/stories/${id}`, { token: h.token(other) });
        expect(reply.status).toBe(404);
      }
      expect((await call(h.url, 'GET', `/api/stories/${newId()}`, { token: h.token('chief') })).status).toBe(404);
      expect((await call(h.url, 'GET', '/api/stories/khong-phai-uuid', { token: h.token('chief') })).status).toBe(400);
    });

    it('refuses a cursor that is not a number', async () => {
      const reply = await call(h.url, 'GET', '/api/sync/pull?cursor=abc', { token: h.token('editor') });
      expect(reply.status).toBe(400);
      expect(reply.json()).toMatchObject({ error: { code: 'INVALID_REQUEST', message: expect.stringContaining('cursor') } });
    });
  });

  it('keeps revisions of the text in the body it was given', async () => {
    const id = newId();
    const body = bodyOfParagraphs('Đoạn một.', 'Đoạn hai với “ngoặc kép” và dấu — gạch.');
    await push(h.url, h.token('reporter'), [upsert(id, 0, storyPayload({ body }))]);
    expect((await serverCopy(h.url, h.token('reporter'), id)).story.body).toEqual(body);
  });
});
