// Images, stored once by the sha256 of their bytes: adding the same photo twice
// (pasted, then dropped) keeps one copy, and figures refer to it as media:<sha256>.
import { createHash } from 'node:crypto';
import type { Handlers } from '../../core/api';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { handler } from '../handler';
import { sniffImageType } from '../../core/media/image-type';
import { decodeBase64, decodedLength, megabytes } from '../upload-bytes';

export const MAX_MEDIA_BYTES = 10 * 1024 * 1024;

export function mediaHandlers(context: ServiceContext): Pick<Handlers, 'media.add' | 'media.get'> {
  const { media } = context.store;
  return {
    'media.add': handler('media.add', ({ bytes: base64 }) => {
      const size = decodedLength(base64);
      if (size > MAX_MEDIA_BYTES) {
        throw new ServiceError('MEDIA_TOO_LARGE', `Ảnh quá lớn (${megabytes(size)} MB): giới hạn là 10 MB`, 'too_large');
      }
      const bytes = decodeBase64(base64);
      const mime = sniffImageType(bytes);
      if (mime === null) {
        throw new ServiceError('NOT_AN_IMAGE', 'Tệp không phải là ảnh (chỉ nhận PNG, JPEG, GIF, WebP)');
      }
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      media.add(sha256, mime, bytes);
      return { sha256, src: `media:${sha256}`, mime };
    }),
    'media.get': handler('media.get', ({ sha256 }) => {
      const row = media.get(sha256);
      if (!row) throw new ServiceError('MEDIA_NOT_FOUND', 'Không tìm thấy ảnh này trong kho dữ liệu.', 'not_found');
      return { sha256: row.sha256, mime: row.mime, bytes: row.bytes.toString('base64') };
    }),
  };
}
