-- The search index, rebuilt for ranking done outside FTS5 (db/search-rank.ts),
-- for text handed to it unfolded (db/search-text.ts), and for writes that leave
-- merging to idle time (db/maintenance.ts).
--
-- prefix = '1 2 3 4 5 6': the last word of a query is a prefix ("chăm l",
--   "hoà"). Without an index for its length, FTS5 first merges the doclists of
--   every word that starts with it ("hoa" → hoa, hoai, hoan, hoat…), 10 to 20 ms
--   at 100,000 stories when they are common; with one, it reads a single list.
--   Vietnamese syllables have at most seven letters, so six covers nearly every
--   prefix. The cost: the index grows from about 300 to 500 MB at 100,000
--   stories, and indexing a story takes about half as long again.
-- detail stays 'full': 'column' would make the index smaller, but FTS5 then
--   refuses a quoted word that its tokenizer splits in two (a letter newer than
--   its Unicode tables), and every word a user types must be searchable.
-- No rank setting: FTS5's bm25() is no longer used.
-- hashsize: FTS5 keeps a transaction's new terms in memory up to this size,
--   then writes them out as a segment. An import commits about a hundred
--   stories at a time, which with six prefix indexes overflows the 1 MB default
--   several times per commit, each time one more small segment to merge.
-- automerge = 0: writes do no merging; tidyStore() does it when the app is
--   idle. FTS5 still merges a level by itself once it holds 16 segments
--   (crisismerge), so the index stays bounded if nobody tidies.
--
-- The index is given the stories' own text with đ/Đ as d, as foldedForIndex does.
DROP TABLE stories_fts;

CREATE VIRTUAL TABLE stories_fts USING fts5 (
  headline,
  sapo,
  body,
  content = '',
  contentless_delete = 1,
  prefix = '1 2 3 4 5 6',
  tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO stories_fts (stories_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO stories_fts (stories_fts, rank) VALUES ('automerge', 0);

INSERT INTO stories_fts (rowid, headline, sapo, body)
SELECT seq,
       replace(replace(headline, 'đ', 'd'), 'Đ', 'd'),
       replace(replace(sapo, 'đ', 'd'), 'Đ', 'd'),
       replace(replace(body_text, 'đ', 'd'), 'Đ', 'd')
FROM stories
WHERE deleted_at IS NULL;
