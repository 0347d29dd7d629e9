// @vitest-environment happy-dom
// The editor component against an in-memory service: it loads a story, keeps
// the slug on the headline, autosaves valid content and makes a revision on Ctrl+S.
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventName, EventPayloads, HandlerArgs, HandlerName, HandlerResults, Settings } from '../../core/api';
import { bodyFromBlocks, plainTextOfBody, storyContent, type Story, type StoryContent } from '../../core/story';
import type { WorkflowWire } from '../../core/sync';
import { countWords } from '../../core/text';
import { initialWorkflow } from '../../core/workflow';
import { StoryEditor } from '../../renderer/editor/StoryEditor';
import { createI18n } from '../../renderer/i18n';
import type { NewsdeskClient } from '../../renderer/transport/client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const STORY_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const settings: Settings = {
  language: 'vi',
  theme: 'light',
  userName: 'Mạnh Quân',
  sectionTargets: { 'Công đoàn': 800 },
  personalDictionary: [],
  serverUrl: '',
};

function sampleStory(): Story {
  const now = new Date().toISOString();
  return {
    id: STORY_ID,
    headline: 'Cụm thi đua số 4 triển khai hiệu quả công tác chăm lo đời sống cho đoàn viên',
    sapo: 'Ngày 21/11, Đoàn khảo sát của Liên đoàn Lao động (LĐLĐ) thành phố Hà Nội đã có buổi khảo sát tại Cụm thi đua số 4.',
    byline: 'Mạnh Quân',
    section: 'Công đoàn',
    tags: [],
    slug: '',
    related: [],
    body: bodyFromBlocks([
      { type: 'paragraph', text: 'Dự buổi khảo sát có đồng chí Đàm Công Lợi - Phó Bí thư Thường trực Huyện ủy.' },
      { type: 'figure', caption: 'Phó Chủ tịch LĐLĐ thành phố Hà Nội Nguyễn Thị Thu Thủy phát biểu tại buổi khảo sát.' },
    ]),
    status: 'draft',
    author: 'Mạnh Quân',
    assignee: null,
    publishAt: null,
    publishedAt: null,
    createdAt: now,
    updatedAt: now,
    rev: 0,
    baseRev: 0,
  };
}

function workflowOf(story: Story): WorkflowWire {
  const { live: _live, ...fields } = initialWorkflow();
  return { ...fields, pendingUpdate: false, status: 'draft', assignee: story.assignee };
}

interface Call {
  name: HandlerName;
  content?: StoryContent;
}

function fakeClient(calls: Call[]): NewsdeskClient {
  const story = sampleStory();
  const answer = (name: HandlerName, args: unknown): unknown => {
    switch (name) {
      case 'stories.get':
        return structuredClone(story);
      case 'stories.autosave':
        return { updatedAt: new Date().toISOString() };
      case 'stories.save':
        return { story, revisionId: '0190a1b2-c3d4-7e5f-8a9b-000000000009' };
      case 'stories.sections':
        return ['Công đoàn'];
      // A desk signed in to no newsroom: no actions, and the story is editable.
      case 'workflow.view':
        return {
          storyId: story.id,
          workflow: { ...workflowOf(story), statusSince: null },
          pending: [],
          user: null,
          author: story.author,
          trashed: false,
        };
      // Notes and presence, as a desk that is not signed in answers them.
      case 'notes.list':
        return { threads: [] };
      case 'workflow.users':
        return { users: [], unavailable: 'Chưa đăng nhập' };
      case 'presence.enter':
      case 'presence.list':
        return { online: false, present: [] };
      case 'presence.leave':
        return { ok: true };
      case 'sync.conflicts':
        return [];
      default:
        throw new Error(`not in this test: ${name} ${JSON.stringify(args)}`);
    }
  };
  return {
    transport: 'http',
    call<N extends HandlerName>(name: N, args: HandlerArgs<N>): Promise<HandlerResults[N]> {
      const content = (args as { content?: StoryContent }).content;
      calls.push(content === undefined ? { name } : { name, content });
      return Promise.resolve(answer(name, args) as HandlerResults[N]);
    },
    on<E extends EventName>(_event: E, _listener: (payload: EventPayloads[E]) => void): () => void {
      return () => undefined;
    },
  };
}

function typeInto(element: HTMLTextAreaElement | HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element), 'value')?.set;
  setter?.call(element, value);
  element.dispatchEvent(new Event('input', { bubbles: true }));
}

