// What an import yields, before it becomes a story. This is also the exact
// shape `newsdesk import --dry-run --json` prints, so the schema is strict:
// a field added here is a change to that public output.
import { z } from 'zod';

export const TEASER_BOXES = ['Nên xem', 'Tin khác'] as const;
export type TeaserBox = (typeof TEASER_BOXES)[number];

export const importedBlock = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('paragraph'), text: z.string() }),
  z.strictObject({ type: z.literal('heading'), text: z.string() }),
  z.strictObject({ type: z.literal('figure'), caption: z.string() }),
]);
export type ImportedBlock = z.infer<typeof importedBlock>;

export const teaser = z.strictObject({
  box: z.enum(TEASER_BOXES),
  headline: z.string(),
  sapo: z.string(),
});
export type Teaser = z.infer<typeof teaser>;

export const importedArticle = z.strictObject({
  headline: z.string(),
  sapo: z.string(),
  /** The related-story line as one raw string, or its titles when they were matched to known stories. */
  related: z.array(z.string()),
  byline: z.string(),
  blocks: z.array(importedBlock),
  teasers: z.array(teaser),
  /** Doubts met while importing, in Vietnamese; the import still succeeded. */
  warnings: z.array(z.string()),
});
export type ImportedArticle = z.infer<typeof importedArticle>;

export type ImportOptions = {
  /** Headlines already in the store; lets the related-story line be split into titles. */
  knownTitles?: readonly string[];
};
