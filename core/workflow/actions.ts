// A transition travels as an op: one named action and the inputs it needs. The
// schema checks shape only; whether the action is allowed, and whether a note it
// needs is there, is the state machine's call (./transition), so that a refusal
// always comes back with the same code from the desk and from the server.
import { z } from 'zod';
import { username } from './roles';

export const TRANSITION_ACTIONS = [
  'submit',
  'withdraw',
  'take',
  'return',
  'approve',
  'schedule',
  'unschedule',
  'publish',
  'update',
  'correct',
  'unpublish',
  'spike',
  'unspike',
  'assign',
] as const;
export const transitionAction = z.enum(TRANSITION_ACTIONS, { message: 'Thao tác biên tập không hợp lệ' });
export type TransitionAction = z.infer<typeof transitionAction>;

/** The desk's button for each action (issue #10's names). */
export const ACTION_LABELS: Record<TransitionAction, string> = {
  submit: 'Nộp bài',
  withdraw: 'Rút bài',
  take: 'Nhận bài',
  return: 'Trả bài',
  approve: 'Duyệt',
  schedule: 'Hẹn giờ đăng',
  unschedule: 'Huỷ hẹn giờ',
  publish: 'Đăng ngay',
  update: 'Cập nhật bài',
  correct: 'Đính chính',
  unpublish: 'Gỡ bài',
  spike: 'Loại bài',
  unspike: 'Khôi phục bài',
  assign: 'Giao bài',
};

export const MAX_NOTE_LENGTH = 2_000;

const isoTime = z.iso.datetime({ offset: true, message: 'Thời gian phải theo ISO 8601' });
const note = z.string().max(MAX_NOTE_LENGTH, `Ghi chú quá dài (tối đa ${MAX_NOTE_LENGTH} ký tự)`).optional();

function op<A extends TransitionAction, S extends z.core.$ZodLooseShape>(action: A, shape: S) {
  return z.strictObject({ action: z.literal(action), note, ...shape });
}

/** The payload of a 'transition' sync op. Every action may carry a note for the audit log. */
export const transitionOp = z.discriminatedUnion(
  'action',
  [
    op('submit', {}),
    op('withdraw', {}),
    op('take', {}),
    op('return', {}),
    op('approve', {}),
    op('schedule', { publishAt: isoTime }),
    op('unschedule', {}),
    // An editor may backdate a first publication, e.g. when loading an archive.
    op('publish', { publishedAt: isoTime.optional() }),
    op('update', {}),
    op('correct', {}),
    op('unpublish', {}),
    op('spike', {}),
    op('unspike', {}),
    op('assign', { assignee: username.nullable(), deadline: isoTime.nullable() }),
  ],
  { error: (issue) => (issue.code === 'invalid_union' ? 'Thao tác biên tập không hợp lệ' : undefined) },
);
export type TransitionOp = z.infer<typeof transitionOp>;
