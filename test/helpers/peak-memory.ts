// Peak memory of the processes a test starts. Preloaded into a child
// (`node --import tsx --import ./test/helpers/peak-memory.ts …`), this module
// writes the child's peak resident set size, in KB, to the file named by
// NEWSDESK_PEAK_MEMORY_FILE when the child exits, however it exits. For a child
// that stays up, peakRssKb reads the same figure from /proc while it runs.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PEAK_MEMORY_PRELOAD = fileURLToPath(import.meta.url);
export const PEAK_MEMORY_FILE_ENV = 'NEWSDESK_PEAK_MEMORY_FILE';

const reportTo = process.env[PEAK_MEMORY_FILE_ENV];
if (reportTo) {
  process.on('exit', () => writeFileSync(reportTo, String(process.resourceUsage().maxRSS)));
}

/** The peak resident set size so far (VmHWM) of a running process, in KB (Linux). */
export function peakRssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmHWM:\s+(\d+) kB$/mu.exec(status);
  if (!match) throw new Error(`no VmHWM for process ${pid}`);
  return Number(match[1]);
}

/** The peak a preloaded child wrote when it exited, in KB. */
export function reportedPeakKb(file: string): number {
  return Number(readFileSync(file, 'utf8'));
}
