// Turns one imported article into stories in the local store: the article
// itself and, when asked, its teasers as short archived stories. The related
// line is split at headlines the store already knows (rule R), and it opens the
// body as a related-stories block: known titles linked, the rest kept as text.
// One file is one transaction: a kill or an error leaves the whole file
// imported or none of it.
//
// The teaser rule. The "Nên xem" and "Tin khác" teasers of a copied page are
// headlines and summaries of stories the paper ran on its own site; nobody in
// the newsroom wrote, approved or published them here. So an import with
// teasers keeps them on this desk as reference stories (local_only, tagged
// ARCHIVE_TAG): they give the related line titles to link and search something
// to find, and they never claim more than that. They are never sent to the
// server (no outbox op, whatever is done to them later), they are in no status
// of the workflow (stored as 'draft', left out of every status filter), and the
// desk labels them "Tin tham khảo (chỉ trên máy này)". The public boxes are
// filled from the server's own published stories, never from these.
import type { Database } from 'better-sqlite3';
import { splitRelatedLine, toStoryContent, type ImportedArticle, type Teaser } from '../../core/import';
import { emptyBody, type RelatedStoryRef, type StoryContent } from '../../core/story';
import { foldForSearch, slugify } from '../../core/text';
import { StoryRepository } from './repository';

/** Teasers are stories the paper already ran elsewhere; they arrive tagged so that editors can tell them apart. */
export const ARCHIVE_TAG = 'lưu trữ';

export interface StoredImport {
  storyId: string;
  teaserIds: string[];
}

function teaserContent(teaser: Teaser): StoryContent {
  return {
    headline: teaser.headline,
    sapo: teaser.sapo,
    byline: '',
    section: '',
    tags: [ARCHIVE_TAG],
    slug: slugify(teaser.headline),
    related: [],
    body: emptyBody(),
  };
}

function liveHeadlines(db: Database): Map<string, { id: string; headline: string }> {
  const rows = db.prepare('SELECT id, headline FROM stories WHERE deleted_at IS NULL ORDER BY seq').all() as Array<{
    id: string;
    headline: string;
  }>;
  const byFolded = new Map<string, { id: string; headline: string }>();
  for (const row of rows) if (row.headline.trim()) byFolded.set(foldForSearch(row.headline.trim()), row);
  return byFolded;
}

function relatedRefs(article: ImportedArticle, known: Map<string, { id: string; headline: string }>): RelatedStoryRef[] {
  const line = article.related.join(' ');
  if (!line.trim()) return [];
  const titles = [...known.values()].map((row) => row.headline);
  const { pieces } = splitRelatedLine(line, titles);
  return pieces.map((piece) => ({ id: known.get(foldForSearch(piece))?.id ?? null, title: piece }));
}

export function storeImportedArticle(
  db: Database,
  article: ImportedArticle,
  options: { author: string; withTeasers?: boolean; stories?: StoryRepository },
): StoredImport {
  const stories = options.stories ?? new StoryRepository(db);
  return db.transaction((): StoredImport => {
    const teaserIds: string[] = [];
    if (options.withTeasers) {
      const known = liveHeadlines(db);
      for (const teaser of article.teasers) {
        const key = foldForSearch(teaser.headline);
        if (known.has(key)) continue; // The same teaser runs under many articles; keep one.
        const story = stories.create(teaserContent(teaser), { author: options.author, localOnly: true, reason: 'import' });
        known.set(key, { id: story.id, headline: story.headline });
        teaserIds.push(story.id);
      }
    }
    const related = relatedRefs(article, liveHeadlines(db));
    const content = toStoryContent(article, { related });
    if (related.length > 0) content.related = related.map((ref) => ref.title);
    const story = stories.create(content, { author: options.author, reason: 'import' });
    return { storyId: story.id, teaserIds };
  })();
}

