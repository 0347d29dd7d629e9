// The app service's handler map, as one typed contract. The renderer, the
// Electron IPC bridge and the local HTTP transport all speak it; every handler
// validates its `args` against the schema here before doing anything.
import { z } from 'zod';
import { storyContent, storyStatus, type Revision, type RevisionReason, type Story, type StoryStatus } from '../story';

const id = z.uuid({ message: 'Mã bài viết không hợp lệ' });
/** Bytes travel as base64 so that both transports carry plain JSON. */
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Dữ liệu tệp không phải base64');
const fileName = z.string().min(1).max(255);

export const LANGUAGES = ['vi', 'en'] as const;
export const THEMES = ['light', 'dark', 'system'] as const;

export const settings = z.strictObject({
  language: z.enum(LANGUAGES),
  theme: z.enum(THEMES),
  /** Who this desktop writes as, until sign-in to a server names the user. */
  userName: z.string().min(1).max(100),
  /** Length target per section, in words (syllables). */
  sectionTargets: z.record(z.string(), z.number().int().positive()),
  personalDictionary: z.array(z.string().min(1).max(100)).max(10_000),
  serverUrl: z.string().url().or(z.literal('')),
});
export type Settings = z.infer<typeof settings>;

export const handlerArgs = {
  'stories.list': z.strictObject({
    status: storyStatus.optional(),
    section: z.string().optional(),
    author: z.string().optional(),
    trashed: z.boolean().optional(),
    limit: z.number().int().min(1).max(500).optional(),
    cursor: z.string().nullable().optional(),
  }),
  'stories.get': z.strictObject({ id }),
  'stories.create': z.strictObject({ content: storyContent.partial().optional() }),
  'stories.save': z.strictObject({ id, content: storyContent }),
  'stories.autosave': z.strictObject({ id, content: storyContent }),
  'stories.trash': z.strictObject({ id }),
  'stories.restore': z.strictObject({ id }),
  'stories.sections': z.strictObject({}),
  'search.query': z.strictObject({ query: z.string().max(500), limit: z.number().int().min(1).max(200).optional() }),
  'import.preview': z.strictObject({ fileName, bytes: base64 }),
  'import.create': z.strictObject({ fileName, bytes: base64, withTeasers: z.boolean().optional() }),
  'revisions.list': z.strictObject({ storyId: id }),
  'revisions.get': z.strictObject({ id }),
  'media.add': z.strictObject({ fileName: fileName.optional(), bytes: base64 }),
  'media.get': z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  'settings.get': z.strictObject({}),
  'settings.set': settings.partial().strict(),
} as const;

export type HandlerName = keyof typeof handlerArgs;
export const HANDLER_NAMES = Object.keys(handlerArgs) as HandlerName[];
export type HandlerArgs<N extends HandlerName> = z.input<(typeof handlerArgs)[N]>;

export interface StorySummary {
  id: string;
  headline: string;
  status: StoryStatus;
  section: string;
  author: string;
  byline: string;
  wordCount: number;
  updatedAt: string;
  deletedAt: string | null;
}

export interface SearchHit {
  id: string;
  headline: string;
  /** Original accented text; matched words are wrapped in <mark>, everything else is HTML-escaped. */
  snippet: string;
}

export interface RevisionSummary {
  id: string;
  author: string;
  createdAt: string;
  reason: RevisionReason;
}

export interface ImportPreview {
  headline: string;
  sapo: string;
  related: string[];
  byline: string;
  blocks: Array<{ type: 'paragraph'; text: string } | { type: 'heading'; text: string } | { type: 'figure'; caption: string }>;
  teasers: Array<{ box: 'Nên xem' | 'Tin khác'; headline: string; sapo: string }>;
  warnings: string[];
}

export interface HandlerResults {
  'stories.list': { items: StorySummary[]; nextCursor: string | null };
  'stories.get': Story;
  'stories.create': Story;
  'stories.save': { story: Story; revisionId: string };
  'stories.autosave': { updatedAt: string };
  'stories.trash': { ok: true };
  'stories.restore': { ok: true };
  'stories.sections': string[];
  'search.query': SearchHit[];
  'import.preview': ImportPreview;
  'import.create': { storyId: string; teaserIds: string[] };
  'revisions.list': RevisionSummary[];
  'revisions.get': Revision;
  'media.add': { sha256: string; src: string; mime: string };
  'media.get': { sha256: string; mime: string; bytes: string };
  'settings.get': Settings;
  'settings.set': Settings;
}

/** The handler map's type: the single source of truth for both sides of every transport. */
export type Handlers = { [N in HandlerName]: (args: HandlerArgs<N>) => Promise<HandlerResults[N]> };

export const SAVE_STATES = ['saved', 'saving', 'error'] as const;
export type SaveState = (typeof SAVE_STATES)[number];

export interface EventPayloads {
  'story.changed': { id: string };
  'save.state': { id: string; state: SaveState; message?: string };
  'sync.state': { online: boolean; pending: number; lastError: string | null; lastSyncedAt: string | null };
  'menu.command': { command: 'new-story' | 'import' | 'save-revision' | 'settings' };
}
export type EventName = keyof EventPayloads;
export const EVENT_NAMES = ['story.changed', 'save.state', 'sync.state', 'menu.command'] as const satisfies readonly EventName[];

/** An error a person can read, with a stable code for programs. */
export interface ServiceErrorShape {
  code: string;
  message: string;
}

