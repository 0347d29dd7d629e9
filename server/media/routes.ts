// Images are content-addressed: PUT /api/media/<sha256 of the bytes>. The same
// bytes always land at the same address, so an upload is idempotent and a
// retry is harmless. GET /media/<sha256> is public once a published story shows
// the image; until then only signed-in users may fetch it.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Authenticator } from '../auth/authenticate';
import { ApiError, notFound, parseOr400 } from '../http/errors';
import type { Storage } from '../storage/types';
import { MAX_IMAGE_BYTES, sniffImageType } from '../../core/media/image-type';

export const MAX_MEDIA_BYTES = MAX_IMAGE_BYTES;

const params = z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Mã ảnh phải là sha256 (64 ký tự hex thường)') });

export type MediaDeps = { storage: Storage; auth: Authenticator };

export function registerMediaRoutes(app: FastifyInstance, { storage, auth }: MediaDeps): void {
  // Its own context: here every body is raw bytes, whatever Content-Type says.
  void app.register(async (media) => {
    media.removeAllContentTypeParsers();
    media.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_MEDIA_BYTES }, (_request, body, done) => {
      done(null, body);
    });

    media.put('/api/media/:sha256', { bodyLimit: MAX_MEDIA_BYTES }, async (request, reply) => {
      await auth.require(request);
      const { sha256 } = parseOr400(params, request.params, 'Địa chỉ ảnh');
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      if (bytes.length === 0) throw new ApiError(400, 'EMPTY_BODY', 'Không có dữ liệu ảnh');
      const actual = createHash('sha256').update(bytes).digest('hex');
      if (actual !== sha256) {
        throw new ApiError(400, 'SHA256_MISMATCH', 'Mã sha256 không khớp với dữ liệu ảnh (tệp bị hỏng khi tải lên?)');
      }
      const mime = sniffImageType(bytes);
      if (!mime) throw new ApiError(415, 'UNSUPPORTED_IMAGE', 'Chỉ nhận ảnh PNG, JPEG, GIF hoặc WebP');
      const created = await storage.media.putMedia({ sha256, mime, bytes, size: bytes.length });
      return reply.code(created ? 201 : 200).send({ sha256, mime, size: bytes.length, created });
    });
  });

  app.get('/media/:sha256', async (request, reply) => {
    const { sha256 } = parseOr400(params, request.params, 'Địa chỉ ảnh');
    const isPublic = await storage.media.isMediaPublic(sha256);
    if (!isPublic) await auth.require(request);
    const etag = `"${sha256}"`;
    void reply
      .header('etag', etag)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      // Content-addressed bytes never change; private ones must not sit in shared caches.
      .header('cache-control', isPublic ? 'public, max-age=31536000, immutable' : 'private, max-age=3600');
    // The address is the content's hash: a client holding this ETag holds these bytes, so skip reading up to 10 MB.
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    const media = await storage.media.getMedia(sha256);
    if (!media) throw notFound();
    return reply.header('content-type', media.mime).send(media.bytes);
  });
}
