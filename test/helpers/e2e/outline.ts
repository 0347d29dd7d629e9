// The structure of a story body as a reader sees it, read from a DOM: the
// editor's contenteditable, or an exported HTML page. Both are read by the same
// function, so "the editor and the export show the same thing" is one deep
// equality. Empty paragraphs (the editor's blank lines) are left out, as the
// HTML renderer leaves them out.
import type { Page } from 'playwright-core';

export type OutlineBlock =
  | { kind: 'p' | 'h2' | 'h3' | 'blockquote'; text: string }
  | { kind: 'ul' | 'ol'; items: string[] }
  | { kind: 'figure'; caption: string; credit: string; image: boolean };

export interface Outline {
  blocks: OutlineBlock[];
  /** Text of each bold run, in order. */
  strong: string[];
  links: Array<{ href: string; text: string }>;
}

interface ReadArgs {
  selector: string;
  /** editor: captions live in inputs and images must have loaded; export: captions are text. */
  mode: 'editor' | 'export';
}

// Runs inside the page: everything it uses is defined within it.
function readOutline({ selector, mode }: ReadArgs): Outline | null {
  const root = document.querySelector(selector);
  if (root === null) return null;
  const text = (element: Element): string => (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  const blocks: OutlineBlock[] = [];
  const strong: string[] = [];
  const links: Array<{ href: string; text: string }> = [];
  const inline = (element: Element): void => {
    for (const bold of element.querySelectorAll('strong, b')) strong.push(text(bold));
    for (const link of element.querySelectorAll('a[href]')) links.push({ href: link.getAttribute('href') ?? '', text: text(link) });
  };
  for (const element of root.children) {
    const tag = element.tagName.toLowerCase();
    const figure = tag === 'figure' ? element : element.querySelector(':scope > figure');
    if (figure !== null) {
      const img = figure.querySelector('img');
      if (mode === 'editor') {
        const field = (id: string): string => (figure.querySelector<HTMLInputElement>(`[data-testid="${id}"]`)?.value ?? '').trim();
        blocks.push({ kind: 'figure', caption: field('figure-caption'), credit: field('figure-credit'), image: img !== null && img.complete && img.naturalWidth > 0 });
      } else {
        const caption = figure.querySelector('figcaption');
        const credit = caption?.querySelector('.credit') ?? null;
        const captionText = caption === null ? '' : Array.from(caption.childNodes).filter((node) => node !== credit).map((node) => node.textContent ?? '').join('').trim();
        blocks.push({ kind: 'figure', caption: captionText, credit: credit === null ? '' : text(credit), image: img !== null });
      }
      continue;
    }
    if (mode === 'export' && (tag === 'h1' || element.classList.contains('sapo') || element.classList.contains('byline'))) continue;
    if (tag === 'ul' || tag === 'ol') {
      blocks.push({ kind: tag, items: Array.from(element.querySelectorAll(':scope > li')).map(text) });
      inline(element);
    } else if (tag === 'p' || tag === 'h2' || tag === 'h3' || tag === 'blockquote') {
      if (text(element) === '') continue;
      blocks.push({ kind: tag, text: text(element) });
      inline(element);
    }
  }
  return { blocks, strong, links };
}

/** The open story's body as the editor shows it. */
export async function editorOutline(page: Page): Promise<Outline> {
  const outline = await page.evaluate(readOutline, { selector: '[data-testid="editor-body"]', mode: 'editor' } satisfies ReadArgs);
  if (outline === null) throw new Error('No editor body on the page');
  return outline;
}

/** The body of an exported story document, rendered by the same browser. */
export async function exportOutline(page: Page, html: string): Promise<{ headline: string; sapo: string; byline: string; outline: Outline }> {
  await page.setContent(html);
  const outline = await page.evaluate(readOutline, { selector: 'article', mode: 'export' } satisfies ReadArgs);
  if (outline === null) throw new Error('The export has no <article>');
  const part = (selector: string) => page.evaluate((s) => document.querySelector(s)?.textContent?.trim() ?? '', selector);
  return { headline: await part('article > h1'), sapo: await part('article > p.sapo'), byline: await part('article > p.byline'), outline };
}
