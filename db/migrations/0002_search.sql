-- Full-text index over folded text (lower case, no tone marks, đ → d), folded in
-- JavaScript by foldForSearch because FTS5's own diacritic removal leaves đ alone.
--
-- content = '': contentless. Snippets come from the stories' original, accented
--   text, so a folded copy here would only double the size. contentless_delete
--   lets the repository replace and delete rows by rowid (= stories.seq).
-- prefix = '1 2': as-you-type queries end in a one- or two-letter prefix
--   ("chăm l"); without these, FTS5 merges the lists of every word starting with
--   "l" on each keystroke.
-- detail stays 'full': with 'column', bm25 no longer weights the columns.
CREATE VIRTUAL TABLE stories_fts USING fts5 (
  headline,
  sapo,
  body,
  content = '',
  contentless_delete = 1,
  prefix = '1 2',
  tokenize = 'unicode61 remove_diacritics 2'
);

-- A hit in the headline weighs more than one in the sapo, which weighs more than the body.
INSERT INTO stories_fts (stories_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0)');
