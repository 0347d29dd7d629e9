// Schema changes are numbered SQL files in ./migrations (NNNN_what.sql). Each one
// runs in its own transaction together with the bump of PRAGMA user_version, so
// a database is always at exactly one known version, never half-way between two.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import { StoreError } from './errors';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATION_FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

const DEFAULT_FOLDER = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Reads the migration files, in order, checking that they are numbered 1, 2, 3… with no gap. */
export function loadMigrations(folder: string = DEFAULT_FOLDER): Migration[] {
  const migrations: Migration[] = [];
  for (const file of readdirSync(folder).sort()) {
    if (!file.endsWith('.sql')) continue;
    const match = MIGRATION_FILE.exec(file);
    if (!match) {
      throw new StoreError('MIGRATIONS_BROKEN', `Tệp nâng cấp cơ sở dữ liệu có tên sai quy ước: ${file}`);
    }
    migrations.push({ version: Number(match[1]), name: match[2] ?? file, sql: readFileSync(`${folder}/${file}`, 'utf8') });
  }
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new StoreError(
        'MIGRATIONS_BROKEN',
        `Các tệp nâng cấp cơ sở dữ liệu phải được đánh số liên tiếp từ 0001; thiếu hoặc trùng số ${index + 1}`,
      );
    }
  });
  return migrations;
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Throws DB_NEWER_THAN_APP, before anything is written, when the schema is past the last migration. */
export function refuseNewerSchema(db: Database, migrations: readonly Migration[] = loadMigrations()): void {
  const current = schemaVersion(db);
  const latest = migrations.length;
  if (current > latest) {
    throw new StoreError(
      'DB_NEWER_THAN_APP',
      `Cơ sở dữ liệu này do một phiên bản Newsdesk mới hơn tạo ra (lược đồ số ${current}, ` +
        `ứng dụng này chỉ biết tới số ${latest}). Hãy cập nhật Newsdesk để mở nó; dữ liệu chưa bị thay đổi.`,
    );
  }
}

/**
 * Brings the database up to the last migration. A database written by a newer
 * Newsdesk is refused untouched: this app cannot know what the newer schema means.
 */
export function migrate(db: Database, migrations: readonly Migration[] = loadMigrations()): void {
  refuseNewerSchema(db, migrations);
  for (const migration of migrations.slice(schemaVersion(db))) {
    const apply = db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    });
    try {
      apply();
    } catch (error) {
      throw new StoreError(
        'MIGRATION_FAILED',
        `Không nâng cấp được cơ sở dữ liệu ở bước ${migration.version} (${migration.name}); ` +
          `dữ liệu vẫn ở lược đồ số ${schemaVersion(db)}.`,
        { cause: error },
      );
    }
  }
}
