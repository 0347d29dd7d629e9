// How text becomes search terms, in one place, so that what is indexed, what is
// queried and what is highlighted all agree.
//
// Folding (point 5: case, tone marks and every other diacritic, đ → d) is done
// by FTS5's unicode61 tokenizer with remove_diacritics 2 on both sides: it folds
// every Vietnamese letter, in NFC or NFD, exactly as foldForSearch does (a test
// walks the whole alphabet), except đ/Đ, which Unicode does not decompose, so
// that one letter is mapped here. Handing the tokenizer the text itself instead
// of a copy folded in JavaScript saves re-writing every story on each import
// and save, and keeps the index and the query consistent by construction: both
// are the same text through the same tokenizer.
//
// Snippets cut words the way the tokenizer does (anything that is not a letter,
// mark or digit separates them), on the original text, then fold each word with
// foldForSearch, so a highlight always covers exactly the accented word that matched.
import { foldForSearch } from '../../core/text';

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const DJ = /[đĐ]/g;
const MAX_QUERY_TERMS = 32;

export interface Word {
  start: number;
  end: number;
  folded: string;
}

export interface QueryTerm {
  /** As foldForSearch gives it: what snippets compare words with. */
  folded: string;
  /** As the index is given text (foldedForIndex): what FTS5 matches. */
  indexed: string;
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

/** What the full-text index is given for a text: the text with đ/Đ as d (the tokenizer folds the rest). */
export function foldedForIndex(text: string): string {
  return text.replace(DJ, 'd');
}

/** A user's query as terms; the last one is matched as a prefix, as the user may still be typing it. */
export function queryTerms(query: string): QueryTerm[] {
  return wordsOf(query)
    .slice(0, MAX_QUERY_TERMS)
    .map((word) => ({ folded: word.folded, indexed: foldedForIndex(query.slice(word.start, word.end)) }));
}

/**
 * The FTS5 phrase for each term: quoted, so that nothing a user types (quotes,
 * AND, NEAR, *, parentheses) is read as query syntax, and the last one as a
 * prefix. Terms hold only letters, marks and digits, so never a quote.
 */
export function matchPhrases(terms: readonly QueryTerm[]): string[] {
  return terms.map((term, index) => `"${term.indexed}"${index === terms.length - 1 ? '*' : ''}`);
}

/** Whether a folded word matches a term; the last term of a query matches as a prefix. */
export function wordMatches(word: string, term: string, isPrefix: boolean): boolean {
  return isPrefix ? word.startsWith(term) : word === term;
}
