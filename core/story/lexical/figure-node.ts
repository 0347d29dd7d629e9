// The figure as a Lexical node: its JSON is exactly the `figure` schema of
// ../body, and its HTML is the same <figure> that core/render writes, so the
// editor, the clipboard and the public site agree. `decorate()` returns null
// here; the desktop editor subclasses this node to draw it with React.
import {
  $applyNodeReplacement,
  $getDocument,
  type DOMConversionMap,
  type DOMConversionOutput,
  type DOMExportOutput,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type SerializedPartial,
} from 'lexical';
import { NewsBlockNode } from './news-block-node';
import { figureAltText, isAllowedFigureSrc, type FigureNode as FigureJSON } from '../body';

/** What Lexical hands importJSON: untrusted, every field possibly missing. */
type LexicalJSON = SerializedPartial<SerializedLexicalNode> & Record<string, unknown>;
export type SerializedFigureNode = FigureJSON;
export type FigureFields = { src: string; alt: string; caption: string; credit: string };

function stringField(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Figure fields from anything (JSON or pasted HTML): an unusable image source means "image missing". */
function figureFields(input: Readonly<Record<string, unknown>>): FigureFields {
  const src = stringField(input.src);
  return {
    src: isAllowedFigureSrc(src) ? src : '',
    alt: stringField(input.alt),
    caption: stringField(input.caption),
    credit: stringField(input.credit),
  };
}

export class FigureNode extends NewsBlockNode {
  __src: string;
  __alt: string;
  __caption: string;
  __credit: string;

  static override getType(): string {
    return 'figure';
  }

  static override clone(node: FigureNode): FigureNode {
    return new FigureNode(node.getFields(), node.__key);
  }

  static override importJSON(json: LexicalJSON): FigureNode {
    return $createFigureNode(figureFields(json)).updateFromJSON(json);
  }

  static override importDOM(): DOMConversionMap | null {
    return { figure: () => ({ conversion: convertFigureElement, priority: 1 }) };
  }

  constructor(fields: Partial<FigureFields> = {}, key?: NodeKey) {
    super(key);
    this.__src = fields.src ?? '';
    this.__alt = fields.alt ?? '';
    this.__caption = fields.caption ?? '';
    this.__credit = fields.credit ?? '';
  }

  getFields(): FigureFields {
    const self = this.getLatest();
    return { src: self.__src, alt: self.__alt, caption: self.__caption, credit: self.__credit };
  }

  setFields(fields: Partial<FigureFields>): this {
    const writable = this.getWritable();
    const next = figureFields({ ...writable.getFields(), ...fields });
    writable.__src = next.src;
    writable.__alt = next.alt;
    writable.__caption = next.caption;
    writable.__credit = next.credit;
    return writable;
  }

  override exportJSON(): SerializedFigureNode {
    // super's JSON carries the NodeState ("$"), where the block id lives.
    return { ...super.exportJSON(), type: 'figure', version: 1, ...this.getFields() };
  }

  override exportDOM(): DOMExportOutput {
    const doc = $getDocument();
    const { src, alt, caption, credit } = this.getFields();
    const figure = doc.createElement('figure');
    if (src !== '') {
      const img = doc.createElement('img');
      img.setAttribute('src', src);
      img.setAttribute('alt', figureAltText({ alt, caption }));
      figure.append(img);
    }
    if (caption !== '' || credit !== '') {
      const figcaption = doc.createElement('figcaption');
      figcaption.append(caption);
      if (credit !== '') {
        const span = doc.createElement('span');
        span.className = 'credit';
        span.textContent = credit;
        figcaption.append(caption === '' ? '' : ' ', span);
      }
      figure.append(figcaption);
    }
    return { element: figure };
  }

  protected override domClassName(): string {
    return 'news-figure';
  }

  /** The caption is the figure's text, as in plainTextOfBody. */
  override getTextContent(): string {
    return this.getFields().caption;
  }
}

function convertFigureElement(element: HTMLElement): DOMConversionOutput {
  const img = element.querySelector('img');
  const figcaption = element.querySelector('figcaption');
  const creditSpan = figcaption?.querySelector('.credit') ?? null;
  const credit = creditSpan?.textContent?.trim() ?? '';
  creditSpan?.remove();
  const caption = figcaption?.textContent?.trim() ?? '';
  const alt = img?.getAttribute('alt') ?? '';
  // An alt that repeats the caption is the caption standing in (figureAltText): keep it so.
  const node = $createFigureNode(figureFields({ src: img?.getAttribute('src') ?? '', alt: alt === caption ? '' : alt, caption, credit }));
  // The <img> and <figcaption> are the figure's own fields, not separate content.
  return { node, forChild: () => null, after: () => [] };
}

export function $createFigureNode(fields: Partial<FigureFields> = {}): FigureNode {
  return $applyNodeReplacement(new FigureNode(fields));
}

export function $isFigureNode(node: LexicalNode | null | undefined): node is FigureNode {
  return node instanceof FigureNode;
}
