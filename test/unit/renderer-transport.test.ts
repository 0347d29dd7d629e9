// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayloads } from '../../core/api';
import { readEventPayload, type NewsdeskBridge } from '../../core/api';
import { createBridgeClient, errorFromRejection, findBridge } from '../../renderer/transport/bridge';
import { ServiceError, toServiceError } from '../../renderer/transport/client';
import { isEnvelope, readEnvelope, readHttpReply } from '../../renderer/transport/envelope';
import { takeToken } from '../../renderer/transport/token';

describe('readHttpReply', () => {
  it.each([
    ['a result', 200, '{"ok":true,"value":{"updatedAt":"2025-02-10T02:30:00.000Z"}}', { ok: true, value: { updatedAt: '2025-02-10T02:30:00.000Z' } }],
    ['a null result', 200, '{"ok":true,"value":null}', { ok: true, value: null }],
    ['a result that itself says ok', 200, '{"ok":true,"value":{"ok":true}}', { ok: true, value: { ok: true } }],
  ])('reads %s', (_name, status, body, expected) => {
    expect(readHttpReply(status, body)).toEqual(expected);
  });

  it.each([
    ['an error envelope keeps its code and words', 400, '{"ok":false,"error":{"code":"invalid-args","message":"Mã bài viết không hợp lệ"}}', 'invalid-args', 'Mã bài viết không hợp lệ'],
    ['an error envelope on 200 is still an error', 200, '{"ok":false,"error":{"code":"not-found","message":"Không tìm thấy bài viết"}}', 'not-found', 'Không tìm thấy bài viết'],
    ['401 without an envelope', 401, 'Unauthorized', 'UNAUTHORIZED', 'Mã truy cập không hợp lệ. Hãy mở lại địa chỉ mà Newsdesk in ra khi khởi động.'],
    ['500 with an HTML page', 500, '<html><body>Internal Server Error</body></html>', 'HTTP_500', 'Dịch vụ Newsdesk báo lỗi (HTTP 500)'],
    ['an ok envelope with an error status', 503, '{"ok":true,"value":1}', 'HTTP_503', 'Dịch vụ Newsdesk báo lỗi (HTTP 503)'],
    ['a body that is not JSON', 200, 'xin chào', 'BAD_RESPONSE', 'Dịch vụ Newsdesk trả lời không đúng định dạng'],
    ['JSON without the envelope', 200, '{"items":[]}', 'BAD_RESPONSE', 'Dịch vụ Newsdesk trả lời không đúng định dạng'],
    ['ok:true without value', 200, '{"ok":true}', 'BAD_RESPONSE', 'Dịch vụ Newsdesk trả lời không đúng định dạng'],
    ['an error without a message', 400, '{"ok":false,"error":{"code":"x"}}', 'HTTP_400', 'Dịch vụ Newsdesk báo lỗi (HTTP 400)'],
    ['an empty body', 204, '', 'BAD_RESPONSE', 'Dịch vụ Newsdesk trả lời không đúng định dạng'],
  ])('%s', (_name, status, body, code, message) => {
    const envelope = readHttpReply(status, body);
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error).toBeInstanceOf(ServiceError);
    expect(envelope.error.code).toBe(code);
    expect(envelope.error.message).toBe(message);
  });
});

describe('isEnvelope and readEnvelope', () => {
  it.each([
    [{ ok: true, value: [] }, true],
    [{ ok: false, error: { code: 'a', message: 'Lỗi' } }, true],
    [{ ok: true }, false], // what stories.trash returns, bare
    [['ok'], false],
    [null, false],
    ['{"ok":true,"value":1}', false],
  ])('%j → %s', (value, expected) => {
    expect(isEnvelope(value)).toBe(expected);
  });

  it('reads an error envelope as a ServiceError', () => {
    const read = readEnvelope({ ok: false, error: { code: 'too-large', message: 'Ảnh quá lớn (tối đa 20 MB)' } });
    expect(read).toEqual({ ok: false, error: new ServiceError('too-large', 'Ảnh quá lớn (tối đa 20 MB)') });
  });
});

describe('readEventPayload', () => {
  it.each([
    ['save.state', { id: 'a', state: 'saving' }, { id: 'a', state: 'saving' }],
    ['save.state', { id: 'a', state: 'error', message: 'Ổ đĩa đầy' }, { id: 'a', state: 'error', message: 'Ổ đĩa đầy' }],
    ['save.state', { id: 'a', state: 'đã lưu' }, null],
    ['story.changed', { id: '0194f0c2-7d1e-7b1a-9c3e-1f2a3b4c5d6e' }, { id: '0194f0c2-7d1e-7b1a-9c3e-1f2a3b4c5d6e' }],
    ['story.changed', { story: 'x' }, null],
    ['menu.command', { command: 'import' }, { command: 'import' }],
    ['menu.command', { command: 'rm -rf' }, null],
    ['sync.state', { online: true, pending: 0, lastError: null, lastSyncedAt: null }, { online: true, pending: 0, lastError: null, lastSyncedAt: null }],
  ] as const)('%s %j', (event, payload, expected) => {
    expect(readEventPayload(event, payload)).toEqual(expected);
  });
});

