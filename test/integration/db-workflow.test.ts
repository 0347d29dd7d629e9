// The desk's workflow in its local store (real SQLite, no server): transitions
// queue as their own ops, in order, after the story's text and never coalesced;
// the desk shows their effect as pending; what the server sends is taken by its
// change number, so a copy with the same rev but a newer workflow is taken even
// while the story's text waits, and an older one never is; a refused
// transition drops out and the server's state shows; an applied one stays shown
// until a pulled copy shows it back.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredStoryWire, WorkflowWire } from '../../core/sync';
import { initialWorkflow, type WorkflowUser } from '../../core/workflow';
import { defaultSettings, LocalStore, upsertPayloadOf, type StoredStory } from '../../db';
import { sampleLines } from '../helpers/db-story-content';
import { makeTempDir, type TempDir } from '../helpers/db-temp';
import { storyText } from '../helpers/sync-desk';

const { paragraphs } = sampleLines();
const LAN: WorkflowUser = { username: 'lan', role: 'reporter' };
const MINH: WorkflowUser = { username: 'minh', role: 'editor' };

let temp: TempDir;
let store: LocalStore;
let now = Date.parse('2025-05-20T03:32:00.000Z');
beforeEach(() => {
  temp = makeTempDir();
  store = new LocalStore(temp.file('store.db'), { defaultSettings: defaultSettings('lan'), clock: () => new Date(now) });
});
afterEach(() => {
  store.close();
  temp.remove();
});

const tick = (ms = 60_000) => {
  now += ms;
};

function ops(storyId: string): Array<{ kind: string; state: string; action: string | null; sapo: string | null }> {
  const db = new Database(temp.file('store.db'), { readonly: true });
  try {
    return db
      .prepare(
        `SELECT kind, state, json_extract(payload, '$.action') AS action, json_extract(payload, '$.sapo') AS sapo
         FROM outbox WHERE story_id = ? ORDER BY seq`,
      )
      .all(storyId) as Array<{ kind: string; state: string; action: string | null; sapo: string | null }>;
  } finally {
    db.close();
  }
}

/** The server's copy of a story as pull brings it: its text at `rev`, its workflow, change `seq`. */
function pulled(story: StoredStory, rev: number, seq: number, workflow: Partial<WorkflowWire> = {}): StoredStoryWire {
  const { live: _live, ...fields } = initialWorkflow();
  const wire: WorkflowWire = { ...fields, pendingUpdate: false, ...workflow };
  return {
    story: {
      ...upsertPayloadOf(story),
      id: story.id,
      status: wire.status,
      author: 'lan',
      assignee: wire.assignee,
      publishAt: wire.publishAt,
      publishedAt: wire.publishedAt,
      createdAt: story.createdAt,
      updatedAt: new Date(now).toISOString(),
      rev,
      baseRev: rev,
    },
    seq,
    trashedAt: null,
    workflow: wire,
  };
}

/** The server answered the story's oldest unsent op as `applied`. */
function answerOldest(storyId: string, rev: number, seq: number): void {
  const [op] = store.outbox.nextBatch(1, 1_000_000).filter((o) => o.storyId === storyId);
  if (!op) throw new Error('nothing to answer');
  store.transaction(() => store.reconciler.applied(op.opId, storyId, { kind: op.kind, rev, seq }, 'lan'));
}

const shown = (id: string) => store.workflows.view(id);

describe('transitions in the outbox', () => {
  it('queue after the text written before them, in order, never coalesced; text written after goes after', () => {
    const story = store.stories.create(storyText(1, 0, paragraphs), { author: 'lan' });
    store.stories.autosave(story.id, storyText(1, 1, paragraphs), { author: 'lan' });
    store.stories.transition(story.id, { action: 'submit' }, LAN);
    store.stories.transition(story.id, { action: 'withdraw' }, LAN);
    store.stories.autosave(story.id, storyText(1, 2, paragraphs), { author: 'lan' });
    store.stories.autosave(story.id, storyText(1, 3, paragraphs), { author: 'lan' });
    store.stories.transition(story.id, { action: 'submit', note: 'Xin anh xem giúp' }, LAN);

    expect(ops(story.id)).toEqual([
      { kind: 'upsert', state: 'pending', action: null, sapo: storyText(1, 1, paragraphs).sapo },
      { kind: 'transition', state: 'pending', action: 'submit', sapo: null },
      { kind: 'transition', state: 'pending', action: 'withdraw', sapo: null },
      { kind: 'upsert', state: 'pending', action: null, sapo: storyText(1, 3, paragraphs).sapo },
      { kind: 'transition', state: 'pending', action: 'submit', sapo: null },
    ]);
    // The desk shows the last state the queue leads to, as pending.
    expect(shown(story.id)).toMatchObject({ workflow: { status: 'submitted' }, pending: ['submit', 'withdraw', 'submit'] });
    expect(store.stories.get(story.id)?.status).toBe('submitted');
    // Nothing of the status travels with the text.
    expect(upsertPayloadOf(store.stories.get(story.id) as StoredStory)).not.toHaveProperty('status');
  });

  it('a refused transition drops out, and the desk shows the server state again', () => {
    const story = store.stories.create(storyText(2, 0, paragraphs), { author: 'lan' });
    answerOldest(story.id, 1, 10);
    store.transaction(() => store.reconciler.pulled(pulled(story, 1, 11, { status: 'submitted' }), 'lan'));
    tick();
    // Offline, the reporter withdraws; meanwhile the desk took the story on the server.
    store.stories.transition(story.id, { action: 'withdraw' }, LAN);
    expect(shown(story.id)).toMatchObject({ workflow: { status: 'draft', statusSince: new Date(now).toISOString() }, pending: ['withdraw'] });
    const [op] = store.outbox.nextBatch(10, 1_000_000);
    store.transaction(() => {
      store.reconciler.rejected(op?.opId ?? '', story.id, 'Không thể rút bài: bài đang ở trạng thái “đang biên tập”');
      store.reconciler.pulled(pulled(story, 1, 12, { status: 'editing', holder: 'minh', heldSince: '2025-05-20T03:40:00.000Z' }), 'lan');
    });
    expect(shown(story.id)).toMatchObject({ workflow: { status: 'editing', holder: 'minh', heldSince: '2025-05-20T03:40:00.000Z' }, pending: [] });
    expect(store.outbox.refused()).toEqual([
      expect.objectContaining({ action: 'withdraw', error: 'Không thể rút bài: bài đang ở trạng thái “đang biên tập”' }),
    ]);
  });

  it('an applied transition stays shown until a pulled copy at least as new shows it back', () => {
    const story = store.stories.create(storyText(3, 0, paragraphs), { author: 'lan' });
    answerOldest(story.id, 1, 20);
    store.stories.transition(story.id, { action: 'submit' }, LAN);
    answerOldest(story.id, 1, 21);
    expect(shown(story.id)).toMatchObject({ workflow: { status: 'submitted' }, pending: [] });
    expect(ops(story.id)).toEqual([{ kind: 'transition', state: 'applied', action: 'submit', sapo: null }]);
    // A copy pulled from before the transition changes nothing shown.
    store.transaction(() => store.reconciler.pulled(pulled(story, 1, 20), 'lan'));
    expect(shown(story.id)?.workflow.status).toBe('submitted');
    store.transaction(() => store.reconciler.pulled(pulled(story, 1, 21, { status: 'submitted' }), 'lan'));
    expect(shown(story.id)?.workflow.status).toBe('submitted');
    expect(ops(story.id)).toEqual([]);
  });
});

