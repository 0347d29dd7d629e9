// Story contents for store tests, built from real sample text.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodes, type StoryContent } from '../../core/story';

export const SAMPLES_DIR = fileURLToPath(new URL('../../../shared/samples/articles/', import.meta.url));

export function sampleText(fileName: string): string {
  return readFileSync(`${SAMPLES_DIR}/${fileName}`, 'utf8');
}

export function sampleFileNames(): string[] {
  return readdirSync(SAMPLES_DIR).filter((name) => name.endsWith('.txt')).sort();
}

/** Every non-empty line of both samples, split into long lines (paragraphs) and short ones (headline-like). */
export function sampleLines(): { paragraphs: string[]; headlines: string[] } {
  const lines = sampleFileNames()
    .flatMap((name) => sampleText(name).split('\n'))
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const unique = [...new Set(lines)];
  return {
    paragraphs: unique.filter((line) => line.length >= 160),
    headlines: unique.filter((line) => line.length >= 40 && line.length < 160 && !/[.:]$/.test(line)),
  };
}

export interface ContentParts {
  headline: string;
  sapo?: string;
  paragraphs?: readonly string[];
  section?: string;
  byline?: string;
  tags?: string[];
}

/** A StoryContent whose body is one Lexical paragraph per given paragraph. */
export function storyContentOf(parts: ContentParts): StoryContent {
  return {
    headline: parts.headline,
    sapo: parts.sapo ?? '',
    byline: parts.byline ?? '',
    section: parts.section ?? '',
    tags: parts.tags ?? [],
    slug: '',
    related: [],
    body: nodes.bodyOf((parts.paragraphs ?? []).map((text) => nodes.paragraph(nodes.inlineFromText(text)))),
  };
}

/** A deterministic pseudo-random generator (mulberry32), so synthetic archives are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The marker word that makes synthetic story n findable on its own: "b00042". */
export function syntheticMarker(n: number): string {
  return `B${String(n).padStart(5, '0')}`;
}

/** Story n of a synthetic archive: a sample headline and sample paragraphs recombined, with a unique marker. */
export function* syntheticStories(count: number, seed = 42): Generator<StoryContent> {
  const { paragraphs, headlines } = sampleLines();
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  for (let n = 0; n < count; n++) {
    const body = Array.from({ length: 3 + Math.floor(random() * 6) }, () => pick(paragraphs));
    yield storyContentOf({
      headline: `${pick(headlines)} – ${syntheticMarker(n)}`,
      sapo: pick(paragraphs),
      paragraphs: body,
      section: pick(['cong-doan', 'lao-dong', 'xa-hoi']),
      byline: pick(['H.Phong', 'Mạnh Quân']),
    });
  }
}