const byTestId = <T extends HTMLElement>(id: string): T => {
  const element = document.querySelector<T>(`[data-testid="${id}"]`);
  if (element === null) throw new Error(`no [data-testid=${id}]`);
  return element;
};

describe('StoryEditor', () => {
  let root: Root;
  let container: HTMLDivElement;
  let calls: Call[];

  beforeEach(async () => {
    calls = [];
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    const i18n = createI18n('vi');
    await act(async () => {
      root.render(createElement(I18nextProvider, { i18n }, createElement(StoryEditor, { client: fakeClient(calls), storyId: STORY_ID, settings })));
    });
    await vi.waitFor(() => byTestId('headline-input'));
  });

  afterEach(async () => {
    await act(async () => root.unmount());
    container.remove();
  });

  it('shows the story in fields shaped like the article, with its counts and target', () => {
    expect(byTestId<HTMLTextAreaElement>('headline-input').value).toBe(sampleStory().headline);
    expect(byTestId<HTMLTextAreaElement>('sapo-input').value).toBe(sampleStory().sapo);
    expect(byTestId<HTMLInputElement>('byline-input').value).toBe('Mạnh Quân');
    expect(byTestId<HTMLInputElement>('slug-input').value).toBe('');
    expect(byTestId('editor-body').textContent).toContain('Đàm Công Lợi');
    expect(byTestId('save-state').textContent).toBe('Đã lưu');
    // Headline, sapo, paragraph and caption, in the core's count (18 + 26 + 17 + 18).
    const story = sampleStory();
    const words = countWords([story.headline, story.sapo, plainTextOfBody(story.body)].join(' '));
    expect(words).toBe(79);
    expect(byTestId('word-count').textContent).toBe('79 / 800 chữ');
    expect(document.querySelectorAll('[data-testid="figure"]')).toHaveLength(1);
    expect(byTestId<HTMLInputElement>('figure-caption').value).toBe(
      'Phó Chủ tịch LĐLĐ thành phố Hà Nội Nguyễn Thị Thu Thủy phát biểu tại buổi khảo sát.',
    );
  });

  it('keeps the headline on one line, follows it with the slug and autosaves content the schema accepts', async () => {
    await act(async () => typeInto(byTestId('headline-input'), 'LĐLĐ quận Hai Bà Trưng\ntiếp tục đổi mới'));
    expect(byTestId<HTMLTextAreaElement>('headline-input').value).toBe('LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới');
    expect(byTestId<HTMLInputElement>('slug-input').value).toBe('ldld-quan-hai-ba-trung-tiep-tuc-doi-moi');
    expect(byTestId('save-state').textContent).toBe('Đang lưu');
    await vi.waitFor(() => expect(calls.filter((c) => c.name === 'stories.autosave')).toHaveLength(1), { timeout: 3000 });
    const saved = calls.find((c) => c.name === 'stories.autosave')?.content;
    expect(storyContent.safeParse(saved).success).toBe(true);
    expect(saved?.headline).toBe('LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới');
    expect(saved?.slug).toBe('ldld-quan-hai-ba-trung-tiep-tuc-doi-moi');
    expect(saved?.body.root.children.map((n) => n.type)).toEqual(['paragraph', 'figure']);
    await vi.waitFor(() => expect(byTestId('save-state').textContent).toBe('Đã lưu'));
  });

  it('makes an explicit revision on Ctrl+S and says so', async () => {
    await act(async () => typeInto(byTestId('sapo-input'), 'Sapo mới.'));
    await act(async () => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true, cancelable: true }));
    });
    await vi.waitFor(() => expect(calls.map((c) => c.name)).toContain('stories.save'));
    expect(calls.find((c) => c.name === 'stories.save')?.content?.sapo).toBe('Sapo mới.');
    await vi.waitFor(() => expect(byTestId('editor-toast').textContent).toBe('Đã lưu một phiên bản'));
    // The revision carried the change, so no autosave follows it.
    expect(calls.filter((c) => c.name === 'stories.autosave')).toHaveLength(0);
  });

  it('adds tags as chips and keeps an edited slug when the headline changes', async () => {
    const tags = byTestId<HTMLInputElement>('tags-input');
    await act(async () => typeInto(tags, 'Công đoàn'));
    await act(async () => {
      tags.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    });
    expect(byTestId('tags-list').textContent).toContain('Công đoàn');
    await act(async () => typeInto(byTestId('slug-input'), 'cum-thi-dua-4'));
    await act(async () => typeInto(byTestId('headline-input'), 'Tít khác'));
    expect(byTestId<HTMLInputElement>('slug-input').value).toBe('cum-thi-dua-4');
  });
});
