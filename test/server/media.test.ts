import { describe, expect, it } from 'vitest';
import { nodes } from '../../core/story';
import { call, push, rawRequest } from '../helpers/server/api';
import { describeEachDatabase } from '../helpers/server/harness';
import { IMAGES, sha256 } from '../helpers/server/images';
import { newId, storyPayload, toPublished, unpublish, upsert } from '../helpers/server/stories';

describeEachDatabase('media', (h) => {
  const put = (bytes: Uint8Array, token: string | undefined, sha = sha256(bytes), contentType = 'application/octet-stream') =>
    call(h.url, 'PUT', `/api/media/${sha}`, { token, body: bytes, headers: { 'content-type': contentType } });

  describe('upload', () => {
    it.each([
      ['png', 'image/png'],
      ['jpeg', 'image/jpeg'],
      ['gif', 'image/gif'],
      ['webp', 'image/webp'],
    ] as const)('stores a %s once, telling its type by its bytes', async (kind, mime) => {
      const bytes = IMAGES[kind];
      const first = await put(bytes, h.token('reporter'), undefined, 'text/plain');
      expect(first.status, first.text).toBe(201);
      expect(first.json()).toEqual({ sha256: sha256(bytes), mime, size: bytes.length, created: true });
      const again = await put(bytes, h.token('editor'));
      expect(again.status).toBe(200);
      expect(again.json()).toMatchObject({ created: false });
    });

    it('refuses bytes whose sha256 is not the address', async () => {
      const reply = await put(IMAGES.png, h.token('reporter'), sha256(IMAGES.gif));
      expect(reply.status).toBe(400);
      expect(reply.json()).toMatchObject({ error: { code: 'SHA256_MISMATCH', message: expect.stringContaining('sha256') } });
    });

    it('refuses what is not an image, even under an image Content-Type', async () => {
      const html = Buffer.from('<html><script>alert(1)</script></html>');
      const reply = await put(html, h.token('reporter'), undefined, 'image/png');
      expect(reply.status).toBe(415);
      expect(reply.json()).toMatchObject({ error: { code: 'UNSUPPORTED_IMAGE', message: 'Chỉ nhận ảnh PNG, JPEG, GIF hoặc WebP' } });
    });

    it('refuses an image over 10 MB with 413, whether announced or streamed', async () => {
      const headers = { authorization: `Bearer ${h.token('reporter')}`, 'content-type': 'image/png' };
      const path = `/api/media/${'a'.repeat(64)}`;
      const announced = await rawRequest(h.url, {
        method: 'PUT',
        path,
        headers: { ...headers, 'content-length': 11 * 1024 * 1024 },
      });
      expect(announced.status).toBe(413);
      expect(JSON.parse(announced.text)).toMatchObject({ error: { code: 'TOO_LARGE', message: 'Nội dung gửi lên quá lớn' } });
      const megabyte = Buffer.alloc(1024 * 1024, 7);
      const streamed = await rawRequest(h.url, {
        method: 'PUT',
        path,
        headers: { ...headers, 'transfer-encoding': 'chunked' },
        chunks: [IMAGES.png, ...Array.from({ length: 11 }, () => megabyte)],
      });
      expect(streamed.status).toBe(413);
    });

    it.each([
      ['an address that is not a sha256', '/api/media/abc', IMAGES.png, 400],
      ['an upper-case sha256', `/api/media/${sha256(IMAGES.png).toUpperCase()}`, IMAGES.png, 400],
      ['an empty body', `/api/media/${sha256(Buffer.alloc(0))}`, Buffer.alloc(0), 400],
    ])('refuses %s', async (_what, path, bytes, status) => {
      const reply = await call(h.url, 'PUT', path, { token: h.token('reporter'), body: bytes });
      expect(reply.status).toBe(status);
      expect(reply.json()).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    });

    it('needs a signed-in user', async () => {
      expect((await put(IMAGES.png, undefined)).status).toBe(401);
    });
  });

  describe('download', () => {
    it('is private until a published story shows the image, then public and cacheable', async () => {
      // A fresh image (a PNG with a trailing comment byte) so that no other test publishes it.
      const bytes = Buffer.concat([IMAGES.png, Buffer.from('riêng')]);
      const sha = sha256(bytes);
      expect((await put(bytes, h.token('reporter'))).status).toBe(201);

      expect((await call(h.url, 'GET', `/media/${sha}`)).status).toBe(401);
      const signedIn = await call(h.url, 'GET', `/media/${sha}`, { token: h.token('reporter') });
      expect(signedIn.status).toBe(200);
      expect(signedIn.headers.get('cache-control')).toContain('private');

      const id = newId();
      const body = nodes.bodyOf([
        nodes.paragraph(nodes.inlineFromText('Ảnh minh hoạ bên dưới.')),
        nodes.figure({ src: `media:${sha}`, alt: 'Ảnh', caption: 'Đoàn viên nhận quà Tết.' }),
      ]);
      await push(h.url, h.token('editor'), [upsert(id, 0, storyPayload({ body })), ...toPublished(id)]);

      const open = await fetch(`${h.url}/media/${sha}`);
      expect(open.status).toBe(200);
      expect(open.headers.get('content-type')).toBe('image/png');
      expect(open.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(open.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await open.arrayBuffer())).toEqual(bytes);
      const etag = open.headers.get('etag') ?? '';
      expect((await call(h.url, 'GET', `/media/${sha}`, { headers: { 'if-none-match': etag } })).status).toBe(304);

      await push(h.url, h.token('chief'), [unpublish(id, 1)]);
      expect((await call(h.url, 'GET', `/media/${sha}`)).status).toBe(401);
    });

    it('answers 404 for an image nobody uploaded, and 400 for a bad address', async () => {
      const missing = await call(h.url, 'GET', `/media/${'0'.repeat(64)}`, { token: h.token('editor') });
      expect(missing.status).toBe(404);
      expect((await call(h.url, 'GET', '/media/khong-phai-sha')).status).toBe(400);
    });
  });
});
