// Work the store keeps out of its writes, for the app to run when it is idle
// (after a second or so without writes, and again while this says work is left).
//
// Merging the search index: FTS5 writes each transaction's terms as a new
// segment and merges segments later. Left to do that inside writes (automerge),
// it adds merge work in proportion to what a write wrote times the number of
// levels, so right after an import one save of a 5,000-word story in ten took
// 10 ms instead of 3 to 4. 0005_search_prefixes.sql turns that off; the merging
// happens here instead, and FTS5 still merges a level by itself once it holds
// 16 segments, so the index stays bounded if nobody calls this.
//
// Checkpointing the WAL: SQLite copies the write-ahead log into the database
// file, by default inside whichever commit takes the log past 1,000 pages, with
// two fsyncs. Done here first, that happens between writes instead of in one.
import type { Database } from 'better-sqlite3';

/** Pages FTS5 may write per merge step: a few milliseconds. */
const MERGE_PAGES = 128;

interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/**
 * One bounded step of deferred work: merges some search-index segments, then
 * checkpoints the WAL without waiting for readers. Returns true while work is
 * left, so that the caller runs it again at its next idle moment.
 */
export function tidyStore(db: Database): boolean {
  const changesBefore = db.prepare('SELECT total_changes()').pluck().get() as number;
  db.exec(`INSERT INTO stories_fts (stories_fts, rank) VALUES ('merge', ${MERGE_PAGES})`);
  const changesAfter = db.prepare('SELECT total_changes()').pluck().get() as number;
  // FTS5's documented signal: a merge that found nothing to merge changes fewer than two rows.
  const merged = changesAfter - changesBefore >= 2;
  const [checkpoint] = db.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[];
  const walLeft = checkpoint !== undefined && checkpoint.checkpointed < checkpoint.log;
  return merged || walLeft;
}
