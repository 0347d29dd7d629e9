import { mediaShaOf, type StoryBody } from '../../core/story';

/** sha256 of every stored image a body shows, each once. */
export function mediaRefsOf(body: StoryBody): string[] {
  const refs = new Set<string>();
  for (const block of body.root.children) {
    if (block.type !== 'figure') continue;
    const sha = mediaShaOf(block.src);
    if (sha !== null) refs.add(sha);
  }
  return [...refs];
}