describe('the Electron bridge client', () => {
  function bridgeReplying(reply: (name: string, args: unknown) => Promise<unknown>) {
    const listeners = new Map<string, Set<(payload: unknown) => void>>();
    const bridge: NewsdeskBridge = {
      call: reply,
      on(event, listener) {
        const set = listeners.get(event) ?? new Set();
        set.add(listener);
        listeners.set(event, set);
        return () => set.delete(listener);
      },
    };
    const emit = (event: string, payload: unknown) => listeners.get(event)?.forEach((listener) => listener(payload));
    return { bridge, emit };
  }

  it('finds the bridge only when it has call and on', () => {
    const { bridge } = bridgeReplying(async () => null);
    expect(findBridge({ newsdesk: bridge })).toBe(bridge);
    expect(findBridge({ newsdesk: { call: () => null } })).toBeNull();
    expect(findBridge({ newsdesk: { call: 'x', on: 'y' } })).toBeNull();
    expect(findBridge({})).toBeNull();
    expect(findBridge(window)).toBeNull();
  });

  it('unwraps an envelope and passes a bare result through', async () => {
    const asked: Array<[string, unknown]> = [];
    const { bridge } = bridgeReplying(async (name, args) => {
      asked.push([name, args]);
      return name === 'stories.trash' ? { ok: true } : { ok: true, value: ['Công đoàn', 'Thời sự'] };
    });
    const client = createBridgeClient(bridge);
    expect(await client.call('stories.sections', {})).toEqual(['Công đoàn', 'Thời sự']);
    expect(await client.call('stories.trash', { id: '0194f0c2-7d1e-7b1a-9c3e-1f2a3b4c5d6e' })).toEqual({ ok: true });
    expect(asked).toEqual([
      ['stories.sections', {}],
      ['stories.trash', { id: '0194f0c2-7d1e-7b1a-9c3e-1f2a3b4c5d6e' }],
    ]);
  });

  it('turns an error envelope into a ServiceError', async () => {
    const { bridge } = bridgeReplying(async () => ({ ok: false, error: { code: 'not-found', message: 'Không tìm thấy bài viết' } }));
    await expect(createBridgeClient(bridge).call('stories.get', { id: '0194f0c2-7d1e-7b1a-9c3e-1f2a3b4c5d6e' })).rejects.toEqual(
      new ServiceError('not-found', 'Không tìm thấy bài viết'),
    );
  });

  it("keeps the readable part of Electron's rejection", async () => {
    const { bridge } = bridgeReplying(async () => {
      throw new Error("Error invoking remote method 'newsdesk:call': Error: Tệp không phải UTF-8, UTF-16 hay Windows-1258");
    });
    const failure = await createBridgeClient(bridge)
      .call('import.preview', { fileName: 'bai.txt', bytes: '' })
      .catch((error: unknown) => error);
    expect(failure).toEqual(new ServiceError('SERVICE_ERROR', 'Tệp không phải UTF-8, UTF-16 hay Windows-1258'));
  });

  it('keeps the code of a rejection that carries one', () => {
    expect(errorFromRejection({ code: 'too-large', message: 'Ảnh quá lớn' })).toEqual(new ServiceError('too-large', 'Ảnh quá lớn'));
    expect(errorFromRejection('boom').message).toBe('Dịch vụ Newsdesk báo lỗi');
  });

  it('delivers valid events and drops malformed ones', () => {
    const { bridge, emit } = bridgeReplying(async () => null);
    const client = createBridgeClient(bridge);
    const seen: Array<EventPayloads['save.state']> = [];
    const off = client.on('save.state', (payload) => seen.push(payload));
    emit('save.state', { id: 'a', state: 'saved' });
    emit('save.state', { id: 'a', state: 42 });
    emit('save.state', 'saved');
    off();
    emit('save.state', { id: 'b', state: 'saved' });
    expect(seen).toEqual([{ id: 'a', state: 'saved' }]);
  });
});

describe('toServiceError', () => {
  it('keeps ServiceErrors and hides raw errors behind a readable message', () => {
    const own = new ServiceError('x', 'Lỗi của dịch vụ');
    expect(toServiceError(own)).toBe(own);
    expect(toServiceError(new TypeError("Cannot read properties of undefined (reading 'id')")).message).toBe(
      'Đã có lỗi không mong muốn trong ứng dụng',
    );
  });
});

describe('takeToken', () => {
  afterEach(() => {
    window.sessionStorage.clear();
    window.history.replaceState(null, '', '/');
  });
  const place = () => ({ location: window.location, history: window.history, storage: window.sessionStorage });

  it('takes the token out of the visible URL and keeps it for reloads', () => {
    window.history.replaceState(null, '', '/?token=f3a9c1&lang=vi#/story/0194f0c2-7d1e-7b1a-9c3e-1f2a3b4c5d6e');
    expect(takeToken(place())).toBe('f3a9c1');
    expect(window.location.search).toBe('?lang=vi');
    expect(window.location.hash).toBe('#/story/0194f0c2-7d1e-7b1a-9c3e-1f2a3b4c5d6e');
    expect(window.location.href).not.toContain('f3a9c1');
    // A reload has no token in the URL any more.
    expect(takeToken(place())).toBe('f3a9c1');
  });

  it('prefers a new token in the URL over a stored one', () => {
    window.sessionStorage.setItem('newsdesk.token', 'old');
    window.history.replaceState(null, '', '/?token=new');
    expect(takeToken(place())).toBe('new');
    expect(window.location.search).toBe('');
  });

  it('is null when there is no token anywhere', () => {
    expect(takeToken(place())).toBeNull();
  });
});
