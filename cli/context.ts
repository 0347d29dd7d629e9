// What every command gets: the opened store (opened lazily, so that a dry run
// never creates a database) and how to print.
import fs from 'node:fs';
import path from 'node:path';
import { defaultSettings, defaultStorePath, LocalStore } from '../service';

export interface CliContext {
  json: boolean;
  dbPath: string;
  store(): LocalStore;
  print(text: string): void;
  printJson(value: unknown): void;
  close(): void;
}

export function createContext(options: { json: boolean; dbPath?: string | undefined }): CliContext {
  const dbPath = path.resolve(options.dbPath ?? defaultStorePath());
  let opened: LocalStore | null = null;
  return {
    json: options.json,
    dbPath,
    store() {
      if (!opened) {
        fs.mkdirSync(path.dirname(dbPath), { recursive: true });
        opened = new LocalStore(dbPath, { defaultSettings: defaultSettings() });
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
