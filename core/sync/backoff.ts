// Retry delays for the sync worker: exponential backoff with "full jitter"
// (a uniform pick between zero and the exponential ceiling). Jitter spreads a
// newsroom's laptops out when the server comes back, instead of every one of
// them knocking at the same second.
export interface BackoffPolicy {
  /** The ceiling of the first retry. */
  baseMs: number;
  /** No retry waits longer than this. */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 60_000 };

/** The ceiling after `failures` failures in a row (1 = the first failure). */
export function backoffCeiling(failures: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, failures - 1);
  // 2^exponent overflows to Infinity long after it passed the cap, so min() is enough.
  return Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
}

/** The wait before the next try; `random` returns a number in [0, 1). */
export function backoffDelay(failures: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * backoffCeiling(failures, policy));
}
