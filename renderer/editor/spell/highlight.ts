// Misspellings are painted with the CSS Custom Highlight API: Ranges over the
// editor's text nodes, registered under one name and styled by ::highlight().
// The document (and Lexical's model) is never touched.
import { tokenizeSyllables, type SyllableToken } from '../../../core/text';

export const SPELLING_HIGHLIGHT = 'newsdesk-spelling';

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** Text nodes the writer types into: not those inside figures or related-stories blocks. */
function editableTextNodes(root: HTMLElement): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('[contenteditable="false"]') === null ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT,
  });
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

export interface Caret {
  node: Node;
  offset: number;
}

interface NodeResult {
  data: string;
  ranges: Range[];
  /** Some syllable had no verdict yet: look again when answers arrive. */
  pending: boolean;
}

/**
 * Finds the misspelled syllables in the editor's text nodes. Results are kept
 * per text node, so after an edit only the changed node is tokenized again:
 * painting a 10,000-word story after a keystroke costs about a millisecond.
 */
export class MisspellingScanner {
  private results = new WeakMap<Text, NodeResult>();
  private answersArrived = false;

  /** The worker answered: nodes that waited for a verdict are read again. */
  verdictsChanged(): void {
    this.answersArrived = true;
  }

  /** The rules changed (a word was added to the dictionary): read everything again. */
  invalidate(): void {
    this.results = new WeakMap();
  }

  /**
   * Ranges over the syllables `verdict` calls misspelled. The syllable at the
   * caret is skipped: it is usually still being typed.
   */
  scan(root: HTMLElement, verdict: (token: string) => boolean | undefined, caret: Caret | null): Range[] {
    const ranges: Range[] = [];
    const answersArrived = this.answersArrived;
    this.answersArrived = false;
    for (const node of editableTextNodes(root)) {
      const data = node.data;
      let result = this.results.get(node);
      const stale = result === undefined || result.data !== data || (result.pending && answersArrived) || caret?.node === node;
      if (stale || result === undefined) {
        result = scanNode(node, data, verdict, caret?.node === node ? caret.offset : null);
        // The caret's node is read afresh every time: the skipped syllable moves with it.
        if (caret?.node !== node) this.results.set(node, result);
        else this.results.delete(node);
      }
      ranges.push(...result.ranges);
    }
    return ranges;
  }
}

function scanNode(node: Text, data: string, verdict: (token: string) => boolean | undefined, caretOffset: number | null): NodeResult {
  const ranges: Range[] = [];
  let pending = false;
  for (const token of tokenizeSyllables(data)) {
    if (caretOffset !== null && caretOffset >= token.start && caretOffset <= token.end) continue;
    const misspelled = verdict(token.text);
    if (misspelled === undefined) pending = true;
    if (misspelled !== true) continue;
    const range = document.createRange();
    range.setStart(node, token.start);
    range.setEnd(node, token.end);
    ranges.push(range);
  }
  return { data, ranges, pending };
}

export function paintMisspellings(ranges: readonly Range[]): void {
  if (!highlightsSupported()) return;
  if (ranges.length === 0) CSS.highlights.delete(SPELLING_HIGHLIGHT);
  else CSS.highlights.set(SPELLING_HIGHLIGHT, new Highlight(...ranges));
}

/** The syllable at a text position, if the position is inside one. */
export function tokenAt(node: Node, offset: number): SyllableToken | null {
  if (node.nodeType !== Node.TEXT_NODE) return null;
  const text = (node as Text).data;
  return tokenizeSyllables(text).find((token) => offset >= token.start && offset <= token.end) ?? null;
}
