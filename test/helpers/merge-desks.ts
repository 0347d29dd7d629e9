// Two desks editing one story apart (issue 11, point 5): the edits each makes,
// as a reporter and an editor would make them in the editor (block by block,
// ids kept), and the stories they start from, from the sample articles.
import { blockIdOf, inlineText, nodes, type BlockNode, type StoryContent } from '../../core/story';
import { sampleLines, storyContentOf } from './db-story-content';

const { paragraphs } = sampleLines();

/** A story of four real paragraphs, stored without block ids as a story from before ids would be. */
export function baseStory(n: number): StoryContent {
  const pick = (k: number): string => paragraphs[(n * 4 + k) % paragraphs.length] ?? '';
  return storyContentOf({
    headline: `Công đoàn cơ sở số ${n} chăm lo Tết cho đoàn viên`,
    sapo: 'Ngày 21/11, Đoàn khảo sát của LĐLĐ thành phố Hà Nội đã có buổi khảo sát tại cụm thi đua.',
    paragraphs: [pick(0), pick(1), pick(2), pick(3)],
    section: 'Công đoàn',
    byline: 'H.Phong',
    tags: ['công đoàn'],
  });
}

/** The text of each block, by id. */
export function blockTexts(content: StoryContent): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const block of content.body.root.children) {
    texts[blockIdOf(block) ?? '?'] = 'children' in block && block.type !== 'list' ? inlineText(block.children) : block.type;
  }
  return texts;
}

export interface Edit {
  headline?: string;
  /** Block id → its new text, or null to delete the block. */
  blocks?: Record<string, string | null>;
}

/** The story with the edit made, as the editor saves it: every other block untouched, ids kept. */
export function edited(content: StoryContent, edit: Edit): StoryContent {
  const children = content.body.root.children.flatMap((block): BlockNode[] => {
    const id = blockIdOf(block) ?? '';
    const change = edit.blocks?.[id];
    if (change === undefined) return [block];
    if (change === null || block.type !== 'paragraph') return [];
    return [{ ...block, children: nodes.inlineFromText(change) }];
  });
  return { ...content, headline: edit.headline ?? content.headline, body: { root: { ...content.body.root, children } } };
}

/** The first sentence of a paragraph, for edits that change words near its start. */
export function firstWords(text: string, count: number): string {
  return text.split(' ').slice(0, count).join(' ');
}
