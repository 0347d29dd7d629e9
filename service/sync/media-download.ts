// Images travel with their story. A story pulled from the server shows its
// figures as media:<sha256>; the first time this desk needs one it does not
// hold, it asks the server for it (GET /media/<sha256>, signed in), checks the
// bytes (their sha256 must be the address, and core/media/image-type.ts judges
// size and type), and keeps them in the local store by sha256, so the image is
// there offline from then on. Two figures asking at once make one request.
import { createHash } from 'node:crypto';
import { checkImage, MAX_IMAGE_BYTES } from '../../core/media/image-type';
import type { MediaStore, StoredMedia } from '../../db';
import { SyncFailure } from './server-client';
import type { SyncWorker } from './worker';

export type MediaLookup =
  | { state: 'stored'; media: StoredMedia }
  /** Not on this desk, and the server answers that it has no such image either. */
  | { state: 'missing' }
  /** Not on this desk, and nobody is signed in to ask the server. */
  | { state: 'signed-out' }
  | { state: 'unavailable'; reason: string }
  /** The server sent bytes this desk will not keep as that image. */
  | { state: 'refused'; reason: string };

export class MediaDownloader {
  private readonly inFlight = new Map<string, Promise<MediaLookup>>();

  constructor(
    private readonly media: MediaStore,
    private readonly worker: SyncWorker,
  ) {}

  /** The image, from this desk or else from the server. */
  get(sha256: string): Promise<MediaLookup> {
    const here = this.media.get(sha256);
    if (here) return Promise.resolve({ state: 'stored', media: here });
    let asked = this.inFlight.get(sha256);
    if (!asked) {
      asked = this.download(sha256).finally(() => this.inFlight.delete(sha256));
      this.inFlight.set(sha256, asked);
    }
    return asked;
  }

  private async download(sha256: string): Promise<MediaLookup> {
    const client = this.worker.newsroomClient();
    if (client === null) return { state: 'signed-out' };
    let bytes: Uint8Array | null;
    try {
      bytes = await client.getMedia(sha256, MAX_IMAGE_BYTES);
    } catch (error) {
      if (!(error instanceof SyncFailure)) throw error;
      return error.kind === 'refused' ? { state: 'refused', reason: error.message } : { state: 'unavailable', reason: error.message };
    }
    if (bytes === null) return { state: 'missing' };
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
      return { state: 'refused', reason: 'Dữ liệu ảnh máy chủ gửi không khớp với mã sha256 của ảnh' };
    }
    const checked = checkImage(bytes);
    if (!checked.ok) return { state: 'refused', reason: checked.reason };
    this.media.add(sha256, checked.mime, bytes);
    return { state: 'stored', media: { sha256, mime: checked.mime, bytes: Buffer.from(bytes) } };
  }
}
