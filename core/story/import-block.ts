// The flat shape an importer produces and the CLI's `import --dry-run --json`
// prints: one entry per block, text only. bodyFromBlocks turns it into a body.
import { z } from 'zod';

export const importBlock = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('paragraph'), text: z.string() }),
  z.strictObject({ type: z.literal('heading'), text: z.string() }),
  z.strictObject({
    type: z.literal('figure'),
    caption: z.string(),
    /** As the figure node's `src`; absent when the text names a photo it does not carry. */
    src: z.string().optional(),
    credit: z.string().optional(),
    alt: z.string().optional(),
  }),
]);
export type ImportBlock = z.infer<typeof importBlock>;
