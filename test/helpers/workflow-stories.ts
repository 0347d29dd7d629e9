// Stories in every workflow state, built from a real sample article, and the
// newsroom that works on them: lan wrote the story, binh is another reporter,
// minh is the editor who holds it while it is being edited, hoa is another
// editor and tuan the editor-in-chief.
import { readFileSync } from 'node:fs';
import { parseArticleText, toStoryContent } from '../../core/import';
import type { StoryContent } from '../../core/story';
import { initialWorkflow, type CheckResult, type WorkflowState, type WorkflowStory, type WorkflowUser } from '../../core/workflow';

export const USERS = {
  lan: { username: 'lan', role: 'reporter' },
  binh: { username: 'binh', role: 'reporter' },
  minh: { username: 'minh', role: 'editor' },
  hoa: { username: 'hoa', role: 'editor' },
  tuan: { username: 'tuan', role: 'chief' },
} as const satisfies Record<string, WorkflowUser>;
export type Persona = keyof typeof USERS;
export const PERSONAS = Object.keys(USERS) as Persona[];

/** 10:32 on 20 May 2025 in Hanoi. */
export const NOW = '2025-05-20T03:32:00.000Z';
export const LATER = '2025-05-20T10:00:00.000Z';
export const EARLIER = '2025-05-19T10:00:00.000Z';

export const STORY_ID = '0196f0a2-3c4d-7e5f-8a9b-0c1d2e3f4a5b';
const SAMPLE = new URL('../../../shared/samples/articles/cum-thi-dua-so-4-cham-lo-doan-vien.txt', import.meta.url);

/** The sample article as a desk would publish it: with its section, and each figure with an image and alt text. */
export function sampleContent(): StoryContent {
  const content = toStoryContent(parseArticleText(readFileSync(SAMPLE, 'utf8')));
  const children = content.body.root.children.map((block, i) =>
    block.type === 'figure' ? { ...block, src: `media:${String(i).padStart(64, 'a')}`, alt: block.caption } : block,
  );
  return { ...content, section: 'Công đoàn', body: { root: { ...content.body.root, children } } };
}

/** The states a story can be in, plus a published story whose working copy has a pending update. */
export const CASES = [...(['draft', 'submitted', 'editing', 'returned', 'approved', 'scheduled', 'published'] as const), 'pending', 'unpublished', 'spiked'] as const;
export type Case = (typeof CASES)[number];

export function storyIn(state: WorkflowState | 'pending', overrides: Partial<WorkflowStory> = {}): WorkflowStory {
  const content = sampleContent();
  const base: WorkflowStory = { ...content, ...initialWorkflow(), id: STORY_ID, author: 'lan' };
  const published = { publishedAt: EARLIER, live: content };
  const byState: Record<WorkflowState | 'pending', Partial<WorkflowStory>> = {
    draft: {},
    submitted: { status: 'submitted' },
    editing: { status: 'editing', holder: 'minh', heldSince: EARLIER },
    returned: { status: 'returned' },
    approved: { status: 'approved' },
    scheduled: { status: 'scheduled', publishAt: LATER },
    published: { status: 'published', ...published },
    pending: { status: 'published', ...published, headline: `${content.headline} (cập nhật)` },
    unpublished: { status: 'unpublished', publishedAt: EARLIER },
    spiked: { status: 'spiked', spikedFrom: 'editing' },
  };
  return { ...base, ...byState[state], ...overrides };
}

export const PASSING_CHECKS: CheckResult[] = [
  { check: 'headline', level: 'blocking', ok: true, message: 'Tít dài 76/120 ký tự' },
  { check: 'sapo', level: 'warning', ok: false, message: 'Sapo có 120 chữ, nhiều hơn mức 20–100 chữ' },
];
