// The samples' article parts as ImportBlocks, cut by the rules of
// shared/samples/README.md (a test fixture, not the importer): headline, sapo,
// related line, then body lines up to the byline. A body line equal to the
// headline is a photo's alt text and the next line its caption; a short line
// without closing punctuation is a subheading.
import type { ImportBlock } from '../../core/story';
import { SAMPLE_FILES, sampleLines } from './text-samples';

export type SampleArticle = {
  headline: string;
  sapo: string;
  relatedLine: string;
  blocks: ImportBlock[];
  byline: string;
  /** The body's lines as read, alt lines excluded: what a reader reads below the sapo. */
  readLines: string[];
};

export function sampleArticle(file: (typeof SAMPLE_FILES)[number]): SampleArticle {
  const lines = sampleLines(file);
  const [headline = '', sapo = '', relatedLine = ''] = lines;
  const end = lines.indexOf('Có thể bạn quan tâm') - 1;
  const byline = lines[end] ?? '';
  const blocks: ImportBlock[] = [];
  const readLines: string[] = [];
  for (let i = 3; i < end; i++) {
    const line = lines[i]!;
    if (line === headline) {
      const caption = lines[++i]!;
      blocks.push({ type: 'figure', caption, alt: line });
      readLines.push(caption);
    } else if (!/[.!?:;…”"]$/.test(line) && line.split(' ').length < 12) {
      blocks.push({ type: 'heading', text: line });
      readLines.push(line);
    } else {
      blocks.push({ type: 'paragraph', text: line });
      readLines.push(line);
    }
  }
  return { headline, sapo, relatedLine, blocks, byline, readLines };
}
