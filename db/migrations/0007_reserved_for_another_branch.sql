-- Stands in for migration 0007 of another branch (stories kept on this desk
-- only), so that the numbering has no gap until that branch lands. When it
-- does, this file is deleted and its 0007 takes the place.
SELECT 1;
