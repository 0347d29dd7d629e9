// The two boxes under an article. A story appears at most once on the page:
// never the article itself, never in "Tin khác" when "Nên xem" already shows
// it. The boxes are asked for more than they show, so that leaving duplicates
// out still fills them.
import type { Teaser } from '../storage/types';

export const PICKS_IN_BOX = 7;
export const MORE_IN_BOX = 10;

/** How many stories of the section to ask for so that MORE_IN_BOX remain after the picks are taken out. */
export const MORE_TO_FETCH = MORE_IN_BOX + PICKS_IN_BOX + 1;

export function articleBoxes(
  articleId: string,
  picks: readonly Teaser[],
  sectionLatest: readonly Teaser[],
): { picks: Teaser[]; more: Teaser[] } {
  const shown = new Set([articleId]);
  const take = (teasers: readonly Teaser[], limit: number): Teaser[] => {
    const kept: Teaser[] = [];
    for (const teaser of teasers) {
      if (kept.length === limit) break;
      if (shown.has(teaser.id)) continue;
      shown.add(teaser.id);
      kept.push(teaser);
    }
    return kept;
  };
  const boxPicks = take(picks, PICKS_IN_BOX);
  return { picks: boxPicks, more: take(sectionLatest, MORE_IN_BOX) };
}
