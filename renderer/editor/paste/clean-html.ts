// Pasted HTML from Word, Google Docs and web pages carries fonts, colours,
// classes, tables and layout divs that a news story must not keep. This turns
// any clipboard HTML into the few elements the body schema can hold
// (p, h2, h3, blockquote, ul/ol/li, a, b, i, u, s, br), so that Lexical's
// importer never sees anything else. Formatting written as CSS (Google Docs'
// <span style="font-weight:700">) becomes tags; Google Docs' outer
// <b style="font-weight:normal" id="docs-internal-guid-…"> is not bold.
import { MARK_ORDER, readPastedBlocks, type Inline, type List } from './read-pasted';

function appendInlines(doc: Document, parent: Element, inlines: readonly Inline[]): void {
  let linkElement: Element | null = null;
  let linkHref: string | null = null;
  for (const inline of inlines) {
    if (inline.kind === 'br') {
      linkElement = null;
      linkHref = null;
      parent.append(doc.createElement('br'));
      continue;
    }
    let target: Element = parent;
    if (inline.href !== null) {
      if (linkElement === null || linkHref !== inline.href) {
        linkElement = doc.createElement('a');
        linkElement.setAttribute('href', inline.href);
        linkHref = inline.href;
        parent.append(linkElement);
      }
      target = linkElement;
    } else {
      linkElement = null;
      linkHref = null;
    }
    let innermost: Node = doc.createTextNode(inline.text);
    for (const mark of [...MARK_ORDER].reverse()) {
      if (!inline.marks.has(mark)) continue;
      const wrapper = doc.createElement(mark);
      wrapper.append(innermost);
      innermost = wrapper;
    }
    target.append(innermost);
  }
}

function listElement(doc: Document, list: List): Element {
  const element = doc.createElement(list.ordered ? 'ol' : 'ul');
  for (const item of list.items) {
    const li = doc.createElement('li');
    appendInlines(doc, li, item.inlines);
    for (const nested of item.lists) li.append(listElement(doc, nested));
    element.append(li);
  }
  return element;
}

/**
 * Clipboard HTML reduced to the elements a story body allows, as a fresh
 * document whose body holds only p, h2, h3, blockquote, ul, ol and their
 * inline content (a with an allowed href, b, i, u, s, br).
 */
export function cleanPastedHtml(html: string): Document {
  const doc = document.implementation.createHTMLDocument('');
  for (const block of readPastedBlocks(html)) {
    if (block.kind === 'list') {
      doc.body.append(listElement(doc, block));
      continue;
    }
    const element = doc.createElement(block.kind);
    appendInlines(doc, element, block.inlines);
    doc.body.append(element);
  }
  return doc;
}
