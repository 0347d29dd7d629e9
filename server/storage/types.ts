// The one storage interface the server talks to. Two implementations keep the
// same promises: ./sqlite (zero setup) and ./postgres (several stateless server
// instances sharing one database). Policy lives outside: applyOp receives a pure
// `decide` function and only guarantees atomicity, dedupe and ordering.
import type { RevisionReason, Story, StoryContent } from '../../core/story';
import type { ServerRevision, SyncOp } from '../../core/sync';
import type { Role } from '../../core/newsroom/roles';
import type { PublicAddress } from '../../core/site/address';
import type { AuditEntry, Notification, NotificationDraft, WorkflowFields } from '../../core/workflow';
import type { EditorialNote, Presence } from '../../core/workflow';

export type { PublicAddress };

export type UserRecord = {
  id: string;
  username: string;
  role: Role;
  /** The name readers see in a byline; null when the account has none (the username stands in). */
  displayName: string | null;
  passwordHash: string;
  createdAt: string;
};

export type SessionRecord = {
  user: UserRecord;
  expiresAt: string;
  revokedAt: string | null;
};

/** A story as the server keeps it: the story, its workflow fields and its place in the change stream. */
export type StoredStory = {
  story: Story;
  /** Status, holder, schedule, corrections and the live copy the site shows (core/workflow). */
  workflow: WorkflowFields;
  /** Position in the global change sequence; the pull cursor. */
  seq: number;
  trashedAt: string | null;
  /** Read by applyOps while the story is locked, for `decide`; absent from other reads. */
  facts?: StoryFacts;
};

/** What a push's judgement needs of a story besides its row, read from its other tables. */
export type StoryFacts = {
  /** The highest revision number the story has (a kept text may stand above its rev). */
  lastRev: number;
  /** Every take-over of the story, oldest first (read from its audit log). */
  takeOvers: readonly TakeOver[];
};

/** An editor took the story from `from`, who held it, at rev `rev`. */
export type TakeOver = { from: string; by: string; rev: number };


export type OpDecision =
  | {
      type: 'apply';
      story: Story;
      trashedAt: string | null;
      /** Set when the text changed: a revision snapshot is kept with this reason. */
      revisionReason: RevisionReason | null;
      /** The address to remember in the slug history (published stories only). */
      address: PublicAddress | null;
      /** sha256 of every stored image the body shows. */
      mediaRefs: string[];
      /** True when readers can see the difference: bumps the site version. */
      affectsSite: boolean;
      workflow: WorkflowFields;
      /** The text changed: the story takes rev + 1. A transition changes no text and keeps its rev. */
      textChanged: boolean;
      /** The audit log's line for a transition. */
      audit: AuditEntry | null;
      notifications: NotificationDraft[];
    }
  | { type: 'conflict' }
  | {
      type: 'reject';
      code: string;
      message: string;
      /**
       * Text refused but kept as a revision by the caller, above the story's
       * rev, its own text unchanged (an upsert from someone whose story was
       * taken over: no text is lost).
       */
      keep?: StoryContent;
    };

/** What storage needs of an op; the route's parsed op travels through whole, as `Op`. */
export type OpRequest = Pick<SyncOp, 'opId' | 'kind' | 'storyId'>;

export type OpOutcome =
  | { status: 'applied'; rev: number; stored: StoredStory }
  | { status: 'duplicate'; rev: number }
  | { status: 'conflict'; server: StoredStory }
  | { status: 'rejected'; code: string; message: string };

/** Judges one op of a batch against the story as the earlier ops left it. */
export type Decide<Op extends OpRequest = OpRequest> = (op: Op, current: StoredStory | null) => OpDecision;

/** An op of a push with how it ended: storage hands each parsed op back with its outcome. */
export type Answered<Op extends OpRequest = OpRequest> = { op: Op; outcome: OpOutcome };

export type Viewer = { username: string; role: Role };

export type PullPage = { changes: StoredStory[]; cursor: number; more: boolean };

export type MediaRecord = { sha256: string; mime: string; bytes: Buffer; size: number };

