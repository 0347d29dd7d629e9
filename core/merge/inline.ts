// The text of a block as atoms for ./text: one per character, each naming its
// formatting (the text node's format bits and style, and the link around it),
// so that a merge keeps formatting ranges with the characters they cover. A
// change of formatting is a change of those characters: bolding a word on one
// side merges with edits elsewhere, and overlaps edits to the same word.
import type { InlineNode, LineBreakNode, LinkNode, TextNode } from '../story';
import { mergeAtoms, type AtomAlphabet } from './text';

type TextFormat = Omit<TextNode, 'text'>;
type LinkFormat = Omit<LinkNode, 'children'>;
interface Format {
  /** A text node without its text, or a soft line break. */
  leaf: TextFormat | LineBreakNode;
  link: LinkFormat | null;
  linkKey: string | null;
}

// An atom is "<format number><ATOM_GLUE><character>"; a line break's character is "\n".
const ATOM_GLUE = '\u0001';

/** A key that does not depend on the order in which a node's fields were written. */
function keyOf(value: object): string {
  return JSON.stringify(value, Object.keys(value).sort());
}

/** The formats met during one merge, numbered in the order they are met. */
class Formats implements AtomAlphabet {
  private readonly numbers = new Map<string, number>();
  private readonly formats: Format[] = [];

  numberOf(leaf: TextFormat | LineBreakNode, link: LinkFormat | null): number {
    const linkKey = link === null ? null : keyOf(link);
    const key = `${keyOf(leaf)}|${linkKey ?? ''}`;
    let number = this.numbers.get(key);
    if (number === undefined) {
      number = this.formats.length;
      this.formats.push({ leaf, link, linkKey });
      this.numbers.set(key, number);
    }
    return number;
  }

  format(atom: string): Format {
    return this.formats[Number(this.formatOf(atom))] as Format;
  }

  charOf(atom: string): string {
    return atom.slice(atom.indexOf(ATOM_GLUE) + 1);
  }

  formatOf(atom: string): string {
    return atom.slice(0, atom.indexOf(ATOM_GLUE));
  }
}

function atomize(nodes: readonly InlineNode[], formats: Formats, link: LinkFormat | null, atoms: string[]): string[] {
  for (const node of nodes) {
    if (node.type === 'link') {
      const { children, ...linkFormat } = node;
      atomize(children, formats, linkFormat, atoms);
    } else if (node.type === 'linebreak') {
      atoms.push(`${formats.numberOf(node, link)}${ATOM_GLUE}\n`);
    } else {
      const { text, ...leaf } = node;
      const prefix = `${formats.numberOf(leaf, link)}${ATOM_GLUE}`;
      for (const char of text) atoms.push(prefix + char);
    }
  }
  return atoms;
}

/** Inline nodes from atoms: a text node per run of one format, links around runs of one link. */
function nodesOf(atoms: readonly string[], formats: Formats): InlineNode[] {
  const nodes: InlineNode[] = [];
  let openLink: LinkNode | null = null;
  let openLinkKey: string | null = null;
  let previousFormat = '';
  for (const atom of atoms) {
    const format = formats.format(atom);
    if (format.linkKey !== openLinkKey) {
      openLink = format.link === null ? null : { ...format.link, children: [] };
      openLinkKey = format.linkKey;
      if (openLink !== null) nodes.push(openLink);
      previousFormat = '';
    }
    const siblings: InlineNode[] = openLink === null ? nodes : openLink.children;
    const last = siblings.at(-1);
    const formatNumber = formats.formatOf(atom);
    if (format.leaf.type === 'linebreak') {
      siblings.push({ ...format.leaf });
      previousFormat = '';
    } else if (last?.type === 'text' && previousFormat === formatNumber) {
      last.text += formats.charOf(atom);
    } else {
      siblings.push({ ...format.leaf, text: formats.charOf(atom) });
      previousFormat = formatNumber;
    }
  }
  return nodes;
}

/** Three-way merge of a block's inline content, formatting kept; null when the edits overlap. */
export function mergeInline(
  base: readonly InlineNode[],
  mine: readonly InlineNode[],
  theirs: readonly InlineNode[],
): InlineNode[] | null {
  const formats = new Formats();
  const merged = mergeAtoms(atomize(base, formats, null, []), atomize(mine, formats, null, []), atomize(theirs, formats, null, []), formats);
  return merged === null ? null : nodesOf(merged, formats);
}
