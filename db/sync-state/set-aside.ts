// Pulled changes this desk could not take, each with its reason (see
// migrations/0006). Writing one never fails for the change's sake: the raw text
// is cut, and the story id and headline are read only if they are strings.
import type { Database, Statement } from 'better-sqlite3';
import type { Clock } from '../stories/repository';

export interface SetAsideChange {
  storyId: string | null;
  headline: string;
  reason: string;
  at: string;
}

const RAW_CHARS = 64 * 1024;

function stringAt(value: unknown, ...path: string[]): string | null {
  let node = value;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !(key in node)) return null;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'string' ? node.slice(0, 500) : null;
}

export class SetAsideChanges {
  private readonly insert: Statement;
  private readonly list: Statement;
  private readonly count: Statement;

  constructor(
    db: Database,
    private readonly clock: Clock,
  ) {
    this.insert = db.prepare('INSERT INTO sync_set_aside (story_id, headline, reason, at, raw) VALUES (?, ?, ?, ?, ?)');
    this.list = db.prepare('SELECT story_id AS storyId, headline, reason, at FROM sync_set_aside ORDER BY seq DESC LIMIT ?');
    this.count = db.prepare('SELECT count(*) AS n FROM sync_set_aside');
  }

  record(change: unknown, reason: string): void {
    let raw: string;
    try {
      raw = JSON.stringify(change)?.slice(0, RAW_CHARS) ?? 'null';
    } catch {
      raw = '"(không đọc được)"';
    }
    const storyId = stringAt(change, 'story', 'id');
    const headline = stringAt(change, 'story', 'headline') ?? '';
    this.insert.run(storyId, headline, reason.slice(0, 2_000), this.clock().toISOString(), raw);
  }

  latest(limit = 100): SetAsideChange[] {
    return this.list.all(limit) as SetAsideChange[];
  }

  total(): number {
    return (this.count.get() as { n: number }).n;
  }
}
