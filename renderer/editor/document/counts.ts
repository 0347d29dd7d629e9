// Length is what an editor asks about first: words (syllables, "chữ"), minutes
// to read, and how far the story is from its section's target.
import { countWords, readingTime } from '../../../core/text';

/**
 * A sapo is a lead, not a paragraph. The paper's own sapos run 60 and 90 words
 * (see the samples), so the hint warns below 30 and above 100.
 */
export const SAPO_WORDS = { min: 30, max: 100 } as const;

export interface StoryCounts {
  words: number;
  minutes: number;
  /** The section's target in words, or null when the section has none. */
  target: number | null;
  /** words / target, capped at 1, for a progress bar; null without a target. */
  progress: number | null;
}

/** `bodyText` is plainTextOfBody(body): captions count, related-story titles do not. */
export function storyCounts(parts: { headline: string; sapo: string; bodyText: string }, target: number | undefined): StoryCounts {
  const text = [parts.headline, parts.sapo, parts.bodyText].join('\n\n');
  const words = countWords(text);
  return {
    words,
    minutes: readingTime(text),
    target: target ?? null,
    progress: target === undefined ? null : Math.min(1, words / target),
  };
}

export type SapoLength = 'empty' | 'short' | 'ok' | 'long';

export function sapoLength(sapo: string): { words: number; verdict: SapoLength } {
  const words = countWords(sapo);
  const verdict: SapoLength = words === 0 ? 'empty' : words < SAPO_WORDS.min ? 'short' : words > SAPO_WORDS.max ? 'long' : 'ok';
  return { words, verdict };
}
