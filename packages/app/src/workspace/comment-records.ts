/**
 * Comment threads, as the Workspace port holds them (issue #17; docs/workflow.md "Comments"):
 * append-only comments on a target (a data point, activity line, finding, assignment or
 * workflow unit). Two implementations: in memory (memory-comments.ts) and over the store
 * (store-comments.ts, 018-comments.sql). Who may read and write, and what a valid text is, are
 * the use case's (use-cases/comments.ts); these keep the thread and check only that a reply
 * names a comment of the same target. Times are stamped from the workspace's clock.
 */
import type { Who } from './cycle-records.js';

export const COMMENT_TARGET_KINDS = ['data-point', 'activity-line', 'finding', 'assignment', 'unit'] as const;
export type CommentTargetKind = (typeof COMMENT_TARGET_KINDS)[number];

/** What a comment is on: "data-point:hc-s-m", "unit:smelter/2026-01/energy", "finding:f-…". */
export type CommentTarget = { readonly kind: CommentTargetKind; readonly id: string };

export type CommentRecord = {
  readonly id: string;
  readonly targetKind: string;
  readonly targetId: string;
  /** The target's entity when the comment was written. */
  readonly entityId: string;
  readonly replyTo: string | null;
  /** The author's user id ("local" for the local user) and name. */
  readonly userId: string;
  readonly author: string;
  /** ISO-8601. */
  readonly at: string;
  readonly text: string;
};

export type NewCommentRequest = {
  readonly target: CommentTarget;
  readonly entityId: string;
  readonly replyTo: string | null;
  readonly text: string;
  readonly who: Who;
};

export type AddCommentOutcome =
  | { readonly ok: true; readonly comment: CommentRecord }
  | { readonly ok: false; readonly reason: 'reply-not-found' };

export interface CommentRecords {
  /** A target's comments, oldest first. */
  list(target: CommentTarget): Promise<readonly CommentRecord[]>;
  add(request: NewCommentRequest): Promise<AddCommentOutcome>;
}
