// Small helpers shared by the benchmarks: percentiles and writing results.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseKind } from '../helpers/server/databases';

export const RESULTS_DIR = fileURLToPath(new URL('../../bench/results/', import.meta.url));

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function machine(): Record<string, string | number> {
  return { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', platform: process.platform };
}

/** Writes bench/results/NAME.json and returns its path. */
export function writeResult(name: string, result: object): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.json`);
  writeFileSync(file, `${JSON.stringify({ benchmark: name, measuredAt: new Date().toISOString(), machine: machine(), ...result }, null, 2)}\n`);
  return file;
}

/** Runs one benchmark against SQLite, then PostgreSQL when TEST_DATABASE_URL names one. */
export async function onEachDatabase(label: string, skipReason: string, benchOne: (kind: DatabaseKind) => Promise<object>): Promise<object[]> {
  const runs: object[] = [];
  for (const kind of ['sqlite', 'postgres'] as const) {
    if (kind === 'postgres' && !process.env.TEST_DATABASE_URL) {
      process.stderr.write(`PostgreSQL skipped: ${skipReason}\n`);
      runs.push({ database: kind, skipped: skipReason });
      continue;
    }
    process.stderr.write(`${label}: ${kind}…\n`);
    runs.push(await benchOne(kind));
  }
  return runs;
}
