// What differs between SQLite and PostgreSQL, in one place (Ghost's sql-helpers
// idea). Everything else in ./sqlite and ./postgres is the same story told with
// each driver: both spell "insert unless present" as ON CONFLICT DO NOTHING.
//   - a unique violation: better-sqlite3's SQLITE_CONSTRAINT_UNIQUE / PRIMARYKEY, pg's 23505;
//   - a transaction to run again: pg's deadlock (40P01) and serialization failure (40001);
//     SQLite serializes writers with BEGIN IMMEDIATE and never needs one;
//   - placeholders: `?` / `@name` for better-sqlite3, `$1…` for pg (written in each file);
//   - JSON: TEXT checked with json_valid() in SQLite, json/jsonb in PostgreSQL (see ./migrations);
//   - times: ISO-8601 text in SQLite, timestamptz (a Date from pg); ./rows reads both.
export type DialectName = 'sqlite' | 'postgres';

const UNIQUE_VIOLATIONS = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY', '23505']);
const RETRYABLE = new Set(['40P01', '40001']);

function codeOf(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return typeof code === 'string' ? code : undefined;
}

export function isUniqueViolation(error: unknown): boolean {
  return UNIQUE_VIOLATIONS.has(codeOf(error) ?? '');
}

/** A transaction the database gave up on as a whole; nothing was written, so it may run again. */
export function isRetryableTransaction(error: unknown): boolean {
  return RETRYABLE.has(codeOf(error) ?? '');
}

/** The bookkeeping table of ./migrations/runner, in each database's types. */
export const SCHEMA_MIGRATIONS_TABLE: Record<DialectName, string> = {
  sqlite: 'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  postgres:
    'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)',
};