/** What the public site needs of a story for lists, boxes, RSS and the sitemap. */
export type Teaser = {
  id: string;
  shortId: string;
  section: string;
  sectionSlug: string;
  slug: string;
  headline: string;
  sapo: string;
  publishedAt: string;
  updatedAt: string;
  /** The newest correction the page shows, or null. */
  correction: string | null;
};

export type ArticleLookup = {
  stored: StoredStory;
  /** The current public address; differs from the requested one after a rename. */
  address: PublicAddress;
};

export type TeaserQuery = {
  sectionSlug?: string;
  /** Only editors' picks ("Nên xem"). */
  picksOnly?: boolean;
  excludeId?: string;
  limit: number;
  offset?: number;
};

export type DatabaseHealth = { kind: 'sqlite' | 'postgres'; ok: boolean; migration: number; error?: string };

/** Accounts: users and their sign-in sessions. */
export interface AccountStore {
  createUser(user: Omit<UserRecord, 'id' | 'createdAt'>): Promise<UserRecord>;
  findUser(username: string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  createSession(session: { tokenHash: string; userId: string; expiresAt: string }): Promise<void>;
  findSession(tokenHash: string): Promise<SessionRecord | null>;
  revokeSession(tokenHash: string): Promise<void>;
  /**
   * Counts one sign-in attempt of this (username, ip) pair, atomically: a
   * window older than `windowMs` starts again at 1. Answers the count and the
   * window's start after this attempt. Concurrent attempts, from any server
   * instance sharing the database, each get their own number.
   */
  countLoginAttempt(username: string, ip: string, now: Date, windowMs: number): Promise<LoginAttempts>;
  /** A successful sign-in forgets the pair's attempts. */
  clearLoginAttempts(username: string, ip: string): Promise<void>;
}

export type LoginAttempts = { attempts: number; windowStart: Date };

/** Desk sync: the story pool, its revisions and the change stream. */
export interface SyncStore {
  /**
   * Applies a push's ops, in order, in one transaction: claims each opId (a
   * unique constraint, so a retry or a concurrent copy is a duplicate), locks
   * the stories, asks `decide` about each op, writes what applies with rev + 1
   * and its own change number. Conflicts and rejections leave no trace, so a
   * retry is judged again. Answers one outcome per op, in order.
   */
  applyOps<Op extends OpRequest>(ops: readonly Op[], user: UserRecord, decide: Decide<Op>): Promise<Array<Answered<Op>>>;
  getStory(id: string): Promise<StoredStory | null>;
  pull(viewer: Viewer, cursor: number, limit: number): Promise<PullPage>;
  /** The story's audit log, oldest first. */
  audit(storyId: string): Promise<AuditEntry[]>;
  /** The story that was ever public at this section and slug (any short id), or null. */
  slugOwner(sectionSlug: string, slug: string): Promise<string | null>;
  /**
   * The scheduler's step: locks the scheduled stories (rows another instance
   * holds are skipped, so each is judged by exactly one) and applies what
   * `decide` says, as one batch written like a push.
   */
  runScheduled(decide: Decide<ScheduledOp>): Promise<Array<Answered<ScheduledOp>>>;
}

/**
 * What the scheduler judges: one scheduled story, with what the storage read of
 * it in the same transaction: who last scheduled it (told if it is held back)
 * and the story that already owns its address (the checklist's slug check).
 */
export type ScheduledOp = OpRequest & {
  kind: 'transition';
  baseRev: number;
  scheduledBy: string | null;
  slugOwner: string | null;
};

/** In-app notifications, written with the transitions that cause them. */
export interface NotificationStore {
  add(drafts: readonly NotificationDraft[]): Promise<void>;
  /** The user's, newest first; `after` keeps only later ones. */
  list(username: string, after: string | null, limit: number): Promise<Notification[]>;
  markRead(username: string, ids: readonly string[], at: string): Promise<void>;
}

/** A story's history: the version every applied change to its text left behind. */
export interface HistoryStore {
  /** The story's revisions, newest first, at most `limit`. */
  revisions(storyId: string, limit: number): Promise<ServerRevision[]>;
}

/** Images, addressed by sha256. */
export interface MediaStore {
  /** Stores an image once; returns false when those bytes were already there. */
  putMedia(media: MediaRecord): Promise<boolean>;
  getMedia(sha256: string): Promise<MediaRecord | null>;
  /** True when a published story shows this image, so anyone may fetch it. */
  isMediaPublic(sha256: string): Promise<boolean>;
}

/** What the public site reads: published stories, their addresses and the site version. */
export interface SiteStore {
  /** Bumped by every change readers can see; the public pages' cache key. */
  siteVersion(): Promise<number>;
  /** The story that was ever public at this address (current or old), if any. */
  findByAddress(shortId: string, address: PublicAddress): Promise<ArticleLookup | null>;
  latestPublished(query: TeaserQuery): Promise<Teaser[]>;
  countPublished(sectionSlug?: string): Promise<number>;
  publishedByIds(ids: string[]): Promise<Teaser[]>;
  /**
   * Published stories (but `excludeId`) whose headline occurs, as written, in
   * `text`: the titles an unlinked related-story line holds (core/site/related-line.ts).
   */
  publishedTitledIn(text: string, excludeId: string, limit: number): Promise<Teaser[]>;
}

/** The server's storage, one object per concern; ./sqlite and ./postgres each build one. */
export interface Storage {
  readonly kind: 'sqlite' | 'postgres';
  health(): Promise<DatabaseHealth>;
  close(): Promise<void>;
  readonly accounts: AccountStore;
  readonly sync: SyncStore;
  readonly history: HistoryStore;
  readonly media: MediaStore;
  readonly site: SiteStore;
  readonly notifications: NotificationStore;
  readonly notes: NoteStore;
  readonly presence: PresenceStore;
}

export class UserExistsError extends Error {
  constructor(readonly username: string) {
    super(`Tài khoản "${username}" đã tồn tại`);
    this.name = 'UserExistsError';
  }
}

/** A 'note' op of a push. */
export type NoteOp = Extract<SyncOp, { kind: 'note' }>;

/** What a note op is judged on, read in the transaction that writes it. */
export type NoteFacts = {
  story: StoredStory | null;
  /** A note already stored under the op's note id: a retry, or an id someone else took. */
  existing: EditorialNote | null;
  /** The note the op answers, when it names one that exists. */
  parent: EditorialNote | null;
};

export type NoteDecision =
  | { type: 'apply'; note: EditorialNote; notifications: NotificationDraft[] }
  | { type: 'duplicate' }
  | { type: 'reject'; code: string; message: string };

export type NotesQuery = { cursor: number; limit: number; storyId: string | null };
export type StoredNote = EditorialNote & { seq: number };
export type StoredNotesPage = { notes: StoredNote[]; cursor: number; more: boolean };

/** Editorial notes: their own change stream, never read by the public site. */
export interface NoteStore {
  /**
   * Applies a run of note ops of one push, in order, in one transaction: asks
   * `decide` about each with the facts read now (so a reply sees a root added
   * earlier in the run), then writes the note with the next note number and its
   * notifications. An applied op's outcome carries the story as it stands.
   */
  addNotes<Op extends NoteOp>(ops: readonly Op[], decide: (op: Op, facts: NoteFacts) => NoteDecision): Promise<Array<Answered<Op>>>;
  /** Notes after the cursor, in order, of stories the viewer may see (the same rule as pull). */
  page(viewer: Viewer, query: NotesQuery): Promise<StoredNotesPage>;
}

/** Who has a story open for editing: a row per (story, user), refreshed by heartbeats. */
export interface PresenceStore {
  /**
   * "I am editing this story", at `now`. `since` stays as it was while the
   * heartbeats keep coming within `ttlMs`; after a gap it starts again. Rows
   * older than the TTL are dropped. Answers who is present now, earliest first.
   */
  heartbeat(storyId: string, username: string, now: string, ttlMs: number): Promise<Presence[]>;
  leave(storyId: string, username: string): Promise<void>;
  /** Who sent a heartbeat within `ttlMs` of `now`, earliest first. */
  list(storyId: string, now: string, ttlMs: number): Promise<Presence[]>;
}
