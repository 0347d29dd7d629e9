// Every endpoint, called as anonymous and as each role, against the exact
// answer expected. Push ops answer per op, so their cells are the op's outcome.
import { beforeAll, expect, it } from 'vitest';
import { call, login, push, type Reply } from '../helpers/server/api';
import { describeEachDatabase, PASSWORD, type Harness } from '../helpers/server/harness';
import { IMAGES, sha256 } from '../helpers/server/images';
import { noteOp, notePayload } from '../helpers/server/notes';
import { newId, toPublished, transition, trash, unpublish, upsert } from '../helpers/server/stories';

type Caller = 'anonymous' | 'reporter' | 'editor' | 'chief';
const CALLERS: Caller[] = ['anonymous', 'reporter', 'editor', 'chief'];

type Row = {
  endpoint: string;
  expected: Record<Caller, string>;
  /** Performs the call as `caller` (token undefined for anonymous) and returns the outcome cell. */
  run: (h: Harness, token: string | undefined, caller: Caller) => Promise<string>;
};

const status = (r: Reply) => String(r.status);

/** The outcome of one push op: HTTP status when the request itself is refused. */
async function pushOutcome(h: Harness, token: string | undefined, op: ReturnType<typeof upsert>): Promise<string> {
  if (!token) return status(await call(h.url, 'POST', '/api/sync/push', { json: { ops: [op] } }));
  const [r] = (await push(h.url, token, [op])).results;
  return r?.status === 'rejected' ? `rejected:${r.code}` : (r?.status ?? 'none');
}

/** A story by the reporter, in the given state, for one cell of the table. */
async function reporterStory(h: Harness, state: 'draft' | 'submitted' | 'published'): Promise<{ id: string; rev: number }> {
  const id = newId();
  await push(h.url, h.token('reporter'), [upsert(id, 0), ...(state === 'draft' ? [] : [transition(id, { action: 'submit' })])]);
  // The chief's own submit is refused (it is the reporter's story); take, approve and publish apply.
  if (state === 'published') await push(h.url, h.token('chief'), toPublished(id));
  return { id, rev: 1 };
}

const unpublishedImage = Buffer.concat([IMAGES.gif, Buffer.from('bản nháp')]);

