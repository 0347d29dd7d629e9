// Real lines from shared/samples, read once for the text and story tests.
import { readFileSync } from 'node:fs';

const SAMPLES_DIR = new URL('../../../shared/samples/articles/', import.meta.url);

export const SAMPLE_FILES = ['ldld-hai-ba-trung-doi-moi.txt', 'cum-thi-dua-so-4-cham-lo-doan-vien.txt'] as const;

export function sampleText(file: (typeof SAMPLE_FILES)[number]): string {
  return readFileSync(new URL(file, SAMPLES_DIR), 'utf8');
}

/** The sample's non-empty lines, in order. */
export function sampleLines(file: (typeof SAMPLE_FILES)[number]): string[] {
  return sampleText(file)
    .split('\n')
    .filter((line) => line.trim() !== '');
}

/** A line of a sample that starts with `prefix`; fails loudly if the sample changed. */
export function sampleLine(file: (typeof SAMPLE_FILES)[number], prefix: string): string {
  const line = sampleLines(file).find((l) => l.startsWith(prefix));
  if (line === undefined) throw new Error(`No line starting with "${prefix}" in ${file}`);
  return line;
}
