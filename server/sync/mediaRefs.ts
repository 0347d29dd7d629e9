import type { StoryBody } from '../../core/story';

const MEDIA_SRC = /^media:([0-9a-f]{64})$/;

/** sha256 of every stored image a body shows, each once. */
export function mediaRefsOf(body: StoryBody): string[] {
  const refs = new Set<string>();
  for (const block of body.root.children) {
    if (block.type !== 'figure') continue;
    const sha = MEDIA_SRC.exec(block.src)?.[1];
    if (sha) refs.add(sha);
  }
  return [...refs];
}
