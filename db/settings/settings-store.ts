// Settings live in the store's `settings` table, one JSON value per key, so that
// a change is one small transaction and a key this version does not know (written
// by a newer Newsdesk) is left alone. A stored value that no longer validates
// falls back to its default instead of locking the user out of the app.
import os from 'node:os';
import type { Database } from 'better-sqlite3';
import { settings as settingsSchema, type Settings } from '../../core/api';

const KEYS = Object.keys(settingsSchema.shape) as Array<keyof Settings>;

/** The OS account name, or a neutral name where the OS has none to give. */
function osUserName(): string {
  try {
    const name = os.userInfo().username.trim();
    return name === '' ? 'Phóng viên' : name.slice(0, 100);
  } catch {
    return 'Phóng viên';
  }
}

export function defaultSettings(userName?: string): Settings {
  return {
    language: 'vi',
    theme: 'system',
    userName: userName?.trim() || osUserName(),
    sectionTargets: {},
    personalDictionary: [],
    serverUrl: '',
  };
}

export class SettingsStore {
  private readonly select;
  private readonly upsert;
  private cached: Settings | null = null;

  constructor(
    private readonly db: Database,
    private readonly defaults: Settings,
  ) {
    this.select = db.prepare('SELECT key, value FROM settings');
    this.upsert = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  read(): Settings {
    if (this.cached) return this.cached;
    const stored = new Map((this.select.all() as Array<{ key: string; value: string }>).map((row) => [row.key, row.value]));
    const merged: Record<string, unknown> = { ...this.defaults };
    for (const key of KEYS) {
      const raw = stored.get(key);
      if (raw === undefined) continue;
      const parsed = settingsSchema.shape[key].safeParse(JSON.parse(raw));
      if (parsed.success) merged[key] = parsed.data;
    }
    this.cached = settingsSchema.parse(merged);
    return this.cached;
  }

  /** Applies a validated partial change in one transaction and returns the whole settings. */
  write(patch: Partial<Settings>): Settings {
    const next = settingsSchema.parse({ ...this.read(), ...patch });
    this.db.transaction(() => {
      for (const key of KEYS) if (key in patch) this.upsert.run(key, JSON.stringify(next[key]));
    })();
    this.cached = next;
    return next;
  }
}
