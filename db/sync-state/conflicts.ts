// Places in a story where a merge found that this desk and the server changed
// the same block (or field) differently: core/merge's conflict, with the block
// in base, mine and theirs, kept in `merge_conflicts` until the person settles
// it, and kept afterwards too (settled_at, choice), so that neither text is
// ever dropped. The merged text meanwhile holds one side there (mine, unless
// mine had deleted the block), and sync goes on: only these places wait.
//
// `sync_conflicts` is the older way: a whole second version of the story. Its
// open rows, from before this desk could merge, are merged once at start
// (Reconciler.mergeLegacyConflicts) and closed with no choice recorded.
import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { MergeChoice, MergeConflict } from '../../core/merge';
import { storedStoryWire, type StoredStoryWire } from '../../core/sync';
import type { Clock } from '../stories/repository';

export interface StoredConflict {
  id: string;
  storyId: string;
  createdAt: string;
  /** The server's revision the merge was made with. */
  serverRev: number;
  conflict: MergeConflict;
}

interface ConflictRow {
  id: string;
  story_id: string;
  created_at: string;
  server_rev: number;
  conflict: string;
}

function toStored(row: ConflictRow): StoredConflict {
  return {
    id: row.id,
    storyId: row.story_id,
    createdAt: row.created_at,
    serverRev: row.server_rev,
    // Written by this code from core/merge's result.
    conflict: JSON.parse(row.conflict) as MergeConflict,
  };
}

/** Where a conflict is in the story: a new conflict at the same place replaces the older one. */
export function placeOf(conflict: MergeConflict): string {
  return conflict.kind === 'block' ? `block:${conflict.blockId}` : `field:${conflict.field}`;
}

export class ConflictStore {
  private readonly s: ReturnType<typeof prepareStatements>;

  constructor(
    db: Database,
    private readonly clock: Clock,
  ) {
    this.s = prepareStatements(db);
  }

  /** Records what a merge could not settle; an open conflict at the same place is replaced. */
  record(storyId: string, serverRev: number, conflicts: readonly MergeConflict[]): void {
    const now = this.clock().toISOString();
    for (const conflict of conflicts) {
      const place = placeOf(conflict);
      this.s.replace.run({ storyId, place, now });
      this.s.insert.run({ id: uuidv7(), storyId, now, serverRev, place, conflict: JSON.stringify(conflict) });
    }
  }

  get(id: string): StoredConflict | null {
    const row = this.s.get.get(id) as ConflictRow | undefined;
    return row ? toStored(row) : null;
  }

  /** Open conflicts, oldest first: of one story, or of all. */
  list(storyId?: string): StoredConflict[] {
    const rows = (storyId === undefined ? this.s.list.all() : this.s.listOne.all(storyId)) as ConflictRow[];
    return rows.map(toStored);
  }

  settle(id: string, choice: MergeChoice): void {
    this.s.settle.run({ id, choice, now: this.clock().toISOString() });
  }

  /** Stories with a place waiting for a person. */
  openCount(): number {
    return (this.s.count.get() as { n: number }).n;
  }

  /** Whole second versions kept before this desk could merge, still waiting. */
  legacyOpen(): Array<{ id: string; storyId: string; server: StoredStoryWire }> {
    const rows = this.s.legacyOpen.all() as Array<{ id: string; story_id: string; server_stored: string }>;
    return rows.map((row) => ({ id: row.id, storyId: row.story_id, server: storedStoryWire.parse(JSON.parse(row.server_stored)) }));
  }

  /** The older conflict was merged: closed, with both texts kept in its row and no choice recorded. */
  closeLegacy(id: string): void {
    this.s.closeLegacy.run({ id, now: this.clock().toISOString() });
  }
}

function prepareStatements(db: Database) {
  const columns = 'id, story_id, created_at, server_rev, conflict';
  return {
    replace: db.prepare(`
      UPDATE merge_conflicts SET settled_at = @now, choice = 'replaced'
      WHERE story_id = @storyId AND place = @place AND settled_at IS NULL`),
    insert: db.prepare(`
      INSERT INTO merge_conflicts (id, story_id, created_at, server_rev, place, conflict)
      VALUES (@id, @storyId, @now, @serverRev, @place, @conflict)`),
    get: db.prepare(`SELECT ${columns} FROM merge_conflicts WHERE id = ? AND settled_at IS NULL`),
    list: db.prepare(`SELECT ${columns} FROM merge_conflicts WHERE settled_at IS NULL ORDER BY created_at, id`),
    listOne: db.prepare(`SELECT ${columns} FROM merge_conflicts WHERE settled_at IS NULL AND story_id = ? ORDER BY created_at, id`),
    settle: db.prepare('UPDATE merge_conflicts SET settled_at = @now, choice = @choice WHERE id = @id AND settled_at IS NULL'),
    count: db.prepare('SELECT count(DISTINCT story_id) AS n FROM merge_conflicts WHERE settled_at IS NULL'),
    legacyOpen: db.prepare('SELECT id, story_id, server_stored FROM sync_conflicts WHERE resolved_at IS NULL ORDER BY created_at, id'),
    closeLegacy: db.prepare('UPDATE sync_conflicts SET resolved_at = @now WHERE id = @id AND resolved_at IS NULL'),
  };
}
