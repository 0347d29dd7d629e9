// fast-check settings for every property test: a fixed seed and a modest number
// of runs in `npm test`, or FUZZ_RUNS runs with a random seed in `npm run fuzz`;
// FUZZ_SEED replays a failure fast-check reported.
import type fc from 'fast-check';

const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 0);
const FUZZ_SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

export const FUZZING = FUZZ_RUNS > 0;

/** CI's runs and seed, unless FUZZ_RUNS / FUZZ_SEED say otherwise. */
export function fuzzSettings(ciRuns: number, ciSeed: number): fc.Parameters<unknown> {
  const numRuns = FUZZING ? FUZZ_RUNS : ciRuns;
  const seed = FUZZ_SEED ?? (FUZZING ? undefined : ciSeed);
  return seed === undefined ? { numRuns } : { numRuns, seed };
}

/** A test's time limit: generous when fuzzing for long. */
export const FUZZ_TIMEOUT = FUZZING ? 24 * 3_600_000 : 60_000;
