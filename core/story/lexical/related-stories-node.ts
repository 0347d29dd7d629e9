// The related-stories block as a Lexical node. JSON matches the
// `related-stories` schema of ../body; HTML is the same <aside> that
// core/render writes, with each story's id in data-story-id so a paste
// keeps the links. `decorate()` returns null; the desktop editor subclasses it.
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
import { relatedStoryRef, type RelatedStoriesNode as RelatedStoriesJSON, type RelatedStoryRef } from '../body';

/** What Lexical hands importJSON: untrusted, every field possibly missing. */
type LexicalJSON = SerializedPartial<SerializedLexicalNode> & Record<string, unknown>;
export type SerializedRelatedStoriesNode = RelatedStoriesJSON;
export const RELATED_STORIES_CLASS = 'related-stories';

/** Keeps only well-formed references: parsing Lexical JSON must tolerate anything. */
function storyRefs(input: unknown): RelatedStoryRef[] {
  if (!Array.isArray(input)) return [];
  return input.flatMap((item: unknown) => {
    const parsed = relatedStoryRef.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

export class RelatedStoriesNode extends NewsBlockNode {
  __stories: readonly RelatedStoryRef[];

  static override getType(): string {
    return 'related-stories';
  }

  static override clone(node: RelatedStoriesNode): RelatedStoriesNode {
    return new RelatedStoriesNode(node.__stories, node.__key);
  }

  static override importJSON(json: LexicalJSON): RelatedStoriesNode {
    return $createRelatedStoriesNode(storyRefs(json.stories)).updateFromJSON(json);
  }

  static override importDOM(): DOMConversionMap | null {
    return {
      aside: (element: HTMLElement) =>
        element.classList.contains(RELATED_STORIES_CLASS) ? { conversion: convertAsideElement, priority: 2 } : null,
    };
  }

  constructor(stories: readonly RelatedStoryRef[] = [], key?: NodeKey) {
    super(key);
    this.__stories = stories;
  }

  getStories(): RelatedStoryRef[] {
    return this.getLatest().__stories.map((s) => ({ ...s }));
  }

  setStories(stories: readonly RelatedStoryRef[]): this {
    const writable = this.getWritable();
    writable.__stories = storyRefs(stories);
    return writable;
  }

  override exportJSON(): SerializedRelatedStoriesNode {
    // super's JSON carries the NodeState ("$"), where the block id lives.
    return { ...super.exportJSON(), type: 'related-stories', version: 1, stories: this.getStories() };
  }

  override exportDOM(): DOMExportOutput {
    const doc = $getDocument();
    const aside = doc.createElement('aside');
    aside.className = RELATED_STORIES_CLASS;
    const ul = doc.createElement('ul');
    for (const story of this.getStories()) {
      const li = doc.createElement('li');
      const a = doc.createElement('a');
      if (story.id !== null) a.setAttribute('data-story-id', story.id);
      a.textContent = story.title;
      li.append(a);
      ul.append(li);
    }
    aside.append(ul);
    return { element: aside };
  }

  protected override domClassName(): string {
    return 'news-related-stories';
  }

  /** Titles of other stories are not this story's text (see plainTextOfBody). */
  override getTextContent(): string {
    return '';
  }
}

function convertAsideElement(element: HTMLElement): DOMConversionOutput {
  const stories: RelatedStoryRef[] = [];
  for (const li of Array.from(element.querySelectorAll('li'))) {
    const title = li.textContent?.trim() ?? '';
    if (title === '') continue;
    const id = li.querySelector('a')?.getAttribute('data-story-id') ?? null;
    stories.push({ id: id === '' ? null : id, title });
  }
  return { node: $createRelatedStoriesNode(stories), forChild: () => null, after: () => [] };
}

export function $createRelatedStoriesNode(stories: readonly RelatedStoryRef[] = []): RelatedStoriesNode {
  return $applyNodeReplacement(new RelatedStoriesNode(storyRefs(stories)));
}

export function $isRelatedStoriesNode(node: LexicalNode | null | undefined): node is RelatedStoriesNode {
  return node instanceof RelatedStoriesNode;
}
