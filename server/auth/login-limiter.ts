// Sign-in attempts are limited per (username, IP): at most `maxAttempts` inside
// `windowMs`, counted in the database BEFORE the password is checked. Counting
// first is what makes the limit hold under concurrency: forty parallel guesses
// each take a number in one atomic statement, and only the first few ever reach
// the (slow) password check; counting failures afterwards let all forty through.
// Being in the database, the count is shared by every server instance on it.
// A successful sign-in clears the pair; a right password after the limit waits
// like a wrong one, since the limit is on the pair, not on wrong guesses.
import type { AccountStore } from '../storage/types';

export type LimiterOptions = { maxFailures: number; windowMs: number };

export class LoginLimiter {
  constructor(
    private readonly accounts: Pick<AccountStore, 'countLoginAttempt' | 'clearLoginAttempts'>,
    private readonly options: LimiterOptions,
  ) {}

  /** Takes one attempt for the pair: 0 when it may check a password now, else milliseconds to wait. */
  async take(username: string, ip: string, now = new Date()): Promise<number> {
    const { attempts, windowStart } = await this.accounts.countLoginAttempt(username, ip, now, this.options.windowMs);
    if (attempts <= this.options.maxFailures) return 0;
    return Math.max(1, windowStart.getTime() + this.options.windowMs - now.getTime());
  }

  async succeeded(username: string, ip: string): Promise<void> {
    await this.accounts.clearLoginAttempts(username, ip);
  }
}
