// The related-story line on the public page. An imported line whose titles the
// desk did not know stays in the story as raw text (core/import/related.ts,
// rule R); the site runs rule R again over it with what it knows, the headlines
// of published stories, so that every title that matches one is cut out of the
// line and becomes a link to it. Raw text left between two such titles is
// shown as it is, without a link. Nothing is written back: the line is kept as
// imported, and links follow what is published at the time the page is made.
import { splitRelatedLine } from '../import/related';
import { foldForSearch } from '../text';
import type { RelatedStoryRef, StoryBody } from '../story';

export type PublishedTitle = { id: string; headline: string };

/** The pieces of related lines not linked to any story: what the site looks for in published headlines. */
export function unlinkedRelatedTitles(body: StoryBody): string[] {
  return body.root.children.flatMap((block) =>
    block.type === 'related-stories' ? block.stories.filter((ref) => ref.id === null).map((ref) => ref.title) : [],
  );
}

/** The body with each unlinked related piece cut at published headlines (rule R) and those titles linked. */
export function linkRelatedTitles(body: StoryBody, published: readonly PublishedTitle[]): StoryBody {
  if (published.length === 0) return body;
  const byFolded = new Map(published.map((p) => [foldForSearch(p.headline.trim()), p.id]));
  const headlines = published.map((p) => p.headline);
  const link = (ref: RelatedStoryRef): RelatedStoryRef[] => {
    if (ref.id !== null) return [ref];
    const { pieces, matched } = splitRelatedLine(ref.title, headlines);
    if (matched === 0) return [ref];
    return pieces.map((title) => ({ id: byFolded.get(foldForSearch(title)) ?? null, title }));
  };
  const children = body.root.children.map((block) =>
    block.type === 'related-stories' ? { ...block, stories: block.stories.flatMap(link) } : block,
  );
  return { ...body, root: { ...body.root, children } };
}
