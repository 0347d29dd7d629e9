// A push is applied as one batch: the storage claims the op ids and locks the
// stories, then this pure planner walks the ops in order, asking `decide` about
// each against the story as the earlier ops of the batch left it. The storage
// then writes the plan and numbers the applied ops from the change sequence.
// Shared by both storages, so SQLite and PostgreSQL answer identically.
import type { Story, StoryContent } from '../../core/story';
import type { Answered, Decide, OpDecision, OpOutcome, OpRequest, StoredStory, UserRecord } from './types';

export type ApplyDecision = Extract<OpDecision, { type: 'apply' }>;

export type PlannedWrite<Op extends OpRequest = OpRequest> = {
  op: Op;
  /** The story before this op (null when this op creates it). */
  before: StoredStory | null;
  story: Story;
  decision: ApplyDecision;
  rev: number;
};

/** How an op ended before sequence numbers are known. */
type PlannedOutcome =
  | OpOutcome
  | { status: 'applied-pending'; write: number }
  | { status: 'conflict-pending'; write: number };

/** A refused text kept as a revision of its story (see OpDecision's `keep`); the story row is not touched. */
export type KeptRevision = { storyId: string; rev: number; content: StoryContent };

export type BatchPlan<Op extends OpRequest = OpRequest> = {
  /** One per op, in order, each with its op. */
  outcomes: Array<{ op: Op; outcome: PlannedOutcome }>;
  writes: PlannedWrite<Op>[];
  kept: KeptRevision[];
  /** Claimed op ids that ended in nothing written: their claim is dropped so a retry is judged again. */
  released: string[];
  affectsSite: boolean;
};

export type PriorOp = { userId: string; rev: number | null };

export const notFound: OpOutcome = { status: 'rejected', code: 'NOT_FOUND', message: 'Bài không có trên máy chủ' };
const opIdTaken: OpOutcome = {
  status: 'rejected',
  code: 'OP_ID_TAKEN',
  message: 'Mã thao tác này đã được dùng bởi tài khoản khác',
};

export function planBatch<Op extends OpRequest>(
  ops: readonly Op[],
  user: UserRecord,
  claimed: ReadonlySet<string>,
  prior: ReadonlyMap<string, PriorOp>,
  stories: ReadonlyMap<string, StoredStory>,
  decide: Decide<Op>,
): BatchPlan<Op> {
  // lastRev: the highest revision number taken, which a kept text may put above the story's rev.
  const state = new Map<string, { stored: StoredStory; write: number | null; lastRev: number }>();
  for (const [id, stored] of stories) state.set(id, { stored, write: null, lastRev: Math.max(stored.story.rev, stored.facts?.lastRev ?? 0) });
  const appliedRev = new Map<string, number>();
  const released = new Set<string>();
  const outcomes: BatchPlan<Op>['outcomes'] = [];
  const writes: PlannedWrite<Op>[] = [];
  const kept: KeptRevision[] = [];

  for (const op of ops) {
    const answer = (outcome: PlannedOutcome) => outcomes.push({ op, outcome });
    if (!claimed.has(op.opId)) {
      const p = prior.get(op.opId);
      if (!p || p.userId !== user.id) answer(opIdTaken);
      else answer({ status: 'duplicate', rev: p.rev ?? 0 });
      continue;
    }
    const done = appliedRev.get(op.opId);
    if (done !== undefined) {
      answer({ status: 'duplicate', rev: done });
      continue;
    }
    const current = state.get(op.storyId) ?? null;
    const decision = decide(op, current?.stored ?? null);
    if (decision.type !== 'apply') {
      released.add(op.opId);
      if (decision.type === 'reject' && decision.keep && current) {
        current.lastRev += 1;
        kept.push({ storyId: op.storyId, rev: current.lastRev, content: decision.keep });
      }
      if (decision.type === 'reject') answer({ status: 'rejected', code: decision.code, message: decision.message });
      else if (!current) answer(notFound);
      else if (current.write === null) answer({ status: 'conflict', server: current.stored });
      else answer({ status: 'conflict-pending', write: current.write });
      continue;
    }
    const rev = !current ? 1 : decision.textChanged ? current.lastRev + 1 : current.stored.story.rev;
    const story: Story = { ...decision.story, rev, baseRev: rev };
    writes.push({ op, before: current?.stored ?? null, story, decision, rev });
    const write = writes.length - 1;
    const facts = current?.stored.facts;
    const stored: StoredStory = { story, workflow: decision.workflow, seq: -1, trashedAt: decision.trashedAt, ...(facts ? { facts } : {}) };
    state.set(op.storyId, { stored, write, lastRev: Math.max(rev, current?.lastRev ?? 0) });
    appliedRev.set(op.opId, rev);
    released.delete(op.opId);
    answer({ status: 'applied-pending', write });
  }

  return { outcomes, writes, kept, released: [...released], affectsSite: writes.some((w) => w.decision.affectsSite) };
}

/** The write with index k took change number firstSeq + k. */
export function storedOf(plan: BatchPlan, write: number, firstSeq: number): StoredStory {
  const w = plan.writes[write] as PlannedWrite;
  return { story: w.story, workflow: w.decision.workflow, seq: firstSeq + write, trashedAt: w.decision.trashedAt };
}

export function finishBatch<Op extends OpRequest>(plan: BatchPlan<Op>, firstSeq: number): Array<Answered<Op>> {
  return plan.outcomes.map(({ op, outcome: o }) => {
    if (o.status === 'applied-pending') {
      return { op, outcome: { status: 'applied', rev: (plan.writes[o.write] as PlannedWrite).rev, stored: storedOf(plan, o.write, firstSeq) } };
    }
    if (o.status === 'conflict-pending') return { op, outcome: { status: 'conflict', server: storedOf(plan, o.write, firstSeq) } };
    return { op, outcome: o };
  });
}

/** Per story, its last write in the batch: what the stories table ends up holding. */
export function finalWrites(plan: BatchPlan): Array<{ index: number; write: PlannedWrite; created: boolean }> {
  const last = new Map<string, number>();
  const created = new Set<string>();
  plan.writes.forEach((w, i) => {
    last.set(w.story.id, i);
    if (w.before === null) created.add(w.story.id);
  });
  return [...last].map(([id, index]) => ({ index, write: plan.writes[index] as PlannedWrite, created: created.has(id) }));
}

/** The text a revision snapshots. */
export function revisionContent(story: Story): StoryContent {
  const { headline, sapo, byline, section, tags, slug, related, body } = story;
  return { headline, sapo, byline, section, tags, slug, related, body };
}
