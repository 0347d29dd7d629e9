// Whatever a client sends, the answer is a 4xx with a machine code and a
// Vietnamese reason, never a 500.
import { afterAll, expect, it } from 'vitest';
import { call, rawRequest, socketRequest } from '../helpers/server/api';
import { describeEachDatabase } from '../helpers/server/harness';
import { newId } from '../helpers/server/stories';

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
const validOp = () => ({ opId: newId(), kind: 'upsert', storyId: newId(), baseRev: 0, payload: {} });
const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);


type Case = [what: string, method: string, path: string, body: string | undefined, contentType: string | undefined, status: number, code: string];

const cases: Case[] = [
  ['broken JSON', 'POST', '/api/login', '{"username": "hphong",', 'application/json', 400, 'INVALID_JSON'],
  ['an empty JSON body', 'POST', '/api/login', '', 'application/json', 400, 'INVALID_JSON'],
  ['a JSON array', 'POST', '/api/login', '[]', 'application/json', 400, 'INVALID_REQUEST'],
  ['a JSON string', 'POST', '/api/login', '"hphong"', 'application/json', 400, 'INVALID_REQUEST'],
  ['JSON null', 'POST', '/api/login', 'null', 'application/json', 400, 'INVALID_REQUEST'],
  ['wrong types', 'POST', '/api/login', '{"username":5,"password":[]}', 'application/json', 400, 'INVALID_REQUEST'],
  ['an unknown field', 'POST', '/api/login', '{"username":"a","password":"b","admin":true}', 'application/json', 400, 'INVALID_REQUEST'],
  ['prototype poisoning', 'POST', '/api/login', '{"__proto__":{"role":"chief"}}', 'application/json', 400, 'INVALID_JSON'],
  ['deeply nested JSON', 'POST', '/api/login', deep(50_000), 'application/json', 400, 'JSON_TOO_DEEP'],
  ['a push whose payload nests 5,000 levels deep', 'POST', '/api/sync/push', `{"ops":[{"opId":"${newId()}","kind":"upsert","storyId":"${newId()}","baseRev":0,"payload":${deep(5_000)}}]}`, 'application/json', 400, 'JSON_TOO_DEEP'],
  ['JSON nested a thousand levels in an object', 'POST', '/api/login', '{"username":'.repeat(1_000) + '1' + '}'.repeat(1_000), 'application/json', 400, 'JSON_TOO_DEEP'],
  ['a text body', 'POST', '/api/login', 'username=hphong', 'text/plain', 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ['a form body', 'POST', '/api/login', 'username=hphong&password=x', 'application/x-www-form-urlencoded', 415, 'UNSUPPORTED_MEDIA_TYPE'],
];

const pushCases: Array<[string, unknown, number, string]> = [
  ['an empty object', {}, 400, 'INVALID_REQUEST'],
  ['ops that are not an array', { ops: 'tất cả' }, 400, 'INVALID_REQUEST'],
  ['no ops', { ops: [] }, 400, 'INVALID_REQUEST'],
  ['an opId that is not a UUID', { ops: [{ ...validOp(), opId: '1' }] }, 400, 'INVALID_REQUEST'],
  ['an unknown kind', { ops: [{ ...validOp(), kind: 'drop' }] }, 400, 'INVALID_REQUEST'],
  ['a negative baseRev', { ops: [{ ...validOp(), baseRev: -1 }] }, 400, 'INVALID_REQUEST'],
  ['a fractional baseRev', { ops: [{ ...validOp(), baseRev: 1.5 }] }, 400, 'INVALID_REQUEST'],
  ['a baseRev as text', { ops: [{ ...validOp(), baseRev: '0' }] }, 400, 'INVALID_REQUEST'],
  ['an op with extra fields', { ops: [{ ...validOp(), force: true }] }, 400, 'INVALID_REQUEST'],
  ['501 ops', { ops: Array.from({ length: 501 }, validOp) }, 400, 'INVALID_REQUEST'],
];

describeEachDatabase('malformed requests', (h) => {
  it.each(cases)('answers %s with a reason', async (_what, method, path, body, contentType, status, code) => {
    const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
    const reply = await call(h.url, method, path, { body, headers });
    expect(reply.status, reply.text.slice(0, 300)).toBe(status);
    const error = (reply.json() as { error: { code: string; message: string } }).error;
    expect(error.code).toBe(code);
    expect(error.message).toMatch(VIETNAMESE);
  });

  it.each(pushCases)('answers a push with %s with 400', async (_what, body, status, code) => {
    const reply = await call(h.url, 'POST', '/api/sync/push', { token: h.token('reporter'), json: body });
    expect(reply.status, reply.text.slice(0, 300)).toBe(status);
    const error = (reply.json() as { error: { code: string; message: string } }).error;
    expect(error.code).toBe(code);
    expect(error.message).toMatch(VIETNAMESE);
  });

  it('answers a 2 MB login with 413 and a reason, while the body is still arriving', async () => {
    const body = JSON.stringify({ username: 'a', password: 'x'.repeat(2_000_000) });
    // The first 64 KB only: the server answers from Content-Length, before the rest arrives.
    const reply = await socketRequest(h.url, {
      path: '/api/login',
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      body: body.slice(0, 65_536),
    });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ error: { code: 'TOO_LARGE', message: expect.stringMatching(VIETNAMESE) } });
  });

  it('answers a push over 8 MB with 413', async () => {
    const reply = await rawRequest(h.url, {
      method: 'POST',
      path: '/api/sync/push',
      headers: { authorization: `Bearer ${h.token('reporter')}`, 'content-type': 'application/json', 'content-length': 9 * 1024 * 1024 },
    });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.text)).toMatchObject({ error: { code: 'TOO_LARGE' } });
  });

  it.each([
    ['a Content-Length that is not a number', { 'content-length': 'mười' }],
    ['two different Content-Lengths', { 'content-length': ['5', '7'] }],
  ])('answers %s in its own shape, in Vietnamese', async (_what, headers) => {
    const reply = await socketRequest(h.url, { path: '/api/login', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toEqual({ error: { code: 'INVALID_LENGTH', message: expect.stringMatching(VIETNAMESE) } });
  });

  it.each([
    ['/api/sync/pull?limit=0'],
    ['/api/sync/pull?limit=100000'],
    ['/api/sync/pull?cursor=-1'],
    ['/api/sync/pull?cursor=Infinity'],
    ['/api/sync/pull?cursor=1e400'],
    ['/api/sync/pull?cursor=1&cursor=2'],
  ])('answers GET %s with 400', async (path) => {
    const reply = await call(h.url, 'GET', path, { token: h.token('editor') });
    expect(reply.status, reply.text).toBe(400);
    expect(reply.json()).toMatchObject({ error: { code: 'INVALID_REQUEST', message: expect.stringMatching(VIETNAMESE) } });
  });

  it.each([
    ['a bad page number', '/cong-doan/?page=hai', 400],
    ['page zero', '/cong-doan/?page=0', 400],
    ['a broken percent-escape', '/cong-doan/%E0%A4%A.html', 400],
    ['an unknown path', '/khong/co/trang/nay', 404],
  ])('answers %s on the site with an HTML page', async (_what, path, status) => {
    const reply = await call(h.url, 'GET', path);
    expect(reply.status).toBe(status);
    expect(reply.headers.get('content-type')).toContain('text/html');
    expect(reply.text).toMatch(VIETNAMESE);
  });

  it('creates no account from a malformed request', async () => {
    const reply = await call(h.url, 'POST', '/api/users', { token: h.token('chief'), json: { username: 'x', role: 'editor' } });
    expect(reply.status).toBe(400);
    expect(reply.json()).toMatchObject({ error: { code: 'INVALID_REQUEST', message: expect.stringMatching(VIETNAMESE) } });
  });

  afterAll(() => {
    // Not one of the requests above became a server error.
    const errors = h.server?.logs().split('\n').filter((line) => /"level":(50|60)/.test(line)) ?? [];
    expect(errors).toEqual([]);
  });
});
