// How text becomes search terms, in one place, so that what is indexed, what is
// queried and what is highlighted all agree. FTS5's unicode61 tokenizer splits on
// anything that is not a letter or digit; words here are cut the same way, but
// on the original text (marks included) and then folded one word at a time, so
// a highlight always covers exactly the accented word that matched.
import { foldForSearch } from '../core/text';

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const MAX_QUERY_TERMS = 32;

export interface Word {
  start: number;
  end: number;
  folded: string;
}

// Vietnamese has a few thousand distinct syllables, so folding each word once
// and remembering it keeps snippets of long bodies cheap.
const foldedWords = new Map<string, string>();
const FOLDED_WORDS_LIMIT = 50_000;

function foldWord(word: string): string {
  let folded = foldedWords.get(word);
  if (folded === undefined) {
    if (foldedWords.size >= FOLDED_WORDS_LIMIT) foldedWords.clear();
    folded = foldForSearch(word);
    foldedWords.set(word, folded);
  }
  return folded;
}

/** The words of a text with their [start, end) offsets and folded forms. */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const folded = foldWord(match[0]);
    if (folded !== '') words.push({ start: match.index, end: match.index + match[0].length, folded });
  }
  return words;
}

/**
 * What the full-text index is given for a text. Folding the whole text at once
 * splits into the same words as wordsOf: folding only removes marks and maps
 * letters to letters, it never joins or splits words.
 */
export function foldedForIndex(text: string): string {
  return foldForSearch(text);
}

/** A user's query as folded terms; the last one is matched as a prefix, as the user may still be typing it. */
export function queryTerms(query: string): string[] {
  return wordsOf(query)
    .map((word) => word.folded)
    .slice(0, MAX_QUERY_TERMS);
}

/**
 * The FTS5 MATCH expression for the terms: each one quoted, so that nothing a
 * user types (quotes, AND, NEAR, *, parentheses) is read as query syntax. Terms
 * hold only letters and digits, so they can never contain a quote themselves.
 */
export function matchExpression(terms: readonly string[]): string {
  return terms.map((term, index) => `"${term}"${index === terms.length - 1 ? '*' : ''}`).join(' ');
}

/** Whether a folded word matches a term; the last term of a query matches as a prefix. */
export function wordMatches(word: string, term: string, isPrefix: boolean): boolean {
  return isPrefix ? word.startsWith(term) : word === term;
}
