// Which matches of a search come first.
//
// The rule: bm25 over the query's terms, a term weighing 10 in the headline, 4
// in the sapo and 1 in the body (it counts once per column it is in), with the
// usual k1 = 1.2 and b = 0.75 against the story's length in tokens, and each
// term's inverse document frequency as FTS5 computes it. When more than
// RANKED_MATCHES stories match, only the newest RANKED_MATCHES are ranked: the
// common words of a newsroom's beat are in nearly every story, and among
// thousands of matches the recent ones are what an editor is after; an older
// story is found by adding a rarer word, which narrows the matches.
//
// Why not FTS5's own bm25(): on every query it counts each term's documents by
// reading the term's whole doclist, 20 to 40 ms at 100,000 stories when the
// words are common, however few rows it then scores. Document frequencies
// change slowly, so here they are counted once and kept until the number of
// indexed stories has moved by STALE_FRACTION. The rest comes from what FTS5
// keeps anyway: the row count and token totals (its averages record) and each
// row's length in tokens (its docsize table), both lists of varints; which
// column holds a term comes from queries filtered on that column, over the
// candidates' rowids only.
import type { Database, Statement } from 'better-sqlite3';

/** How many of the newest matches are ranked. */
export const RANKED_MATCHES = 1000;

const COLUMNS = [
  { name: 'headline', weight: 10 },
  { name: 'sapo', weight: 4 },
  { name: 'body', weight: 1 },
] as const;
const K1 = 1.2;
const B = 0.75;
/** FTS5's floor for the IDF of a term in more than half the stories. */
const MIN_IDF = 1e-6;
/** Cached document frequencies are dropped once the story count has changed by this fraction. */
const STALE_FRACTION = 0.02;
const CACHED_TERMS_LIMIT = 10_000;

export interface RankedMatch {
  seq: number;
  /** Minus the bm25 score, as FTS5 reports rank: lower is better. */
  rank: number;
}

interface Candidate {
  seq: number;
  sizes: Buffer;
}

interface Statements {
  candidates: Statement;
  inColumn: Statement;
  count: Statement;
  averages: Statement;
}

interface DocumentFrequencies {
  rows: number;
  counts: Map<string, number>;
}

const statements = new WeakMap<Database, Statements>();
const frequencies = new WeakMap<Database, DocumentFrequencies>();

function statementsFor(db: Database): Statements {
  let prepared = statements.get(db);
  if (!prepared) {
    prepared = {
      // FTS5 hands matches over newest first without scoring them; the join reads each one's length.
      candidates: db.prepare(`
        SELECT stories_fts.rowid AS seq, d.sz AS sizes
        FROM stories_fts JOIN stories_fts_docsize AS d ON d.id = stories_fts.rowid
        WHERE stories_fts MATCH ? ORDER BY stories_fts.rowid DESC LIMIT ?`),
      // Rowids must be bound as integers (BigInt): FTS5 ignores a REAL bound and reads every match.
      inColumn: db.prepare('SELECT rowid FROM stories_fts WHERE stories_fts MATCH ? AND rowid BETWEEN ? AND ?').pluck(),
      count: db.prepare('SELECT count(*) FROM stories_fts WHERE stories_fts MATCH ?').pluck(),
      averages: db.prepare('SELECT block FROM stories_fts_data WHERE id = 1').pluck(),
    };
    statements.set(db, prepared);
  }
  return prepared;
}

/** The SQLite varints of an FTS5 record, in order. */
function varints(bytes: Uint8Array): number[] {
  const values: number[] = [];
  let value = 0;
  for (const byte of bytes) {
    value = value * 128 + (byte & 0x7f);
    if (byte < 0x80) {
      values.push(value);
      value = 0;
    }
  }
  return values;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** How many indexed stories contain the phrase; see the top of the file for how long a count is kept. */
function documentFrequency(db: Database, count: Statement, phrase: string, rows: number): number {
  let cached = frequencies.get(db);
  if (!cached || Math.abs(rows - cached.rows) > cached.rows * STALE_FRACTION || cached.counts.size >= CACHED_TERMS_LIMIT) {
    cached = { rows, counts: new Map() };
    frequencies.set(db, cached);
  }
  let documents = cached.counts.get(phrase);
  if (documents === undefined) {
    documents = count.get(phrase) as number;
    cached.counts.set(phrase, documents);
  }
  return documents;
}

function inverseDocumentFrequency(rows: number, documents: number): number {
  return Math.max(MIN_IDF, Math.log((rows - documents + 0.5) / (documents + 0.5)));
}

/**
 * The best `limit` stories matching every phrase (an FTS5 phrase each, quoted,
 * the last maybe with *), best first; among equal scores the newer first.
 */
export function rankMatches(db: Database, phrases: readonly string[], limit: number): RankedMatch[] {
  const s = statementsFor(db);
  const candidates = s.candidates.all(phrases.join(' '), Math.max(limit, RANKED_MATCHES)) as Candidate[];
  const newest = candidates[0];
  const oldest = candidates.at(-1);
  if (!newest || !oldest) return [];
  const [rows = 1, ...columnTokens] = varints((s.averages.get() as Buffer | undefined) ?? new Uint8Array());
  const averageLength = Math.max(1, sum(columnTokens) / rows);
  const position = new Map(candidates.map((candidate, index) => [candidate.seq, index]));
  const lengthNorms = candidates.map((candidate) => K1 * (1 - B + (B * sum(varints(candidate.sizes))) / averageLength));
  const range = [BigInt(oldest.seq), BigInt(newest.seq)] as const;
  const span = newest.seq - oldest.seq + 1;
  const terms = phrases.map((phrase) => {
    const documents = documentFrequency(db, s.count, phrase, rows);
    return { phrase, documents, idf: inverseDocumentFrequency(rows, documents) };
  });
  // A term at the IDF floor adds at most 2.2e-6 to a score (its IDF times
  // k1 + 1), so next to a rarer term it is left out rather than looked up in
  // every column: it could only reorder stories whose scores differ by less.
  const hasRareTerm = terms.some((term) => term.idf > MIN_IDF);
  const scores = new Float64Array(candidates.length);

  terms.forEach(({ phrase, documents, idf }, index) => {
    if (hasRareTerm && idf === MIN_IDF) return;
    // Alone, a term is read wherever it is between the oldest and newest
    // candidate; when that is many more rows than the candidates, the rest of
    // the query keeps FTS5 to the matching ones.
    const alone = (documents * span) / rows <= 4 * candidates.length;
    const weights = new Float64Array(candidates.length);
    for (const column of COLUMNS) {
      const inColumn = `{${column.name}} : ${phrase}`;
      const expression = alone ? inColumn : phrases.map((other, i) => (i === index ? inColumn : other)).join(' AND ');
      for (const seq of s.inColumn.all(expression, ...range) as number[]) {
        const at = position.get(seq);
        if (at !== undefined) weights[at] = (weights[at] ?? 0) + column.weight;
      }
    }
    weights.forEach((f, at) => {
      scores[at] = (scores[at] ?? 0) + (idf * f * (K1 + 1)) / (f + (lengthNorms[at] ?? K1));
    });
  });

  return candidates
    .map((candidate, at) => ({ seq: candidate.seq, rank: -(scores[at] ?? 0) }))
    .sort((a, b) => a.rank - b.rank || b.seq - a.seq)
    .slice(0, limit);
}