const TABLE: Row[] = [
  { endpoint: 'GET /healthz', expected: { anonymous: '200', reporter: '200', editor: '200', chief: '200' }, run: async (h, token) => status(await call(h.url, 'GET', '/healthz', { token })) },
  { endpoint: 'GET / (site)', expected: { anonymous: '200', reporter: '200', editor: '200', chief: '200' }, run: async (h, token) => status(await call(h.url, 'GET', '/', { token })) },
  {
    endpoint: 'POST /api/login',
    expected: { anonymous: '200', reporter: '200', editor: '200', chief: '200' },
    run: async (h, _token, caller) => {
      const username = caller === 'anonymous' ? h.accounts.reporter2.username : h.accounts[caller].username;
      return status(await call(h.url, 'POST', '/api/login', { json: { username, password: PASSWORD } }));
    },
  },
  {
    endpoint: 'POST /api/logout',
    expected: { anonymous: '401', reporter: '204', editor: '204', chief: '204' },
    run: async (h, token, caller) => {
      // A session of its own, so the shared tokens stay valid.
      const own = token && caller !== 'anonymous' ? await login(h.url, h.accounts[caller].username, PASSWORD) : undefined;
      return status(await call(h.url, 'POST', '/api/logout', { token: own }));
    },
  },
  { endpoint: 'GET /api/me', expected: { anonymous: '401', reporter: '200', editor: '200', chief: '200' }, run: async (h, token) => status(await call(h.url, 'GET', '/api/me', { token })) },
  { endpoint: 'GET /api/users', expected: { anonymous: '401', reporter: '200', editor: '200', chief: '200' }, run: async (h, token) => status(await call(h.url, 'GET', '/api/users', { token })) },
  {
    endpoint: 'POST /api/users',
    expected: { anonymous: '401', reporter: '403', editor: '403', chief: '201' },
    run: async (h, token, caller) =>
      status(await call(h.url, 'POST', '/api/users', { token, json: { username: `moi.${caller}`, password: PASSWORD, role: 'reporter' } })),
  },
  {
    endpoint: "GET /api/stories/:id (reporter's draft)",
    expected: { anonymous: '401', reporter: '200', editor: '404', chief: '404' },
    run: async (h, token) => status(await call(h.url, 'GET', `/api/stories/${(await reporterStory(h, 'draft')).id}`, { token })),
  },
  {
    endpoint: 'GET /api/stories/:id (submitted story)',
    expected: { anonymous: '401', reporter: '200', editor: '200', chief: '200' },
    run: async (h, token) => status(await call(h.url, 'GET', `/api/stories/${(await reporterStory(h, 'submitted')).id}`, { token })),
  },
  {
    endpoint: "GET /api/stories/:id/revisions (reporter's draft)",
    expected: { anonymous: '401', reporter: '200', editor: '404', chief: '404' },
    run: async (h, token) => status(await call(h.url, 'GET', `/api/stories/${(await reporterStory(h, 'draft')).id}/revisions`, { token })),
  },
  {
    endpoint: 'GET /api/stories/:id/revisions (submitted story)',
    expected: { anonymous: '401', reporter: '200', editor: '200', chief: '200' },
    run: async (h, token) => status(await call(h.url, 'GET', `/api/stories/${(await reporterStory(h, 'submitted')).id}/revisions`, { token })),
  },
  { endpoint: 'GET /api/sync/pull', expected: { anonymous: '401', reporter: '200', editor: '200', chief: '200' }, run: async (h, token) => status(await call(h.url, 'GET', '/api/sync/pull', { token })) },
  {
    endpoint: 'push upsert (new story)',
    expected: { anonymous: '401', reporter: 'applied', editor: 'applied', chief: 'applied' },
    run: (h, token) => pushOutcome(h, token, upsert(newId(), 0)),
  },
  {
    endpoint: "push upsert (reporter's submitted story)",
    // Nobody edits a submitted story in place: the reporter withdraws it, an editor takes it.
    expected: { anonymous: '401', reporter: 'rejected:NOT_EDITABLE', editor: 'rejected:NOT_EDITABLE', chief: 'rejected:NOT_EDITABLE' },
    run: async (h, token) => pushOutcome(h, token, upsert((await reporterStory(h, 'submitted')).id, 1)),
  },
  {
    endpoint: "push upsert (reporter's draft)",
    expected: { anonymous: '401', reporter: 'applied', editor: 'rejected:FORBIDDEN', chief: 'rejected:FORBIDDEN' },
    run: async (h, token) => pushOutcome(h, token, upsert((await reporterStory(h, 'draft')).id, 1)),
  },
  {
    endpoint: 'push transition take (submitted story)',
    expected: { anonymous: '401', reporter: 'rejected:FORBIDDEN', editor: 'applied', chief: 'applied' },
    run: async (h, token) => pushOutcome(h, token, transition((await reporterStory(h, 'submitted')).id, { action: 'take' })),
  },
  {
    endpoint: 'push transition unpublish (published story)',
    expected: { anonymous: '401', reporter: 'rejected:FORBIDDEN', editor: 'rejected:FORBIDDEN', chief: 'applied' },
    run: async (h, token) => pushOutcome(h, token, unpublish((await reporterStory(h, 'published')).id, 1)),
  },
  {
    endpoint: 'push delete (submitted story)',
    expected: { anonymous: '401', reporter: 'rejected:FORBIDDEN', editor: 'applied', chief: 'applied' },
    run: async (h, token) => pushOutcome(h, token, trash((await reporterStory(h, 'submitted')).id, 1)),
  },
  {
    endpoint: "GET /api/stories/:id/audit (reporter's draft)",
    expected: { anonymous: '401', reporter: '200', editor: '404', chief: '404' },
    run: async (h, token) => status(await call(h.url, 'GET', `/api/stories/${(await reporterStory(h, 'draft')).id}/audit`, { token })),
  },
  {
    endpoint: 'GET /api/notifications',
    expected: { anonymous: '401', reporter: '200', editor: '200', chief: '200' },
    run: async (h, token) => status(await call(h.url, 'GET', '/api/notifications', { token })),
  },
  {
    endpoint: 'GET /api/workflow/checklist',
    expected: { anonymous: '401', reporter: '200', editor: '200', chief: '200' },
    run: async (h, token) => status(await call(h.url, 'GET', '/api/workflow/checklist', { token })),
  },
  {
    endpoint: "push note (reporter's draft)",
    expected: { anonymous: '401', reporter: 'applied', editor: 'rejected:FORBIDDEN', chief: 'rejected:FORBIDDEN' },
    run: async (h, token) => pushOutcome(h, token, noteOp(notePayload((await reporterStory(h, 'draft')).id, 'Ghi chú'))),
  },
  {
    endpoint: 'push note (submitted story)',
    expected: { anonymous: '401', reporter: 'applied', editor: 'applied', chief: 'applied' },
    run: async (h, token) => pushOutcome(h, token, noteOp(notePayload((await reporterStory(h, 'submitted')).id, 'Ghi chú'))),
  },
  {
    endpoint: 'GET /api/sync/notes',
    expected: { anonymous: '401', reporter: '200', editor: '200', chief: '200' },
    run: async (h, token) => status(await call(h.url, 'GET', '/api/sync/notes', { token })),
  },
  {
    endpoint: "POST /api/presence (reporter's draft)",
    expected: { anonymous: '401', reporter: '200', editor: '404', chief: '404' },
    run: async (h, token) => status(await call(h.url, 'POST', '/api/presence', { token, json: { storyId: (await reporterStory(h, 'draft')).id } })),
  },
  {
    endpoint: 'GET /api/presence/:storyId (submitted story)',
    expected: { anonymous: '401', reporter: '200', editor: '200', chief: '200' },
    run: async (h, token) => status(await call(h.url, 'GET', `/api/presence/${(await reporterStory(h, 'submitted')).id}`, { token })),
  },
  {
    endpoint: 'DELETE /api/presence/:storyId',
    expected: { anonymous: '401', reporter: '204', editor: '204', chief: '204' },
    run: async (h, token) => status(await call(h.url, 'DELETE', `/api/presence/${newId()}`, { token })),
  },
  {
    endpoint: 'push delete (published story)',
    expected: { anonymous: '401', reporter: 'rejected:PUBLISHED', editor: 'rejected:PUBLISHED', chief: 'rejected:PUBLISHED' },
    run: async (h, token) => pushOutcome(h, token, trash((await reporterStory(h, 'published')).id, 1)),
  },
  {
    endpoint: 'PUT /api/media/:sha256',
    expected: { anonymous: '401', reporter: '200', editor: '200', chief: '200' },
    run: async (h, token) =>
      status(await call(h.url, 'PUT', `/api/media/${sha256(IMAGES.webp)}`, { token, body: IMAGES.webp })),
  },
  {
    endpoint: 'GET /media/:sha256 (not published)',
    expected: { anonymous: '401', reporter: '200', editor: '200', chief: '200' },
    run: async (h, token) => status(await call(h.url, 'GET', `/media/${sha256(unpublishedImage)}`, { token })),
  },
];

describeEachDatabase('authorization table', (h) => {
  beforeAll(async () => {
    // Fixtures the rows read: one image already stored (so a PUT is idempotent 200), one unpublished.
    await call(h.url, 'PUT', `/api/media/${sha256(IMAGES.webp)}`, { token: h.token('editor'), body: IMAGES.webp });
    await call(h.url, 'PUT', `/api/media/${sha256(unpublishedImage)}`, { token: h.token('reporter'), body: unpublishedImage });
  });

  it('gives every caller exactly the access the table says', async () => {
    const actual: Record<string, Record<Caller, string>> = {};
    const expected: Record<string, Record<Caller, string>> = {};
    for (const row of TABLE) {
      expected[row.endpoint] = row.expected;
      const cells = {} as Record<Caller, string>;
      for (const caller of CALLERS) {
        cells[caller] = await row.run(h, caller === 'anonymous' ? undefined : h.token(caller), caller);
      }
      actual[row.endpoint] = cells;
    }
    expect(actual).toEqual(expected);
  });
});
