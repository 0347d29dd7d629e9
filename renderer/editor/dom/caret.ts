// The text position under a point on screen (a drop, a right click).
export interface DomCaret {
  node: Node;
  offset: number;
}

export function caretAtPoint(x: number, y: number): DomCaret | null {
  if (typeof document.caretPositionFromPoint === 'function') {
    const position = document.caretPositionFromPoint(x, y);
    return position === null ? null : { node: position.offsetNode, offset: position.offset };
  }
  // Older Chromium (and Electron builds before 128) only has the WebKit form.
  const legacy = document as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  const range = legacy.caretRangeFromPoint?.(x, y) ?? null;
  return range === null ? null : { node: range.startContainer, offset: range.startOffset };
}
