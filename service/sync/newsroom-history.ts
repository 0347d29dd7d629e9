// The server's versions of a story, read when a history panel asks (see
// core/sync/newsroom-history.ts for why they are read, not stored). The last
// answers are remembered for a while, so that choosing a version to compare or
// restore does not ask the server again.
import type { ServerRevision } from '../../core/sync';
import { ServiceError } from '../errors';
import { SyncFailure } from './server-client';
import type { SyncWorker } from './worker';

/** The panel waits this long at most for the server before showing the desk's own versions. */
const HISTORY_TIMEOUT_MS = 5_000;
const REMEMBERED_STORIES = 20;

export type NewsroomAnswer =
  | { state: 'read'; revisions: ServerRevision[] }
  /** Nobody is signed in, or the server has never seen the story: there is nothing to read. */
  | { state: 'none' }
  | { state: 'unavailable'; reason: string };

export class NewsroomHistory {
  private readonly remembered = new Map<string, ServerRevision[]>();

  constructor(private readonly worker: SyncWorker) {}

  async read(storyId: string): Promise<NewsroomAnswer> {
    const client = this.worker.newsroomClient(HISTORY_TIMEOUT_MS);
    if (client === null) return { state: 'none' };
    try {
      const { revisions } = await client.revisions(storyId);
      this.remember(storyId, revisions);
      return { state: 'read', revisions };
    } catch (error) {
      if (!(error instanceof SyncFailure)) throw error;
      // 404: the story never reached the server, or this account may not see it there.
      if (error.status === 404) return { state: 'none' };
      return { state: 'unavailable', reason: error.message };
    }
  }

  /** One version, from the last answer about its story, else asked again. */
  async revision(storyId: string, rev: number): Promise<ServerRevision | null> {
    const known = this.remembered.get(storyId)?.find((revision) => revision.rev === rev);
    if (known) return known;
    const answer = await this.read(storyId);
    if (answer.state === 'unavailable') {
      throw new ServiceError('NEWSROOM_UNAVAILABLE', `Không lấy được phiên bản này từ máy chủ: ${answer.reason}`, 'unavailable');
    }
    return answer.state === 'read' ? (answer.revisions.find((revision) => revision.rev === rev) ?? null) : null;
  }

  private remember(storyId: string, revisions: ServerRevision[]): void {
    this.remembered.delete(storyId);
    this.remembered.set(storyId, revisions);
    for (const oldest of this.remembered.keys()) {
      if (this.remembered.size <= REMEMBERED_STORIES) break;
      this.remembered.delete(oldest);
    }
  }
}
