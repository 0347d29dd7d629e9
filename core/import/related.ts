// The related-story line is the titles of related stories run together, with
// no separator. Alone it cannot be split, so it is kept raw; once the store
// knows some headlines, the line can be cut at them.
//
// Rule R: the line is read word by word (words are separated by whitespace).
// At each word, the longest known title whose words match the words from here
// on is taken, comparing words folded (foldForSearch: case, tones and the
// placement of tones do not matter). A matched title is returned as the store
// spells it. Words that start no known title collect into one raw piece, kept
// between the titles where it stood. A line with no known title in it comes
// back whole, as one raw piece.
//
// Where the rule runs, and with which titles:
//   - on import, with the headlines the desk's store holds (the archive
//     teasers of --with-teasers among them);
//   - on the public site, each time an article page is made, over the pieces
//     still without a link, with the headlines of published stories
//     (core/site/related-line.ts): a title that matches one becomes a link.
// Nothing is cut by guesswork. A line cannot be split by its letters alone:
// a title may end in a name and the next begin with one ("…ngành Công Thương
// Hà Nội Ba Đình: Chú trọng…" in the sample is "…Hà Nội" + "Ba Đình: …"),
// and a name may hold lower-case words ("Công đoàn ngành Công Thương Hà Nội"),
// so a cut by capitals would make titles that never ran. Raw text shows as
// text until the titles in it are known.
import { foldForSearch, normalizeText } from '../text';

type KnownTitle = { text: string; words: string[] };

function words(text: string): string[] {
  return text.split(/\s+/u).filter((word) => word !== '');
}

type TitleIndex = Map<string, KnownTitle[]>;

// A batch import passes the store's whole headline list for every file; the
// index is built once per list (the list is taken as immutable).
const indexes = new WeakMap<readonly string[], TitleIndex>();

function titleIndex(knownTitles: readonly string[]): TitleIndex {
  const cached = indexes.get(knownTitles);
  if (cached) return cached;
  const byFirstWord: TitleIndex = new Map();
  for (const title of knownTitles) {
    const titleWords = words(normalizeText(title));
    const folded = titleWords.map(foldForSearch);
    const first = folded[0];
    if (first === undefined) continue;
    const bucket = byFirstWord.get(first) ?? [];
    bucket.push({ text: titleWords.join(' '), words: folded });
    byFirstWord.set(first, bucket);
  }
  indexes.set(knownTitles, byFirstWord);
  return byFirstWord;
}

export type RelatedSplit = {
  /** Known titles and the raw text between them, in the line's order. */
  pieces: string[];
  /** How many of the pieces are known titles. */
  matched: number;
};

/** Splits the related-story line at the known titles in it (rule R). */
export function splitRelatedLine(line: string, knownTitles: readonly string[]): RelatedSplit {
  const lineWords = words(line);
  if (lineWords.length === 0) return { pieces: [], matched: 0 };

  const byFirstWord = titleIndex(knownTitles);
  const foldedLine = lineWords.map(foldForSearch);
  const pieces: string[] = [];
  let raw: string[] = [];
  let matched = 0;
  let at = 0;
  while (at < lineWords.length) {
    const match = longestTitleAt(foldedLine, at, byFirstWord.get(foldedLine[at] ?? '') ?? []);
    if (match === null) {
      raw.push(lineWords[at] ?? '');
      at++;
      continue;
    }
    if (raw.length > 0) pieces.push(raw.join(' '));
    raw = [];
    pieces.push(match.text);
    matched++;
    at += match.words.length;
  }
  if (raw.length > 0) pieces.push(raw.join(' '));
  return { pieces, matched };
}

function longestTitleAt(foldedLine: string[], at: number, candidates: KnownTitle[]): KnownTitle | null {
  let best: KnownTitle | null = null;
  for (const candidate of candidates) {
    if (best !== null && candidate.words.length <= best.words.length) continue;
    if (candidate.words.every((word, k) => foldedLine[at + k] === word)) best = candidate;
  }
  return best;
}
