// Rendered pages are kept in memory, keyed by path and tagged with the site
// version they were rendered at. Every change readers can see bumps the version
// in the database (in the same transaction), so a page is reused exactly until
// something on it could differ; article bodies are cached per (story, rev).
//
// With several instances on one PostgreSQL, each instance re-reads the version
// at most every SITE_REFRESH_MS, so another instance's publish shows here within
// that time; this instance's own writes invalidate at once.
import { createHash } from 'node:crypto';

export type Page = {
  status: number;
  contentType: string;
  body: string;
  etag: string;
  cacheControl: string;
  location?: string;
};

export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** True when an If-None-Match header names this ETag (or "*"). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '');
    return tag === etag || tag === '*';
  });
}

/** A size-bounded map that forgets the least recently used entry first. */
export class LruMap<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
  }
}

export class SiteClock {
  private value = 0;
  private readAt = -Infinity;
  private inflight: Promise<number> | null = null;

  constructor(
    private readonly read: () => Promise<number>,
    private readonly refreshMs: number,
  ) {}

  async current(): Promise<number> {
    if (performance.now() - this.readAt < this.refreshMs) return this.value;
    this.inflight ??= this.read()
      .then((v) => {
        this.value = v;
        this.readAt = performance.now();
        return v;
      })
      .finally(() => {
        this.inflight = null;
      });
    return this.inflight;
  }

  /** This instance just wrote: the next request reads the version afresh. */
  invalidate(): void {
    this.readAt = -Infinity;
  }
}

/** Pages by key and version; concurrent misses for one key share one render. */
export class PageCache {
  private readonly pages: LruMap<{ version: number; page: Page }>;
  private readonly rendering = new Map<string, Promise<Page>>();

  constructor(capacity = 5_000) {
    this.pages = new LruMap(capacity);
  }

  async get(key: string, version: number, render: () => Promise<Page>): Promise<Page> {
    const hit = this.pages.get(key);
    if (hit && hit.version === version) return hit.page;
    const renderKey = `${version}\u0000${key}`;
    let pending = this.rendering.get(renderKey);
    if (!pending) {
      pending = render().finally(() => this.rendering.delete(renderKey));
      this.rendering.set(renderKey, pending);
    }
    const page = await pending;
    // Not-found pages are cheap to make and unbounded in number: not worth keeping.
    if (page.status !== 404) this.pages.set(key, { version, page });
    return page;
  }
}
