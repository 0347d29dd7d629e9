import { foldForSearch } from './fold';

/** URL-safe ASCII slug: folded, with runs of anything else turned into single dashes. */
export function slugify(input: string, maxLength = 120): string {
  const slug = foldForSearch(input)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  // Cut at a word boundary so that a long headline never ends in half a syllable.
  const cut = slug.slice(0, maxLength + 1);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > 0 ? cut.slice(0, lastDash) : slug.slice(0, maxLength)).replace(/-+$/, '');
}
