// Failed logins are limited per (username, IP): after MAX_FAILURES inside WINDOW,
// that pair is refused until the window passes; a success clears it.
//
// Why in memory: it is a few lines, needs no table or cleanup job, and a restart
// forgetting it costs an attacker's luck, not users' data. The limitation: with
// several stateless instances behind one PostgreSQL, each instance counts on its
// own, so an attacker spread over N instances gets N × MAX_FAILURES tries per
// window. scrypt (~50 ms a guess) still keeps that slow; a shared limiter would be
// a `login_failures` table counted in the same transaction as the check.
export type LimiterOptions = { maxFailures: number; windowMs: number; maxKeys?: number };

type Entry = { failures: number; windowStart: number };

export class LoginLimiter {
  private readonly entries = new Map<string, Entry>();
  private readonly maxKeys: number;

  constructor(private readonly options: LimiterOptions) {
    this.maxKeys = options.maxKeys ?? 10_000;
  }

  private key(username: string, ip: string): string {
    return `${username}\u0000${ip}`;
  }

  /** Milliseconds until this pair may try again; 0 when it may try now. */
  retryAfterMs(username: string, ip: string, now = Date.now()): number {
    const entry = this.entries.get(this.key(username, ip));
    if (!entry) return 0;
    const elapsed = now - entry.windowStart;
    if (elapsed >= this.options.windowMs) return 0;
    return entry.failures >= this.options.maxFailures ? this.options.windowMs - elapsed : 0;
  }

  recordFailure(username: string, ip: string, now = Date.now()): void {
    const key = this.key(username, ip);
    const entry = this.entries.get(key);
    if (!entry || now - entry.windowStart >= this.options.windowMs) {
      this.entries.delete(key);
      // Bounded memory: the oldest pair goes first (Map keeps insertion order).
      if (this.entries.size >= this.maxKeys) {
        const oldest = this.entries.keys().next();
        if (!oldest.done) this.entries.delete(oldest.value);
      }
      this.entries.set(key, { failures: 1, windowStart: now });
      return;
    }
    entry.failures += 1;
  }

  recordSuccess(username: string, ip: string): void {
    this.entries.delete(this.key(username, ip));
  }
}
