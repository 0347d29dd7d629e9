// Stories with two versions: the text here and the server's, changed from the
// same base. Both are kept in `sync_conflicts` until the user chooses, and the
// row stays afterwards (marked resolved), so neither text is ever dropped.
import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { SyncConflict } from '../../core/api';
import type { StoryContent } from '../../core/story';
import { storedStoryWire, type StoredStoryWire } from '../../core/sync';
import type { Clock } from '../stories/repository';
import { contentOf, type LocalCopy } from '../stories/server-copy';

export interface OpenConflict {
  id: string;
  storyId: string;
  createdAt: string;
  serverRev: number;
  server: StoredStoryWire;
}

interface ConflictRow {
  id: string;
  story_id: string;
  created_at: string;
  server_rev: number;
  server_stored: string;
}

function toOpen(row: ConflictRow): OpenConflict {
  return {
    id: row.id,
    storyId: row.story_id,
    createdAt: row.created_at,
    serverRev: row.server_rev,
    // Written by this code from a validated answer; parsed again in case a newer schema stored it.
    server: storedStoryWire.parse(JSON.parse(row.server_stored)),
  };
}

export class ConflictStore {
  private readonly s: ReturnType<typeof prepareStatements>;

  constructor(
    db: Database,
    private readonly copy: LocalCopy,
    private readonly clock: Clock,
  ) {
    this.s = prepareStatements(db);
  }

  open(storyId: string): OpenConflict | null {
    const row = this.s.open.get(storyId) as ConflictRow | undefined;
    return row ? toOpen(row) : null;
  }

  /** Keeps both texts: the local one as it is now, and the server's. */
  record(storyId: string, local: { content: StoryContent; trashed: boolean }, server: StoredStoryWire): void {
    if (this.open(storyId)) {
      this.updateServer(storyId, server);
      return;
    }
    this.s.insert.run({
      id: uuidv7(),
      storyId,
      now: this.clock().toISOString(),
      localContent: JSON.stringify(contentOf(local.content)),
      localTrashed: local.trashed ? 1 : 0,
      serverRev: server.story.rev,
      serverStored: JSON.stringify(server),
    });
  }

  /** A newer server version arrived while the user has not chosen yet: "theirs" is now that one. */
  updateServer(storyId: string, server: StoredStoryWire): void {
    this.s.updateServer.run({ storyId, serverRev: server.story.rev, serverStored: JSON.stringify(server) });
  }

  resolve(id: string, keep: 'mine' | 'theirs'): void {
    this.s.resolve.run({ id, keep, now: this.clock().toISOString() });
  }

  openCount(): number {
    return (this.s.count.get() as { n: number }).n;
  }

  /** Open conflicts, oldest first; "mine" is the story's text here now, edits since the conflict included. */
  list(storyId?: string): SyncConflict[] {
    const rows = (storyId === undefined ? this.s.list.all() : this.s.listOne.all(storyId)) as ConflictRow[];
    return rows.flatMap((row) => {
      const conflict = toOpen(row);
      const local = this.copy.state(conflict.storyId);
      if (!local) return [];
      return [
        {
          storyId: conflict.storyId,
          createdAt: conflict.createdAt,
          serverRev: conflict.serverRev,
          mine: local.content,
          mineTrashed: local.trashed,
          theirs: contentOf(conflict.server.story),
          theirsTrashed: conflict.server.trashedAt !== null,
        },
      ];
    });
  }
}

function prepareStatements(db: Database) {
  const columns = 'id, story_id, created_at, server_rev, server_stored';
  return {
    open: db.prepare(`SELECT ${columns} FROM sync_conflicts WHERE story_id = ? AND resolved_at IS NULL`),
    insert: db.prepare(`
      INSERT INTO sync_conflicts (id, story_id, created_at, local_content, local_trashed, server_rev, server_stored)
      VALUES (@id, @storyId, @now, @localContent, @localTrashed, @serverRev, @serverStored)`),
    updateServer: db.prepare(`
      UPDATE sync_conflicts SET server_rev = @serverRev, server_stored = @serverStored
      WHERE story_id = @storyId AND resolved_at IS NULL AND server_rev < @serverRev`),
    resolve: db.prepare('UPDATE sync_conflicts SET resolved_at = @now, resolution = @keep WHERE id = @id'),
    count: db.prepare('SELECT count(*) AS n FROM sync_conflicts WHERE resolved_at IS NULL'),
    list: db.prepare(`SELECT ${columns} FROM sync_conflicts WHERE resolved_at IS NULL ORDER BY created_at, id`),
    listOne: db.prepare(`SELECT ${columns} FROM sync_conflicts WHERE resolved_at IS NULL AND story_id = ? ORDER BY created_at, id`),
  };
}
