/**
 * Comment threads (issue #17; docs/workflow.md "Comments"): on a data point, an activity line, a
 * finding (by its id, core checks/finding-id.ts), an assignment or a workflow unit, written
 * "kind:id" ("data-point:hc-s-m", "unit:smelter/2026-01/energy", "finding:f-…", "assignment:12").
 * Append-only: author, time, text (1 – 4,000 characters; no NUL or other control character but
 * tab and line breaks, no bidirectional override), optionally the comment it replies to (of the
 * same thread). Reading and writing follow the target's entity: reading needs 'read-comments'
 * and the target's own read action there (a finding's 'read-findings', an assignment's
 * 'read-cycle', otherwise 'read-data-points'), writing 'write-comment' and that read action.
 * A target that is gone (a retracted data point, a finding no longer raised) keeps its thread,
 * readable on the entity its comments were written for; nobody can add to it.
 */
import { bundleCatalogue, findingId, parsePeriod } from '@assay/core';
import { authorise, type Decision } from '../access/authorise.js';
import type { Caller } from '../access/caller.js';
import type { Action } from '../access/permissions.js';
import { failure, type Result, success } from '../outcome.js';
import {
  COMMENT_TARGET_KINDS,
  type CommentRecord,
  type CommentTarget,
  type CommentTargetKind,
} from '../workspace/comment-records.js';
import type { Workspace } from '../workspace/workspace.js';
import { checkResult } from './findings.js';
import { actorId } from './workflow.js';

export type { CommentRecord, CommentTarget };

/** The longest comment, in characters (Unicode code points). */
export const MAX_COMMENT_CHARACTERS = 4000;

/** The read action of each kind of target, besides 'read-comments'. */
const TARGET_READ: Readonly<Record<CommentTargetKind, Action>> = {
  'data-point': 'read-data-points',
  'activity-line': 'read-data-points',
  finding: 'read-findings',
  assignment: 'read-cycle',
  unit: 'read-data-points',
};

const isKind = (k: string): k is CommentTargetKind => (COMMENT_TARGET_KINDS as readonly string[]).includes(k);

/** "kind:id" → a target, or a failure naming the field `target`. */
export function parseTarget(text: string): Result<CommentTarget> {
  const at = text.indexOf(':');
  const kind = at < 0 ? text : text.slice(0, at);
  const id = at < 0 ? '' : text.slice(at + 1);
  if (!isKind(kind))
    return failure(
      'invalid-request',
      `target: write kind:id with kind one of ${COMMENT_TARGET_KINDS.join(', ')} (e.g. data-point:hc-s-m, unit:smelter/2026-01/energy)`,
      { field: 'target' },
    );
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (id === '' || id.length > 400 || id.trim() !== id || /[\u0000-\u001f\u007f]/.test(id))
    return failure(
      'invalid-request',
      `target: the ${kind}'s id is missing, too long, padded or holds a control character`,
      {
        field: 'target',
      },
    );
  return success({ kind, id });
}

/** The target's entity now (the group's for an organisation-wide finding), or undefined when it does not exist. */
async function entityOf(ws: Workspace, t: CommentTarget): Promise<string | undefined> {
  const { bundle } = ws.snapshot();
  switch (t.kind) {
    case 'data-point':
      return bundle.dataPoints.find((d) => d.id === t.id)?.entityId;
    case 'activity-line':
      return bundle.activityLines.find((l) => l.id === t.id)?.entityId;
    case 'finding': {
      const f = checkResult(ws.snapshot()).findings.find((x) => findingId(x) === t.id);
      if (!f) return undefined;
      return f.where.entityId ?? bundle.organisation.entities.find((e) => e.parentId === undefined)?.id;
    }
    case 'assignment':
      return (await ws.assignments.get(t.id))?.entityId;
    case 'unit': {
      const [entityId, periodId, topic, ...rest] = t.id.split('/');
      if (rest.length > 0 || !entityId || !periodId || !topic || !parsePeriod(periodId)) return undefined;
      if (!bundle.organisation.entities.some((e) => e.id === entityId)) return undefined;
      const topics = new Set([...bundleCatalogue(bundle).values()].map((i) => i.topic));
      return topics.has(topic) ? entityId : undefined;
    }
  }
}

