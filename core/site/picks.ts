// "Nên xem" (editors' picks): a story is a pick when its tags include PICK_TAG.
// Editors already set tags, so picking needs no new screen or endpoint; the box
// shows the latest published picks. Storage keeps the flag in an indexed column.
export const PICK_TAG = 'nen-xem';

export function isPick(tags: readonly string[]): boolean {
  return tags.includes(PICK_TAG);
}
