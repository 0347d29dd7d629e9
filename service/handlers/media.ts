// Images, stored once by the sha256 of their bytes: adding the same photo twice
// (pasted, then dropped) keeps one copy, and figures refer to it as media:<sha256>.
// An image a story shows that this desk does not hold is fetched from the
// server the first time it is asked for (../sync/media-download.ts).
import { createHash } from 'node:crypto';
import type { Handlers } from '../../core/api';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { handler } from '../handler';
import { MAX_IMAGE_BYTES, sniffImageType } from '../../core/media/image-type';
import type { MediaDownloader, MediaLookup } from '../sync/media-download';
import { decodeBase64, decodedLength, megabytes } from '../upload-bytes';

export const MAX_MEDIA_BYTES = MAX_IMAGE_BYTES;

/** Why an image cannot be shown, in words; the code tells the editor which way out to offer. */
function notShown(lookup: Exclude<MediaLookup, { state: 'stored' }>): ServiceError {
  switch (lookup.state) {
    case 'missing':
      return new ServiceError('MEDIA_MISSING', 'Ảnh này không có trên máy này, cũng không có trên máy chủ toà soạn.', 'not_found');
    case 'signed-out':
      return new ServiceError(
        'MEDIA_NOT_FOUND',
        'Ảnh này chưa có trên máy này. Hãy đăng nhập máy chủ toà soạn để tải ảnh về.',
        'not_found',
      );
    case 'unavailable':
      return new ServiceError('MEDIA_UNAVAILABLE', `Chưa tải được ảnh từ máy chủ toà soạn: ${lookup.reason}`, 'unavailable');
    case 'refused':
      return new ServiceError('MEDIA_REFUSED', `Không giữ được ảnh máy chủ gửi về: ${lookup.reason}`, 'invalid');
  }
}

export function mediaHandlers(context: ServiceContext, downloader: MediaDownloader | null = null): Pick<Handlers, 'media.add' | 'media.get'> {
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
    'media.get': handler('media.get', async ({ sha256 }) => {
      const lookup: MediaLookup = downloader ? await downloader.get(sha256) : { state: 'signed-out' };
      if (lookup.state !== 'stored') throw notShown(lookup);
      const row = lookup.media;
      return { sha256: row.sha256, mime: row.mime, bytes: row.bytes.toString('base64') };
    }),
  };
}
