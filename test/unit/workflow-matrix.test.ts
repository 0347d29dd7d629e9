// Every action × every state × every person, written out as issue #10's table
// reads, independently of core/workflow's own rule table. Each row is the
// outcome for lan (the reporter who wrote the story), binh (another reporter),
// minh (the editor holding it while it is edited), hoa (another editor) and
// tuan (the editor-in-chief):
//   ok  allowed   F FORBIDDEN   S WRONG_STATE   O NOT_OWNER   H NOT_HOLDER
//   A ALREADY_HOLDER   P NO_PENDING_UPDATE
// "pending" is a published story whose working copy differs from the live one.
import { describe, expect, it } from 'vitest';
import { allowedActions, applyTransition, TRANSITION_ACTIONS, type TransitionAction, type TransitionOp } from '../../core/workflow';
import { CASES, LATER, NOW, PASSING_CHECKS, PERSONAS, storyIn, USERS, type Case } from '../helpers/workflow-stories';

const TABLE: Record<TransitionAction, string> = {
  submit: `
    draft        ok F  F  F  F
    submitted    S  F  S  S  S
    editing      S  F  S  S  S
    returned     ok F  O  O  O
    approved     S  F  S  S  S
    scheduled    S  F  S  S  S
    published    S  F  S  S  S
    pending      S  F  S  S  S
    unpublished  S  F  S  S  S
    spiked       S  F  S  S  S`,
  withdraw: `
    draft        S  F  F  F  F
    submitted    ok F  O  O  O
    editing      S  F  S  S  S
    returned     S  F  S  S  S
    approved     S  F  S  S  S
    scheduled    S  F  S  S  S
    published    S  F  S  S  S
    pending      S  F  S  S  S
    unpublished  S  F  S  S  S
    spiked       S  F  S  S  S`,
  take: `
    draft        F  F  F  F  F
    submitted    F  F  ok ok ok
    editing      F  F  A  ok ok
    returned     F  F  S  S  S
    approved     F  F  S  S  S
    scheduled    F  F  S  S  S
    published    F  F  S  S  S
    pending      F  F  S  S  S
    unpublished  F  F  S  S  S
    spiked       F  F  S  S  S`,
  return: `
    draft        F  F  F  F  F
    submitted    F  F  S  S  S
    editing      F  F  ok H  H
    returned     F  F  S  S  S
    approved     F  F  S  S  S
    scheduled    F  F  S  S  S
    published    F  F  S  S  S
    pending      F  F  S  S  S
    unpublished  F  F  S  S  S
    spiked       F  F  S  S  S`,
  approve: `
    draft        F  F  F  F  F
    submitted    F  F  S  S  S
    editing      F  F  ok H  H
    returned     F  F  S  S  S
    approved     F  F  S  S  S
    scheduled    F  F  S  S  S
    published    F  F  S  S  S
    pending      F  F  S  S  S
    unpublished  F  F  S  S  S
    spiked       F  F  S  S  S`,
  schedule: `
    draft        F  F  F  F  F
    submitted    F  F  S  S  S
    editing      F  F  S  S  S
    returned     F  F  S  S  S
    approved     F  F  ok ok ok
    scheduled    F  F  S  S  S
    published    F  F  S  S  S
    pending      F  F  S  S  S
    unpublished  F  F  S  S  S
    spiked       F  F  S  S  S`,
  unschedule: `
    draft        F  F  F  F  F
    submitted    F  F  S  S  S
    editing      F  F  S  S  S
    returned     F  F  S  S  S
    approved     F  F  S  S  S
    scheduled    F  F  ok ok ok
    published    F  F  S  S  S
    pending      F  F  S  S  S
    unpublished  F  F  S  S  S
    spiked       F  F  S  S  S`,
  publish: `
    draft        F  F  F  F  F
    submitted    F  F  S  S  S
    editing      F  F  S  S  S
    returned     F  F  S  S  S
    approved     F  F  ok ok ok
    scheduled    F  F  ok ok ok
    published    F  F  S  S  S
    pending      F  F  S  S  S
    unpublished  F  F  S  S  S
    spiked       F  F  S  S  S`,
  update: `
    draft        F  F  F  F  F
    submitted    F  F  S  S  S
    editing      F  F  S  S  S
    returned     F  F  S  S  S
    approved     F  F  S  S  S
    scheduled    F  F  S  S  S
    published    F  F  P  P  P
    pending      F  F  ok ok ok
    unpublished  F  F  S  S  S
    spiked       F  F  S  S  S`,
  correct: `
    draft        F  F  F  F  F
    submitted    F  F  F  F  S
    editing      F  F  F  F  S
    returned     F  F  F  F  S
    approved     F  F  F  F  S
    scheduled    F  F  F  F  S
    published    F  F  F  F  ok
    pending      F  F  F  F  ok
    unpublished  F  F  F  F  S
    spiked       F  F  F  F  S`,
  unpublish: `
    draft        F  F  F  F  F
    submitted    F  F  F  F  S
    editing      F  F  F  F  S
    returned     F  F  F  F  S
    approved     F  F  F  F  S
    scheduled    F  F  F  F  S
    published    F  F  F  F  ok
    pending      F  F  F  F  ok
    unpublished  F  F  F  F  S
    spiked       F  F  F  F  S`,
  spike: `
    draft        F  F  F  F  F
    submitted    F  F  ok ok ok
    editing      F  F  ok ok ok
    returned     F  F  ok ok ok
    approved     F  F  ok ok ok
    scheduled    F  F  ok ok ok
    published    F  F  S  S  S
    pending      F  F  S  S  S
    unpublished  F  F  S  S  S
    spiked       F  F  S  S  S`,
  unspike: `
    draft        F  F  F  F  F
    submitted    F  F  S  S  S
    editing      F  F  S  S  S
    returned     F  F  S  S  S
    approved     F  F  S  S  S
    scheduled    F  F  S  S  S
    published    F  F  S  S  S
    pending      F  F  S  S  S
    unpublished  F  F  S  S  S
    spiked       F  F  ok ok ok`,
  assign: `
    draft        F  F  F  F  F
    submitted    F  F  ok ok ok
    editing      F  F  ok ok ok
    returned     F  F  ok ok ok
    approved     F  F  ok ok ok
    scheduled    F  F  ok ok ok
    published    F  F  S  S  S
    pending      F  F  S  S  S
    unpublished  F  F  S  S  S
    spiked       F  F  S  S  S`,
};

