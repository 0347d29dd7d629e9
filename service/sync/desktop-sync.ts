// The desktop side of desk sync, wired together: the outbox that story writes
// feed, the worker that pushes (images first) and pulls, and the conflicts it keeps.
import type { SyncConflict, SyncProblems } from '../../core/api';
import type { MergeChoice } from '../../core/merge';
import { ACTION_LABELS } from '../../core/workflow';
import { authorOf, type ServiceContext } from '../context';
import { MediaDownloader } from './media-download';
import { MediaUploader } from './media-upload';
import type { ConflictStore } from '../../db';
import { listConflicts, resolveConflict } from './resolve';
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
  /** Open places of merges, of one story or all, read against the text as it stands. */
  listConflicts(storyId?: string): SyncConflict[];
  resolve(storyId: string, conflictId: string, keep: MergeChoice): ReturnType<typeof resolveConflict>;
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
    listConflicts: (storyId) => listConflicts(context, storyId),
    resolve: (storyId, conflictId, keep) => resolveConflict(context, storyId, conflictId, keep),
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
      // Whole second versions kept before this desk could merge are merged now, once.
      store.transaction(() => store.reconciler.mergeLegacyConflicts(authorOf(context)));
      await worker.start();
    },
    stop: () => worker.stop(),
  };
}
