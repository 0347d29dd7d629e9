// The desktop side of desk sync, wired together: the outbox that story writes
// feed, the worker that pushes (images first) and pulls, and the conflicts it keeps.
import type { SyncProblems } from '../../core/api';
import { ACTION_LABELS } from '../../core/workflow';
import type { ServiceContext } from '../context';
import { MediaDownloader } from './media-download';
import { MediaUploader } from './media-upload';
import type { ConflictStore } from '../../db';
import { resolveConflict } from './resolve';
import { memoryTokenStore, type TokenStore } from './token-store';
import type { SyncOptions } from './options';
import { NewsroomHistory } from './newsroom-history';
import { SyncWorker } from './worker';

export interface DesktopSync {
  worker: SyncWorker;
  /** The server's versions of a story, for the history panel. */
  history: NewsroomHistory;
  /** Images a pulled story shows that this desk does not hold yet. */
  mediaDownloads: MediaDownloader;
  conflicts: ConflictStore;
  resolve(storyId: string, keep: 'mine' | 'theirs'): ReturnType<typeof resolveConflict>;
  problems(): SyncProblems;
  /** Starts the worker: at once when a token for the configured server is kept. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createDesktopSync(
  context: ServiceContext,
  options: { tokenStore?: TokenStore; sync?: SyncOptions } = {},
): DesktopSync {
  const { store } = context;
  const media = new MediaUploader(store.media, store.syncMeta);
  const worker = new SyncWorker(
    {
      context,
      outbox: store.outbox,
      reconciler: store.reconciler,
      conflicts: store.conflicts,
      meta: store.syncMeta,
      media,
      tokenStore: options.tokenStore ?? memoryTokenStore(),
    },
    options.sync,
  );
  return {
    worker,
    history: new NewsroomHistory(worker),
    mediaDownloads: new MediaDownloader(store.media, worker),
    conflicts: store.conflicts,
    resolve: (storyId, keep) => resolveConflict(context, storyId, keep),
    problems: () => ({
      refused: store.outbox.refused().map(({ storyId, headline, error, action }) => ({
        storyId,
        headline,
        reason: action === null ? error : `“${ACTION_LABELS[action]}”: ${error}`,
      })),
      setAside: store.setAside.latest(),
    }),
    async start() {
      store.stories.queueUnannounced();
      await worker.start();
    },
    stop: () => worker.stop(),
  };
}
