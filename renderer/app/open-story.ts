// The open story lives in the URL's hash (#/story/<id>), so that a reload, in
// the browser or the desktop window, reopens what the writer was on.
const STORY_HASH = /^#\/story\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export function storyIdFromHash(hash: string): string | null {
  return STORY_HASH.exec(hash)?.[1]?.toLowerCase() ?? null;
}

export function hashForStory(id: string | null): string {
  return id === null ? '' : `#/story/${id}`;
}
