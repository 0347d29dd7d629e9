// A story's history belongs to the newsroom: the history panel of every desk
// that has a story shows, besides the versions written on that desk, the
// versions the server keeps (GET /api/stories/:id/revisions), with author, time
// and reason. They are read when the panel opens and the desk is signed in and
// online, never stored: the server is where they live, and a desk offline shows
// its own versions and says the newsroom's could not be read.
//
// Which of the server's versions are shown:
//   1. A version this desk also holds is shown once, as the desk's: a local
//      revision by the same author with the same text, and the same reason, or
//      any reason when the server's is 'save' (the server records every text a
//      desk pushes as a 'save': the desk's autosaves, restores and merges too).
//      A 'submit' with the text of an earlier local save is a new version.
//   2. On the server every push that changes the text is a version ('save'),
//      autosaves included. As the desk does with its own autosaves, a run of one
//      author's consecutive 'save' versions, each within SERVER_SAVE_WINDOW_MS of
//      the run's first, is shown as its newest. Every other reason (submit,
//      approve, publish, correct, restore, merge) always stands on its own.
// A server version is addressed as "server:<storyId>:<rev>" on the desk.
import type { RevisionReason, StoryContent } from '../story';
import type { ServerRevision } from './newsroom-api';

export const SERVER_SAVE_WINDOW_MS = 10 * 60 * 1000;

const SERVER_REVISION_ID = /^server:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([1-9][0-9]{0,9})$/;

export function serverRevisionId(storyId: string, rev: number): string {
  return `server:${storyId.toLowerCase()}:${rev}`;
}

/** The story and revision number a desk's "server:…" id names; null for any other id. */
export function parseServerRevisionId(id: string): { storyId: string; rev: number } | null {
  const match = SERVER_REVISION_ID.exec(id);
  if (!match) return null;
  return { storyId: match[1] as string, rev: Number(match[2]) };
}

export function isServerRevisionId(id: string): boolean {
  return SERVER_REVISION_ID.test(id);
}

export type LocalVersion = { author: string; reason: RevisionReason; content: StoryContent };

/** The server's versions the panel shows (rules 1 and 2 above), newest first. */
export function newsroomVersions(
  server: readonly ServerRevision[],
  local: readonly LocalVersion[],
  sameContent: (a: StoryContent, b: StoryContent) => boolean,
): ServerRevision[] {
  const oldestFirst = [...server].sort((a, b) => a.rev - b.rev);
  const shown: ServerRevision[] = [];
  let run: { author: string; startedAt: number } | null = null;
  for (const revision of oldestFirst) {
    const at = Date.parse(revision.createdAt);
    const folds =
      revision.reason === 'save' &&
      run !== null &&
      run.author === revision.author &&
      at - run.startedAt <= SERVER_SAVE_WINDOW_MS;
    if (folds) shown[shown.length - 1] = revision;
    else {
      shown.push(revision);
      run = revision.reason === 'save' ? { author: revision.author, startedAt: at } : null;
    }
  }
  const ownHere = (revision: ServerRevision) =>
    local.some(
      (version) =>
        version.author === revision.author &&
        (revision.reason === 'save' || revision.reason === version.reason) &&
        sameContent(version.content, revision.content),
    );
  return shown.filter((revision) => !ownHere(revision)).reverse();
}