describe('pulled copies', () => {
  it('take a newer workflow with the same rev, even while the story text waits here; never an older one', () => {
    const story = store.stories.create(storyText(4, 0, paragraphs), { author: 'lan' });
    answerOldest(story.id, 1, 30);
    store.transaction(() => store.reconciler.pulled(pulled(story, 1, 31, { status: 'submitted' }), 'lan'));
    // The reporter's edit waits here (written before the desk took the story).
    store.stories.autosave(story.id, storyText(4, 1, paragraphs), { author: 'lan' });
    const deadline = '2025-05-21T10:00:00.000Z';
    store.transaction(() =>
      store.reconciler.pulled(pulled(story, 1, 33, { status: 'editing', holder: 'minh', heldSince: '2025-05-20T04:00:00.000Z', assignee: 'binh', deadline }), 'lan'),
    );
    const after = store.stories.get(story.id);
    expect(after).toMatchObject({ status: 'editing', assignee: 'binh', rev: 1, sapo: storyText(4, 1, paragraphs).sapo });
    expect(shown(story.id)?.workflow).toMatchObject({ holder: 'minh', deadline });
    // An older change arriving late (seq 32) is not taken.
    store.transaction(() => store.reconciler.pulled(pulled(story, 1, 32, { status: 'returned' }), 'lan'));
    expect(store.stories.get(story.id)?.status).toBe('editing');
    // The waiting text was not overwritten by either.
    expect(store.stories.get(story.id)?.sapo).toBe(storyText(4, 1, paragraphs).sapo);
    expect(store.workflows.listed([story.id]).get(story.id)).toEqual({
      assignee: 'binh',
      deadline,
      holder: 'minh',
      heldSince: '2025-05-20T04:00:00.000Z',
      statusSince: expect.any(String),
      publishAt: null,
      publishedAt: null,
      pending: false,
    });
  });

  it('counts the desk views from the store: queues, published today in Hanoi, mine and assigned with overdue', () => {
    const make = (n: number, workflow: Partial<WorkflowWire>, seq: number) => {
      const story = store.stories.create(storyText(n, 0, paragraphs), { author: 'lan' });
      answerOldest(story.id, 1, seq);
      store.transaction(() => store.reconciler.pulled(pulled(story, 1, seq + 1, workflow), 'lan'));
      return story;
    };
    // 10:32 Hanoi on 20 May: "today" began at 17:00 UTC on the 19th.
    make(10, { status: 'submitted' }, 100);
    make(11, { status: 'submitted' }, 110);
    make(12, { status: 'editing', holder: 'minh', heldSince: '2025-05-20T03:00:00.000Z' }, 120);
    make(13, { status: 'published', publishedAt: '2025-05-19T17:30:00.000Z' }, 130);
    make(14, { status: 'published', publishedAt: '2025-05-19T16:59:00.000Z' }, 140);
    make(15, { status: 'draft', assignee: 'lan', deadline: '2025-05-20T02:00:00.000Z' }, 150);
    make(16, { status: 'returned', assignee: 'lan', deadline: '2025-05-21T02:00:00.000Z' }, 160);
    const counts = store.workflows.counts('lan', '2025-05-19T17:00:00.000Z', new Date(now).toISOString());
    expect(counts).toEqual({
      counts: { submitted: 2, editing: 1, returned: 1, approved: 0, scheduled: 0, publishedToday: 1, mine: 7, assigned: 2 },
      overdue: 1,
    });
    expect(store.workflows.counts(MINH.username, '2025-05-19T17:00:00.000Z', new Date(now).toISOString()).counts).toMatchObject({ mine: 0, assigned: 0 });
  });
});
