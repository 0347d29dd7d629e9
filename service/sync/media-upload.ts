// Images go up before the stories that show them: PUT /api/media/<sha256>,
// content-addressed, so an upload is idempotent and a retry harmless. Which
// images a server already has is remembered per server in sync_meta, so an
// image is sent once, not with every save of its story.
import { z } from 'zod';
import type { MediaStore, SyncMeta } from '../../db';
import type { OutgoingOp } from '../../db/outbox/outbox';
import { SyncFailure, type SyncServerClient } from './server-client';

/** A figure's `src` in stored payload JSON; the JSON is ours, so the pattern is exact. */
const MEDIA_SRC = /"src":"media:([0-9a-f]{64})"/g;

export function mediaRefsInPayload(payloadJson: string | null): string[] {
  if (payloadJson === null) return [];
  return [...new Set([...payloadJson.matchAll(MEDIA_SRC)].map((match) => match[1] as string))];
}

export class MediaUploader {
  constructor(
    private readonly media: MediaStore,
    private readonly meta: SyncMeta,
  ) {}

  /** Sends the images these ops show that `serverUrl` does not have yet. */
  async upload(client: SyncServerClient, serverUrl: string, ops: readonly OutgoingOp[]): Promise<void> {
    const wanted = new Set(ops.flatMap((op) => mediaRefsInPayload(op.payloadJson)));
    for (const sha256 of wanted) {
      const key = `media:${serverUrl}|${sha256}`;
      if (this.meta.read(key, z.literal(true))) continue;
      const row = this.media.get(sha256);
      // Not here (a story pulled from elsewhere): nothing to send; the server has it or shows no image.
      if (row) {
        try {
          await client.putMedia(sha256, row.bytes);
        } catch (error) {
          // The server will never take these bytes (size, type): the story still goes up.
          if (!(error instanceof SyncFailure) || error.kind !== 'refused') throw error;
        }
      }
      this.meta.write(key, true);
    }
  }
}
