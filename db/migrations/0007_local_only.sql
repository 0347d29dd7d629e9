-- Stories that stay on this desk and are never sent to the server: the archive
-- teasers an import with teasers adds, for related links (see
-- db/stories/imported-article.ts). They are reference material, not stories of
-- the newsroom's workflow, so they claim no status of it: the desk shows them
-- as "Tin tham khảo (chỉ trên máy này)".
ALTER TABLE stories ADD COLUMN local_only INTEGER NOT NULL DEFAULT 0 CHECK (local_only IN (0, 1));

-- Teasers imported before this column were marked 'published' though no server
-- ever had them (a desk's own story is published only on the server, rev >= 1).
UPDATE stories SET local_only = 1, status = 'draft' WHERE status = 'published' AND rev = 0;
