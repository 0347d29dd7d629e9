// A search snippet arrives as HTML in which only <mark> may appear and
// everything else is escaped. It is never handed to innerHTML: it is cut into
// plain-text segments that React renders as text nodes, so a snippet that
// breaks that promise (a stray <script>, an onerror attribute) shows up as
// harmless literal text.

export interface SnippetSegment {
  text: string;
  marked: boolean;
}

const MARK_TAG = /<(\/?)mark>/gi;
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos|nbsp));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function fromCodePoint(code: number): string | null {
  const isSurrogate = code >= 0xd800 && code <= 0xdfff;
  if (code === 0 || code > 0x10ffff || isSurrogate) return null;
  return String.fromCodePoint(code);
}

/** Resolves the entities an HTML escaper emits; anything unknown stays as written. */
export function unescapeEntities(text: string): string {
  return text.replace(ENTITY, (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (decimal !== undefined) return fromCodePoint(Number.parseInt(decimal, 10)) ?? '\ufffd';
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16)) ?? '\ufffd';
    return (name !== undefined ? NAMED[name] : undefined) ?? whole;
  });
}

export function snippetToSegments(snippet: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  const push = (raw: string, marked: boolean): void => {
    if (raw === '') return;
    const text = unescapeEntities(raw);
    const last = segments.at(-1);
    if (last !== undefined && last.marked === marked) last.text += text;
    else segments.push({ text, marked });
  };

  let marked = false;
  let from = 0;
  for (const tag of snippet.matchAll(MARK_TAG)) {
    push(snippet.slice(from, tag.index), marked);
    from = tag.index + tag[0].length;
    // Nested or unbalanced tags only toggle when they make sense.
    marked = tag[1] !== '/';
  }
  push(snippet.slice(from), marked);
  return segments;
}
