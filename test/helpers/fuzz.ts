// Run counts and seeds for the fast-check properties (files named
// *.property.test.ts). In `npm test` every property runs a few times with a
// fixed seed, so a failure repeats. `npm run fuzz` runs the same files longer
// with random seeds; every property prints its seed, and fast-check's failure
// report gives the seed and path that replay it:
//   FUZZ_RUNS  runs per property (each property has its own small default)
//   FUZZ_SEED  a seed to replay; without it, FUZZ_RANDOM=1 draws one per property
import type { Parameters } from 'fast-check';

export const FIXED_SEED = 20_251_205;

export function fuzzRuns(defaultRuns: number): number {
  const runs = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(runs) && runs > 0 ? runs : defaultRuns;
}

function seed(): number {
  if (process.env.FUZZ_SEED !== undefined && process.env.FUZZ_SEED !== '') return Number(process.env.FUZZ_SEED) | 0;
  if (process.env.FUZZ_RANDOM === '1') return (Math.random() * 0x7fffffff) | 0;
  return FIXED_SEED;
}

/** fast-check parameters for one property: runs from FUZZ_RUNS, seed fixed, given or random (and then printed). */
export function fuzzParameters<T>(name: string, defaultRuns: number): Parameters<T> {
  const parameters = { numRuns: fuzzRuns(defaultRuns), seed: seed() };
  if (parameters.seed !== FIXED_SEED) {
    console.info(`fuzz: “${name}”: seed ${parameters.seed}, ${parameters.numRuns} runs (replay with FUZZ_SEED=${parameters.seed})`);
  }
  return parameters;
}