/** The weaker of two decisions (deny-invisible < deny-forbidden < allow). */
const both = (a: Decision, b: Decision): Decision =>
  a === 'deny-invisible' || b === 'deny-invisible' ? 'deny-invisible' : a === 'allow' ? b : a;

function decide(caller: Caller, t: CommentTarget, entityId: string, action: Action): Decision {
  const on = { kind: 'entity', entityId } as const;
  return both(authorise(caller.access, action, on), authorise(caller.access, TARGET_READ[t.kind], on));
}

const notFound = (t: CommentTarget) =>
  failure('not-found', `target: no ${t.kind} "${t.id.slice(0, 200)}"`, { field: 'target' });

export type CommentThread = {
  readonly target: string;
  readonly entityId: string;
  readonly comments: readonly CommentRecord[];
};

/** A target's thread, oldest first. */
export async function readComments(
  ws: Workspace,
  caller: Caller,
  targetText: string,
): Promise<Result<CommentThread>> {
  const t = parseTarget(targetText);
  if (!t.ok) return t;
  const comments = await ws.comments.list(t.value);
  // A target that is gone is read on the entity its thread was written for.
  const entityId = (await entityOf(ws, t.value)) ?? comments[0]?.entityId;
  if (entityId === undefined) return notFound(t.value);
  const d = decide(caller, t.value, entityId, 'read-comments');
  if (d === 'deny-invisible') return notFound(t.value);
  if (d === 'deny-forbidden')
    return failure('forbidden', `your role does not allow reading comments on this ${t.value.kind}`);
  return success({ target: `${t.value.kind}:${t.value.id}`, entityId, comments });
}

/** Why a comment's text is refused, or undefined. `text` is already trimmed. */
export function commentTextProblem(text: string): string | undefined {
  if (text === '') return 'write something (a comment cannot be blank)';
  const length = [...text].length;
  if (length > MAX_COMMENT_CHARACTERS) return `${length} characters; at most ${MAX_COMMENT_CHARACTERS}`;
  if (text.includes('\u0000')) return 'a NUL character (\\u0000) is not allowed';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  if (/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(text))
    return 'control characters are not allowed (tab and line breaks are)';
  if (/[\u202a-\u202e\u2066-\u2069]/.test(text))
    return 'bidirectional override characters are not allowed (they can make text read differently than it is stored)';
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text))
    return 'the text is not valid Unicode (a lone surrogate)';
  return undefined;
}

export type WriteCommentInput = {
  readonly ws: Workspace;
  readonly caller: Caller;
  readonly target: string;
  readonly text: string;
  readonly replyTo?: string | undefined;
};

/** Add a comment to a target that exists now, as the caller. */
export async function writeComment(i: WriteCommentInput): Promise<Result<CommentRecord>> {
  const t = parseTarget(i.target);
  if (!t.ok) return t;
  const entityId = await entityOf(i.ws, t.value);
  if (entityId === undefined) return notFound(t.value);
  const d = decide(i.caller, t.value, entityId, 'write-comment');
  if (d === 'deny-invisible') return notFound(t.value);
  if (d === 'deny-forbidden')
    return failure('forbidden', `your role does not allow commenting on this ${t.value.kind}`);
  const text = i.text.trim();
  const problem = commentTextProblem(text);
  if (problem) return failure('invalid-request', `text: ${problem}`, { field: 'text' });
  const replyTo = i.replyTo ?? null;
  if (replyTo !== null && !/^\d{1,18}$/.test(replyTo))
    return failure('invalid-request', 'replyTo: the id of a comment (digits)', { field: 'replyTo' });
  const out = await i.ws.comments.add({
    target: t.value,
    entityId,
    replyTo,
    text,
    who: { userId: actorId(i.caller), actor: i.caller.label },
  });
  if (!out.ok)
    return failure(
      'not-found',
      `replyTo: no comment ${replyTo} on ${t.value.kind} "${t.value.id.slice(0, 200)}"`,
      {
        field: 'replyTo',
      },
    );
  return success(out.comment);
}
