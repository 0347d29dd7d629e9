// The editorial workflow's part of the handler map (spread into ./contract):
// transitions made on the desk, the desk's queues, the pre-publication
// checklist, a story's audit log and the signed-in user's notifications.
// Transitions are checked here with core/workflow's state machine, queued as
// 'transition' ops and judged again by the server, which has the last word.
import { z } from 'zod';
import {
  notification,
  transitionOp,
  type AuditEntry,
  type CheckResult,
  type Notification,
  type Role,
  type TransitionAction,
  type WorkflowUser,
} from '../workflow';
import { workflowWire } from '../sync';

const storyId = z.uuid({ message: 'Mã bài viết không hợp lệ' });
const isoTime = z.iso.datetime({ offset: true, message: 'Thời gian phải theo ISO 8601' });

/**
 * The desk's views, each with its count: the desk's queues, "my stories" (by
 * their author) and "assigned to me". `publishedToday` is today in Hanoi.
 */
export const QUEUE_NAMES = ['submitted', 'editing', 'returned', 'approved', 'scheduled', 'publishedToday', 'mine', 'assigned'] as const;
export const queueName = z.enum(QUEUE_NAMES, { message: 'Hàng bài không hợp lệ' });
export type QueueName = z.infer<typeof queueName>;

/** A story's workflow as the desk shows it, with when it came into its present status. */
export const deskWorkflow = workflowWire.extend({ statusSince: isoTime.nullable() });
export type DeskWorkflow = z.infer<typeof deskWorkflow>;

export const workflowHandlerArgs = {
  'workflow.view': z.strictObject({ storyId }),
  'workflow.transition': z.strictObject({ storyId, op: transitionOp }),
  'workflow.checklist': z.strictObject({ storyId }),
  'workflow.audit': z.strictObject({ storyId }),
  'workflow.queues': z.strictObject({}),
  'workflow.users': z.strictObject({}),
  'notifications.list': z.strictObject({}),
  'notifications.markRead': z.strictObject({ ids: z.array(z.uuid({ message: 'Mã thông báo không hợp lệ' })).min(1).max(500) }),
} as const;

export interface WorkflowView {
  storyId: string;
  /** The server's workflow with this desk's unanswered transitions applied on top. */
  workflow: DeskWorkflow;
  /** Transitions made here that the server has not answered yet, in order: shown as pending. */
  pending: TransitionAction[];
  /** Who acts on this desk: the signed-in newsroom account; null when none is known. */
  user: WorkflowUser | null;
  /** The writer as the state machine sees it: a story the server has not seen yet is the acting user's. */
  author: string;
  trashed: boolean;
}

export interface ChecklistAnswer {
  results: CheckResult[];
  /** 'server': the newsroom's checklist (kept from the last time the server answered); 'default': core's. */
  source: 'server' | 'default';
}

export interface AuditAnswer {
  /** Oldest first; null when the log could not be asked for. */
  entries: AuditEntry[] | null;
  /** Why not, in words (offline, not signed in, not on the server yet). */
  unavailable: string | null;
}

export interface QueueCounts {
  counts: Record<QueueName, number>;
  /** Assigned stories past their deadline (core/workflow isOverdue). */
  overdue: number;
  user: WorkflowUser | null;
}

export interface NewsroomPerson {
  username: string;
  role: Role;
  displayName: string;
}

export interface UsersAnswer {
  users: NewsroomPerson[];
  unavailable: string | null;
}

/** A notification with its story's headline and its text in the desk's language. */
export const deskNotification = notification.extend({
  headline: z.string(),
  title: z.string(),
  body: z.string(),
});
export type DeskNotification = Notification & { headline: string; title: string; body: string };

export interface NotificationsAnswer {
  /** Newest first. */
  items: DeskNotification[];
  unread: number;
}

/** What a list row shows of the workflow: who holds the story, since when, the deadline. */
export interface ListWorkflow {
  assignee: string | null;
  deadline: string | null;
  holder: string | null;
  heldSince: string | null;
  statusSince: string | null;
  publishAt: string | null;
  publishedAt: string | null;
  /** A transition made here waits for the server. */
  pending: boolean;
}

export interface WorkflowHandlerResults {
  'workflow.view': WorkflowView;
  'workflow.transition': WorkflowView;
  'workflow.checklist': ChecklistAnswer;
  'workflow.audit': AuditAnswer;
  'workflow.queues': QueueCounts;
  'workflow.users': UsersAnswer;
  'notifications.list': NotificationsAnswer;
  'notifications.markRead': { unread: number };
}

/** The 'notifications.new' event: `alert` is false for the first poll after sign-in, which only fills the list. */
export const notificationsEvent = z.object({ items: z.array(deskNotification), alert: z.boolean() });