const CODES: Record<string, string> = {
  ok: 'ok',
  F: 'FORBIDDEN',
  S: 'WRONG_STATE',
  O: 'NOT_OWNER',
  H: 'NOT_HOLDER',
  A: 'ALREADY_HOLDER',
  P: 'NO_PENDING_UPDATE',
};

function expected(action: TransitionAction): Map<Case, string[]> {
  const rows = new Map<Case, string[]>();
  for (const line of TABLE[action].trim().split('\n')) {
    const [state, ...cells] = line.trim().split(/\s+/);
    rows.set(state as Case, cells.map((cell) => CODES[cell] ?? `unknown cell ${cell}`));
  }
  return rows;
}

/** The inputs a person would give in the dialog: a note where one is needed, a future time. */
const INPUTS: Record<TransitionAction, TransitionOp> = {
  submit: { action: 'submit' },
  withdraw: { action: 'withdraw' },
  take: { action: 'take' },
  return: { action: 'return', note: 'Cần thêm ý kiến của đoàn viên tại Cụm thi đua số 4' },
  approve: { action: 'approve' },
  schedule: { action: 'schedule', publishAt: LATER },
  unschedule: { action: 'unschedule' },
  publish: { action: 'publish' },
  update: { action: 'update' },
  correct: { action: 'correct', note: 'Bản trước ghi nhầm chức danh của đồng chí Phùng Quốc Tuệ' },
  unpublish: { action: 'unpublish' },
  spike: { action: 'spike' },
  unspike: { action: 'unspike' },
  assign: { action: 'assign', assignee: 'binh', deadline: LATER },
};

describe('the table is complete', () => {
  it.each(TRANSITION_ACTIONS)('%s has one row per state, five people each', (action) => {
    const rows = expected(action);
    expect([...rows.keys()]).toEqual([...CASES]);
    for (const cells of rows.values()) expect(cells).toHaveLength(PERSONAS.length);
  });
});

describe.each(TRANSITION_ACTIONS)('%s', (action) => {
  const rows = expected(action);
  it.each(CASES)('from %s', (state) => {
    const outcomes = PERSONAS.map((persona) => {
      const result = applyTransition(storyIn(state), INPUTS[action], USERS[persona], NOW, PASSING_CHECKS);
      return result.ok ? 'ok' : result.refusal.code;
    });
    expect(outcomes).toEqual(rows.get(state));
  });
});

describe('allowedActions: exactly the buttons whose action would be applied', () => {
  it.each(CASES)('from %s', (state) => {
    for (const persona of PERSONAS) {
      const shown = allowedActions(storyIn(state), USERS[persona]);
      const fromTable = TRANSITION_ACTIONS.filter((action) => expected(action).get(state)?.[PERSONAS.indexOf(persona)] === 'ok');
      expect({ persona, shown }).toEqual({ persona, shown: fromTable });
    }
  });
});

describe('refusals speak Vietnamese', () => {
  it.each([
    ['approve', 'draft', 'lan', 'Chỉ biên tập viên và tổng biên tập được duyệt'],
    ['correct', 'published', 'hoa', 'Chỉ tổng biên tập được đính chính'],
    ['withdraw', 'editing', 'lan', 'Không thể rút bài: bài đang ở trạng thái “đang biên tập”'],
    ['return', 'editing', 'hoa', 'Bài đang do minh biên tập; hãy nhận bài trước'],
    ['take', 'editing', 'minh', 'Bạn đang giữ bài này'],
    ['submit', 'returned', 'hoa', 'Chỉ người viết bài được nộp bài'],
    ['spike', 'draft', 'tuan', 'Bạn không có quyền xem bài này'],
  ] as const)('%s from %s by %s', (action, state, persona, message) => {
    const result = applyTransition(storyIn(state), INPUTS[action], USERS[persona], NOW, PASSING_CHECKS);
    expect(result).toMatchObject({ ok: false, refusal: { message } });
  });
});
