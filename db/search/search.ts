// Full-text search over the local store. The index holds live stories only (the
// repository takes a story out when it goes to the trash), matching is done by
// FTS5 (see search-text.ts for how text is folded) and ranking by bm25 with the
// headline weighted above the sapo above the body (see search-rank.ts); only
// the hits shown are read from the stories table.
//
// Snippets are HTML: the original, accented text with the matched words wrapped
// in <mark>…</mark> and everything else HTML-escaped, so a renderer may insert
// the string as markup and a terminal may print it as is.
import type { Database, Statement } from 'better-sqlite3';
import { rankMatches } from './search-rank';
import { matchPhrases, queryTerms, wordMatches, wordsOf, type Word } from './search-text';
import { escapeAttribute } from '../../core/render/escape';
import { foldForSearch, placeTonesInText } from '../../core/text';

export interface SearchHit {
  id: string;
  /** The original headline, as plain text. */
  headline: string;
  /** About 30 words around the best match, as escaped HTML with <mark> highlights. */
  snippet: string;
  /** Minus the bm25 score, as FTS5 reports rank: lower (more negative) is better. Hits come best first. */
  rank: number;
}

export interface SearchOptions {
  limit?: number;
}

const DEFAULT_LIMIT = 20;
const SNIPPET_WORDS = 30;
/** How many words of context come before the first match in a snippet. */
const SNIPPET_LEAD = 8;

interface HitRow {
  id: string;
  headline: string;
  sapo: string;
  body_text: string;
}

const statements = new WeakMap<Database, Statement>();

function hitStatement(db: Database): Statement {
  let statement = statements.get(db);
  if (!statement) {
    statement = db.prepare('SELECT id, headline, sapo, body_text FROM stories WHERE seq = ?');
    statements.set(db, statement);
  }
  return statement;
}

/** Stories matching every word of the query (the last as a prefix), accents and case ignored, best first. */
export function searchStories(db: Database, query: string, options: SearchOptions = {}): SearchHit[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const limit = Math.max(1, Math.min(options.limit ?? DEFAULT_LIMIT, 500));
  const folded = terms.map((term) => term.folded);
  const marked = markedTerms(query);
  // A query with tone marks looks further down the folded ranking for stories that have them exactly.
  const window = marked.length > 0 ? Math.min(500, Math.max(limit * 3, 60)) : limit;
  const matches: Array<{ row: HitRow; rank: number; exact: number }> = [];
  for (const { seq, rank } of rankMatches(db, matchPhrases(terms), window)) {
    const row = hitStatement(db).get(seq) as HitRow | undefined;
    if (row) matches.push({ row, rank, exact: marked.length === 0 ? 0 : exactMatches(row, marked) });
  }
  if (marked.length > 0) matches.sort((a, b) => b.exact - a.exact || a.rank - b.rank);
  // Snippets only for the hits shown: cutting one walks the whole text.
  return matches.slice(0, limit).map(({ row, rank }) => ({ id: row.id, headline: row.headline, snippet: snippetFor(row, folded), rank }));
}

/**
 * Tone marks tell apart words that fold alike: "Hường" (a name) is not "hướng".
 * For each query word typed with a mark or đ, a pattern that finds it with
 * exactly those marks, in either tone placement (hoà = hòa), ignoring case; the
 * last word as a prefix, as the search is typed. Regexes over the stored (NFC)
 * text: native speed, whatever the length of a body.
 */
