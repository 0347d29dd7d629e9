import Database from 'better-sqlite3';
import { loadMigrations, migrate, refuseNewerSchema, type Migration } from './migrate';

/**
 * Opens (or creates) the local story store and brings its schema up to date.
 *
 * WAL lets the UI read while a save is being written, and with it synchronous
 * NORMAL loses no committed transaction when the app is killed (a power cut may
 * cost the last few), at a fraction of FULL's cost per save.
 */
export function openStoreDatabase(
  path: string,
  options: { migrations?: readonly Migration[] } = {},
): Database.Database {
  const migrations = options.migrations ?? loadMigrations();
  const db = new Database(path);
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Before switching to WAL, which rewrites the file header: a newer database stays untouched.
    refuseNewerSchema(db, migrations);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
