// Every node class the Newsdesk editor registers, in one list, so that the
// desktop editor, headless conversions and tests build the same editor.
// Kept out of ./index: the store and the server need the schemas, not Lexical.
import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { Klass, LexicalNode } from 'lexical';
import { FigureNode } from './lexical/figure-node';
import { RelatedStoriesNode } from './lexical/related-stories-node';

export * from './lexical/figure-node';
export * from './lexical/related-stories-node';
export * from './lexical/block-ids';

export const NEWS_NODES: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  FigureNode,
  RelatedStoriesNode,
];
