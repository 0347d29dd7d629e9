// Markdown shortcuts limited to what a news body has: "## " and "### "
// subheadings (no h1, h4–h6: the headline is the page's h1), "- " bullets,
// "1. " numbered lists and "> " quotes. No inline markdown: **, _ and ` in
// Vietnamese prose are usually just characters.
import { HEADING, ORDERED_LIST, QUOTE, UNORDERED_LIST, type ElementTransformer } from '@lexical/markdown';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import type { ReactNode } from 'react';

export const NEWS_MARKDOWN_TRANSFORMERS: ElementTransformer[] = [
  { ...HEADING, regExp: /^(#{2,3})\s/ },
  { ...UNORDERED_LIST, regExp: /^(\s*)-\s/ },
  ORDERED_LIST,
  QUOTE,
];

export function MarkdownPlugin(): ReactNode {
  return <MarkdownShortcutPlugin transformers={NEWS_MARKDOWN_TRANSFORMERS} />;
}
