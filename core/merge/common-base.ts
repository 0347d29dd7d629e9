// The base of a merge when nobody kept one: a desk upgraded with changes of its
// own waiting, or a story whose base text was lost. It is what both versions
// share, so that whatever only one side has counts as that side's addition
// (kept), and whatever both have differently is a conflict (both kept, for a
// person to settle). Nothing is taken away from either side: a block one side
// deleted is back, which a person can delete again, but no word is lost.
import { blockIdOf, withLoadedBlockIds, type BlockNode, type StoryContent } from '../story';
import { sameJson } from '../story/same-json';

const shared = (mine: string, theirs: string): string => (mine === theirs ? mine : '');

export function commonBase(mine: StoryContent, theirs: StoryContent): StoryContent {
  const [m, t] = [withLoadedBlockIds(mine.body), withLoadedBlockIds(theirs.body)];
  const theirsBlocks = new Map<string, BlockNode>();
  for (const block of t.root.children) theirsBlocks.set(blockIdOf(block) ?? '', block);
  const children = m.root.children.filter((block) => sameJson(block, theirsBlocks.get(blockIdOf(block) ?? '')));
  return {
    headline: shared(mine.headline, theirs.headline),
    sapo: shared(mine.sapo, theirs.sapo),
    byline: shared(mine.byline, theirs.byline),
    section: shared(mine.section, theirs.section),
    slug: shared(mine.slug, theirs.slug),
    tags: mine.tags.filter((tag) => theirs.tags.includes(tag)),
    related: mine.related.filter((line) => theirs.related.includes(line)),
    body: { root: { ...m.root, children } },
  };
}