function markedTerms(query: string): RegExp[] {
  const typed = query.normalize('NFC');
  const words = wordsOf(typed);
  return words.flatMap((word, index) => {
    const text = typed.slice(word.start, word.end);
    if (foldForSearch(text) === text.toLowerCase()) return [];
    const spellings = [...new Set(['first', 'second'].map((p) => placeTonesInText(text.toLowerCase(), p as 'first' | 'second')))];
    const end = index === words.length - 1 ? '' : '(?![\\p{L}\\p{M}\\p{N}])';
    return [new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${spellings.map(escapeRegExp).join('|')})${end}`, 'iu')];
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** How many of the marked query words the story has with exactly those marks. */
function exactMatches(row: HitRow, marked: readonly RegExp[]): number {
  return marked.filter((pattern) => pattern.test(row.headline) || pattern.test(row.sapo) || pattern.test(row.body_text)).length;
}

/**
 * Which query term each word matches (-1 for none). The last term is a prefix,
 * and a one-letter prefix like the "l" of "chăm l" would light up every "lợi"
 * and "là" in the text; so when the text has the prefix right after the term
 * before it ("chăm lo"), only those continuations are marked.
 */
function termMatches(words: readonly Word[], terms: readonly string[]): number[] {
  const last = terms.length - 1;
  const prefix = terms[last] ?? '';
  const exact = words.map((word) => terms.findIndex((term, index) => index < last && word.folded === term));
  const isPrefix = words.map((word) => wordMatches(word.folded, prefix, true));
  const continues = isPrefix.map((match, i) => match && i > 0 && exact[i - 1] === last - 1);
  const prefixMarks = continues.some(Boolean) ? continues : isPrefix;
  return words.map((_, i) => {
    const term = exact[i] ?? -1;
    if (term !== -1) return term;
    return prefixMarks[i] ? last : -1;
  });
}

/**
 * The window of text with the most distinct query terms (then the most matches),
 * starting a few words before a match; the headline when the sapo and body have none.
 */
export function snippetFor(texts: { headline: string; sapo: string; body_text: string }, terms: readonly string[]): string {
  const text = texts.body_text === '' ? texts.sapo : `${texts.sapo}\n${texts.body_text}`;
  const words = wordsOf(text);
  const matches = termMatches(words, terms);
  let best: { start: number; distinct: number; count: number } | null = null;
  for (let i = 0; i < words.length; i++) {
    if (matches[i] === -1) continue;
    const start = Math.max(0, i - SNIPPET_LEAD);
    const window = matches.slice(start, start + SNIPPET_WORDS).filter((term) => term !== -1);
    const distinct = new Set(window).size;
    if (!best || distinct > best.distinct || (distinct === best.distinct && window.length > best.count)) {
      best = { start, distinct, count: window.length };
    }
  }
  if (!best) {
    const headlineWords = wordsOf(texts.headline);
    return highlight(texts.headline, headlineWords, termMatches(headlineWords, terms), 0, headlineWords.length);
  }
  const end = Math.min(best.start + SNIPPET_WORDS, words.length);
  const before = best.start > 0 ? '… ' : '';
  const after = end < words.length ? ' …' : '';
  return before + highlight(text, words, matches, best.start, end) + after;
}

/** Words [first, end) of the text as escaped HTML, matched words in <mark>, with the punctuation around them. */
function highlight(text: string, words: readonly Word[], matches: readonly number[], first: number, end: number): string {
  const from = first === 0 ? 0 : (words[first]?.start ?? 0);
  // Keep the punctuation that closes the last word ("động." rather than "động").
  const next = words[end]?.start ?? text.length;
  const lastEnd = words[end - 1]?.end ?? text.length;
  const gap = text.slice(lastEnd, next);
  const space = gap.search(/\s/);
  const to = end === words.length ? text.length : lastEnd + (space === -1 ? gap.length : space);
  let html = '';
  let cursor = from;
  for (let i = first; i < end; i++) {
    const word = words[i];
    if (!word || matches[i] === -1) continue;
    html += escapeAttribute(text.slice(cursor, word.start)) + '<mark>' + escapeAttribute(text.slice(word.start, word.end)) + '</mark>';
    cursor = word.end;
  }
  html += escapeAttribute(text.slice(cursor, to));
  return html.replace(/\s+/g, ' ').trim();
}
