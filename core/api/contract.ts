// The app service's handler map, as one typed contract. The renderer, the
// Electron IPC bridge and the local HTTP transport all speak it; every handler
// validates its `args` against the schema here before doing anything.
import { z } from 'zod';
import type { ImportedArticle } from '../import';
import type { MergeConflict } from '../merge';
import type { SyncState } from './events';
import { isServerRevisionId } from '../sync/newsroom-history';
import type { Role } from '../workflow';
import { queueName, workflowHandlerArgs, type ListWorkflow, type WorkflowHandlerResults } from './contract-workflow';
import {
  storyContent,
  storyStatus,
  type MergeParents,
  type Revision,
  type RevisionReason,
  type Story,
  type StoryStatus,
} from '../story';
import { noteHandlerArgs, type NoteHandlerResults } from './contract-notes';

const id = z.uuid({ message: 'Mã bài viết không hợp lệ' });
/** A revision of this desk (a UUID), or one the server keeps ("server:<storyId>:<rev>", core/sync/newsroom-history). */
const revisionId = z.string().refine((value) => id.safeParse(value).success || isServerRevisionId(value), {
  message: 'Mã bài viết không hợp lệ',
});
const updatedAt = z.string().min(1).max(64);
/** Bytes travel as base64 so that both transports carry plain JSON. */
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Dữ liệu tệp không phải base64');
const fileName = z.string().min(1).max(255);

/** An http(s) address: a sign-in token must never go to javascript:, file: or any other scheme. */
function webAddress(message: string) {
  return z.string().trim().url({ message }).refine((url) => /^https?:\/\//i.test(url), { message });
}

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
  serverUrl: webAddress('Địa chỉ máy chủ không phải địa chỉ web hợp lệ').or(z.literal('')),
});
export type Settings = z.infer<typeof settings>;

export const handlerArgs = {
  'stories.list': z.strictObject({
    status: storyStatus.optional(),
    section: z.string().optional(),
    author: z.string().optional(),
    trashed: z.boolean().optional(),
    /** One of the desk's views (./contract-workflow); combines with the other filters. */
    queue: queueName.optional(),
    limit: z.number().int().min(1).max(500).optional(),
    cursor: z.string().nullable().optional(),
  }),
  'stories.get': z.strictObject({ id }),
  'stories.create': z.strictObject({ content: storyContent.partial().optional() }),
  /** `since`: the story's updatedAt the editor's text was written on; a story changed since (by sync) refuses the write with STORY_CHANGED. */
  'stories.save': z.strictObject({ id, content: storyContent, since: updatedAt.optional() }),
  'stories.autosave': z.strictObject({ id, content: storyContent, since: updatedAt.optional() }),
  'stories.trash': z.strictObject({ id }),
  'stories.restore': z.strictObject({ id }),
  'stories.sections': z.strictObject({}),
  'search.query': z.strictObject({ query: z.string().max(500), limit: z.number().int().min(1).max(200).optional() }),
  'import.preview': z.strictObject({ fileName, bytes: base64 }),
  'import.create': z.strictObject({ fileName, bytes: base64, withTeasers: z.boolean().optional() }),
  'revisions.list': z.strictObject({ storyId: id }),
  'revisions.get': z.strictObject({ id: revisionId }),
  /** `storyId`, when given, is the story the user has open: a revision of another story is refused. */
  'revisions.restore': z.strictObject({ id: revisionId, storyId: id.optional() }),
  'media.add': z.strictObject({ fileName: fileName.optional(), bytes: base64 }),
  'media.get': z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  'settings.get': z.strictObject({}),
  'settings.set': settings.partial().strict(),
  'sync.signIn': z.strictObject({
    serverUrl: webAddress('Địa chỉ máy chủ không phải địa chỉ web hợp lệ').transform((url) => url.trim()),
    username: z.string().trim().min(1, 'Thiếu tên đăng nhập').max(100, 'Tên đăng nhập quá dài'),
    password: z.string().min(1, 'Thiếu mật khẩu').max(1024, 'Mật khẩu quá dài'),
  }),
  'sync.signOut': z.strictObject({}),
  'sync.status': z.strictObject({}),
  'sync.now': z.strictObject({}),
  'sync.conflicts': z.strictObject({ storyId: id.optional() }),
  'sync.problems': z.strictObject({}),
  /** Settles one place of a merge, never a whole story: the block (or field) `conflictId` of `storyId`. */
  'sync.resolveConflict': z.strictObject({
    storyId: id,
    conflictId: z.uuid({ message: 'Mã chỗ sửa trùng không hợp lệ' }),
    keep: z.enum(['mine', 'theirs', 'both'], { message: 'Hãy chọn giữ của tôi (mine), của họ (theirs) hoặc cả hai (both)' }),
  }),
  ...workflowHandlerArgs,
  ...noteHandlerArgs,
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
  /** True for reference material kept on this desk only (an import's archive teasers): never sent, in no workflow status. */
  localOnly?: boolean;
  /** Who holds the story and since when, its deadline (absent from older services). */
  workflow?: ListWorkflow;
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
  /** True for the autosave still being written to: its text may change until it is sealed. */
  open: boolean;
  /** Set for a version the newsroom server keeps (not written on this desk): its revision number there. */
  serverRev?: number;
  /** On a merge the desk made by itself: the desk's revision and the server's revision it merged. */
  mergedFrom?: MergeParents;
}

/** What the importer found, before anything is written: the `import --dry-run --json` shape. */
export type ImportPreview = ImportedArticle;

export interface SyncStatus extends Required<SyncState> {
  serverUrl: string;
  /** Who is signed in; null when nobody is. */
  username: string | null;
  /** The signed-in account's name for bylines (the username when the server gives none); null when nobody is signed in. */
  displayName: string | null;
  /** Their newsroom role, from the sign-in answer; null when unknown. */
  role: Role | null;
}

/** What sync could not do, in words: changes the server refused, and pulled changes set aside here. */
export interface SyncProblems {
  refused: Array<{ storyId: string; headline: string; reason: string }>;
  setAside: Array<{ storyId: string | null; headline: string; reason: string; at: string }>;
}

/**
 * A place in a story where this desk and the server changed the same block (or
 * field) differently: the desk merged everything else by itself, and this waits
 * for the person's choice, "giữ của tôi / của họ / cả hai".
 */
export interface SyncConflict {
  id: string;
  storyId: string;
  createdAt: string;
  /** The server's revision the desk merged with: "theirs" is from it. */
  serverRev: number;
  /** The block or field in base, mine and theirs; "mine" as the story's text holds it now. */
  conflict: MergeConflict;
}

export interface HandlerResults extends WorkflowHandlerResults, NoteHandlerResults {
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
  /** The story with the revision's text, and the new 'restore' revision that holds it. */
  'revisions.restore': { story: Story; revisionId: string };
  'media.add': { sha256: string; src: string; mime: string };
  'media.get': { sha256: string; mime: string; bytes: string };
  'settings.get': Settings;
  'settings.set': Settings;
  'sync.signIn': SyncStatus;
  'sync.signOut': SyncStatus;
  'sync.status': SyncStatus;
  'sync.now': SyncStatus;
  'sync.conflicts': SyncConflict[];
  'sync.problems': SyncProblems;
  'sync.resolveConflict': { story: Story };
}

/** The handler map's type: the single source of truth for both sides of every transport. */
export type Handlers = { [N in HandlerName]: (args: HandlerArgs<N>) => Promise<HandlerResults[N]> };
