-- Merging without loss (issue 11): what a desk keeps so that two people can
-- edit one story apart and have their edits merged by themselves.

-- The last text this desk and the server agreed on, per story: the base of the
-- three-way merge when both changed the story (db/sync-state/bases.ts).
-- Written when a pushed change is applied (the text it sent, at the rev it
-- made) and when a pulled copy is taken.
CREATE TABLE sync_bases (
  story_id TEXT    NOT NULL PRIMARY KEY REFERENCES stories (id),
  rev      INTEGER NOT NULL CHECK (rev >= 0),
  content  TEXT    NOT NULL CHECK (json_valid(content))
);

-- A story with nothing waiting here agrees with the server: its text is its base.
-- Stories with changes waiting merge from what both versions share (core/merge/common-base.ts).
INSERT INTO sync_bases (story_id, rev, content)
SELECT id, base_rev, json_object(
         'headline', headline, 'sapo', sapo, 'byline', byline, 'section', section,
         'tags', json(tags), 'slug', slug, 'related', json(related), 'body', json(body))
FROM stories s
WHERE base_rev > 0
  AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.story_id = s.id AND o.kind IN ('upsert', 'delete'))
  AND NOT EXISTS (SELECT 1 FROM sync_conflicts c WHERE c.story_id = s.id AND c.resolved_at IS NULL);

-- Places where a merge found that both sides changed one block (or field)
-- differently: core/merge's conflict with the block in base, mine and theirs,
-- until the person settles it ("giữ của tôi / của họ / cả hai"). Rows stay once
-- settled, so that neither text is ever dropped. `place` is the block id or
-- the field: a newer conflict at one place replaces an older one (choice 'replaced').
CREATE TABLE merge_conflicts (
  id         TEXT    NOT NULL PRIMARY KEY,
  story_id   TEXT    NOT NULL REFERENCES stories (id),
  created_at TEXT    NOT NULL,
  server_rev INTEGER NOT NULL,
  place      TEXT    NOT NULL,
  conflict   TEXT    NOT NULL CHECK (json_valid(conflict)),
  settled_at TEXT,
  choice     TEXT    CHECK (choice IS NULL OR choice IN ('mine', 'theirs', 'both', 'replaced'))
);

CREATE INDEX merge_conflicts_open ON merge_conflicts (story_id, created_at) WHERE settled_at IS NULL;

-- A 'merge' revision names its two parents: the revision of this desk that it
-- merged, and the server's revision it merged with.
ALTER TABLE revisions ADD COLUMN merged_revision TEXT;
ALTER TABLE revisions ADD COLUMN merged_server_rev INTEGER;
