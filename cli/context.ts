// What every command gets: the opened store (opened lazily, so that a dry run
// never creates a database) and how to print.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { openStoreDatabase } from '../db';
import { defaultStorePath } from '../service/data-dir';

export interface CliContext {
  json: boolean;
  dbPath: string;
  db(): Database;
  print(text: string): void;
  printJson(value: unknown): void;
  close(): void;
}

export function createContext(options: { json: boolean; dbPath?: string | undefined }): CliContext {
  const dbPath = path.resolve(options.dbPath ?? defaultStorePath());
  let opened: Database | null = null;
  return {
    json: options.json,
    dbPath,
    db() {
      if (!opened) {
        fs.mkdirSync(path.dirname(dbPath), { recursive: true });
        opened = openStoreDatabase(dbPath);
      }
      return opened;
    },
    print(text) {
      process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    },
    printJson(value) {
      process.stdout.write(`${JSON.stringify(value)}\n`);
    },
    close() {
      opened?.close();
      opened = null;
    },
  };
}
