// The desktop side of desk sync, wired together: the outbox that story writes
// feed, the worker that pushes (images first) and pulls, and the conflicts it keeps.
import type { ServiceContext } from '../context';
import { ConflictStore } from './conflicts';
import { LocalCopy } from './local-copy';
import { MediaUploader } from './media-upload';
import { SyncMeta } from './meta';
import type { Outbox } from './outbox';
import { Reconciler } from './reconcile';
import { resolveConflict } from './resolve';
import { memoryTokenStore, type TokenStore } from './token-store';
import type { SyncOptions } from './options';
import { SyncWorker } from './worker';

export { Outbox, upsertPayloadOf, type ChangeKind } from './outbox';
export { SyncedStories } from './synced-stories';
export { memoryTokenStore, storedToken, type StoredToken, type TokenStore } from './token-store';
export { systemTimers, type SyncOptions, type SyncTimers } from './options';
export { syncHandlers } from './handlers';

export interface DesktopSync {
  worker: SyncWorker;
  conflicts: ConflictStore;
  resolve(storyId: string, keep: 'mine' | 'theirs'): ReturnType<typeof resolveConflict>;
  /** Starts the worker: at once when a token for the configured server is kept. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Statuses a local story may have that the desk sends up; the rest (archive teasers) stay home. */
const SENT_STATUSES = ['draft', 'submitted', 'editing', 'returned', 'approved'];

export function createDesktopSync(
  context: ServiceContext,
  outbox: Outbox,
  options: { tokenStore?: TokenStore; sync?: SyncOptions } = {},
): DesktopSync {
  const copy = new LocalCopy(context.db);
  const conflicts = new ConflictStore(context.db, copy, context.clock);
  const reconciler = new Reconciler(context.db, outbox, copy, conflicts);
  const meta = new SyncMeta(context.db);
  const media = new MediaUploader(context.db, meta);
  const worker = new SyncWorker(
    { context, outbox, reconciler, conflicts, meta, media, tokenStore: options.tokenStore ?? memoryTokenStore() },
    options.sync,
  );
  return {
    worker,
    conflicts,
    resolve: (storyId, keep) => resolveConflict({ context, outbox, conflicts, copy }, storyId, keep),
    async start() {
      queueUnannounced(context, outbox);
      await worker.start();
    },
    stop: () => worker.stop(),
  };
}

/**
 * Stories the server was never told of and that have no op: made before this
 * store had an outbox, or written by another program (the CLI importer). They
 * are queued once found; a story with an op, even a refused one, is left alone.
 */
function queueUnannounced(context: ServiceContext, outbox: Outbox): void {
  const ids = context.db
    .prepare(
      `SELECT id FROM stories s
       WHERE rev = 0 AND deleted_at IS NULL AND status IN (${SENT_STATUSES.map(() => '?').join(', ')})
         AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.story_id = s.id)
       ORDER BY seq`,
    )
    .pluck()
    .all(...SENT_STATUSES) as string[];
  if (ids.length === 0) return;
  context.db.transaction(() => {
    for (const id of ids) {
      const story = context.stories.get(id);
      if (story) outbox.upsert(story, 'create');
    }
  })();
}
