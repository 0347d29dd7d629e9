// DATABASE_URL picks the storage: unset → ./data/server.db, file:/path → that
// SQLite file, postgres:// or postgresql:// → PostgreSQL.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteStorage } from './sqlite';
import { openPostgresStorage } from './postgres';
import type { Storage } from './types';

export const DEFAULT_SQLITE_FILE = './data/server.db';

export type StorageTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export function storageTarget(databaseUrl: string | undefined): StorageTarget {
  const url = databaseUrl?.trim() ?? '';
  if (url === '') return { kind: 'sqlite', file: resolve(DEFAULT_SQLITE_FILE) };
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  if (url.startsWith('file://')) return { kind: 'sqlite', file: fileURLToPath(url) };
  if (url.startsWith('file:')) return { kind: 'sqlite', file: resolve(url.slice('file:'.length)) };
  throw new Error(`DATABASE_URL không hợp lệ: cần file:/đường/dẫn.db hoặc postgres://… (nhận được "${url.split(':')[0]}:…")`);
}

export async function openStorage(databaseUrl: string | undefined, onPoolError: (error: Error) => void): Promise<Storage> {
  const target = storageTarget(databaseUrl);
  return target.kind === 'sqlite' ? openSqliteStorage(target.file) : openPostgresStorage(target.url, onPoolError);
}
