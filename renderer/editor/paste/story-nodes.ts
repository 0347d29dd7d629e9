// After cleanPastedHtml only allowed elements reach Lexical's importer, but the
// importer still reads inline styles and alignment, and a future node's
// importDOM could let something through. This last pass holds every generated
// node to what the body schema accepts.
import { $generateNodesFromDOM } from '@lexical/html';
import { $createLinkNode, $isLinkNode } from '@lexical/link';
import { $isListItemNode, $isListNode } from '@lexical/list';
import { $createHeadingNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import {
  $createParagraphNode,
  $createTextNode,
  $isDecoratorNode,
  $isElementNode,
  $isLineBreakNode,
  $isParagraphNode,
  $isTextNode,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { isAllowedLinkUrl, TEXT_FORMAT } from '../../../core/story';
import { $isFigureNode, $isRelatedStoriesNode } from '../../../core/story/lexical-nodes';
import { cleanPastedHtml } from './clean-html';

const KEPT_FORMATS = TEXT_FORMAT.bold | TEXT_FORMAT.italic | TEXT_FORMAT.underline | TEXT_FORMAT.strikethrough;

function $restrictInline(node: LexicalNode): LexicalNode[] {
  if ($isTextNode(node)) {
    node.setStyle('');
    node.setFormat(node.getFormat() & KEPT_FORMATS);
    return [node];
  }
  if ($isLineBreakNode(node)) return [node];
  if ($isLinkNode(node)) {
    const children = node.getChildren().flatMap($restrictInline);
    if (!isAllowedLinkUrl(node.getURL())) return children;
    const link = $createLinkNode(node.getURL());
    link.append(...children);
    return [link];
  }
  if ($isElementNode(node)) return node.getChildren().flatMap($restrictInline);
  const text = node.getTextContent();
  return text === '' ? [] : [$createTextNode(text)];
}

function $restrictElementChildren(element: ElementNode): void {
  const children = element.getChildren().flatMap((child) =>
    $isListNode(child) && $isListItemNode(element) ? [$restrictBlock(child)] : $restrictInline(child),
  );
  element.clear();
  element.append(...children);
  element.setFormat('');
}

/** One block node the schema accepts, made from any generated block. */
function $restrictBlock(node: LexicalNode): LexicalNode {
  if ($isFigureNode(node) || $isRelatedStoriesNode(node)) return node;
  if ($isHeadingNode(node)) {
    const tag = node.getTag();
    const block = tag === 'h2' || tag === 'h3' ? node : $createHeadingNode(tag === 'h1' ? 'h2' : 'h3').append(...node.getChildren());
    $restrictElementChildren(block);
    return block;
  }
  if ($isParagraphNode(node) || $isQuoteNode(node)) {
    $restrictElementChildren(node);
    return node;
  }
  if ($isListNode(node)) {
    for (const item of node.getChildren()) {
      if ($isListItemNode(item)) $restrictElementChildren(item);
      else item.remove();
    }
    return node;
  }
  const paragraph = $createParagraphNode();
  if ($isDecoratorNode(node)) {
    const text = node.getTextContent();
    if (text !== '') paragraph.append($createTextNode(text));
    return paragraph;
  }
  paragraph.append(...$restrictInline(node));
  return paragraph;
}

/**
 * Lexical nodes for pasted HTML, cleaned and restricted to the story's nodes.
 * Top-level inline content (a pasted phrase) stays inline so that it joins the
 * paragraph at the caret. Call inside an editor update.
 */
export function $storyNodesFromHtml(editor: LexicalEditor, html: string): LexicalNode[] {
  const generated = $generateNodesFromDOM(editor, cleanPastedHtml(html));
  const allInline = generated.every((node) => $isTextNode(node) || $isLineBreakNode(node) || $isLinkNode(node));
  return allInline ? generated.flatMap($restrictInline) : generated.map($restrictBlock);
}
