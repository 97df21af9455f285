/** The finding routes' part of the OpenAPI document (routes/findings.ts; docs/checks.md "Findings as work items"). */
import { CommentBody } from './cycle-schemas.js';
import { FindingAcceptBody, FindingAssignBody, FindingReopenBody } from './finding-schemas.js';
import { errors, json, ok, query as q } from './openapi-parts.js';

const ID = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'finding id, f-…',
};
const WORK = '{work: {id, state, version, entityId, assignee, accepted, resolved, updatedAt, updatedBy}}';
const ACTION_ERRORS = errors('invalid-request', 'forbidden', 'not-found', 'conflict', 'stale-version');

export function findingPaths() {
  return {
    '/api/findings': {
      get: {
        summary:
          "The checker's findings with their work state (open, accepted, resolved), each with its id; in your entities",
        parameters: [
          q('state', 'current (default: what the checker finds now), open, accepted, resolved, all'),
          q('severity', 'error, warning, info'),
          q('rule', 'rule family, e.g. recompute'),
          q('section', "the finding's section starts with this"),
          q('entity', 'entity id (the group for organisation-wide findings)'),
          q('assignee', 'user id'),
          q('page', '1-based; without it every match'),
          q('pageSize', 'default 50, at most 500'),
        ],
        responses: {
          200: ok(
            '{workspaceVersion, total, summary, revision, findings, work: {<id>: work state}, matched, page, pageSize, states}',
          ),
          ...errors('invalid-request'),
        },
      },
    },
    '/api/findings/{id}/history': {
      get: {
        summary: "A finding's work-state records, oldest first (append-only)",
        parameters: [ID],
        responses: { 200: ok('{work, history}'), ...errors('not-found') },
      },
    },
    '/api/findings/{id}/assign': {
      post: {
        summary: 'Assign a finding to an account that can read it there (null: nobody); administrators',
        parameters: [ID],
        requestBody: json(FindingAssignBody),
        responses: { 200: ok(WORK), ...ACTION_ERRORS },
      },
    },
    '/api/findings/{id}/accept': {
      post: {
        summary:
          'Accept a finding with a reason: it stays accepted while its inputs do not change (then it reopens); administrators',
        parameters: [ID],
        requestBody: json(FindingAcceptBody),
        responses: { 200: ok(WORK), ...ACTION_ERRORS },
      },
    },
    '/api/findings/{id}/reopen': {
      post: {
        summary: 'Reopen an accepted finding; administrators',
        parameters: [ID],
        requestBody: json(FindingReopenBody),
        responses: { 200: ok(WORK), ...ACTION_ERRORS },
      },
    },
    '/api/findings/{id}/comments': {
      get: {
        summary: "A finding's comment thread (as GET /api/comments?target=finding:<id>)",
        parameters: [ID],
        responses: { 200: ok('{target, entityId, comments}'), ...errors('forbidden', 'not-found') },
      },
      post: {
        summary: 'Comment on a finding the checker raises now (as POST /api/comments?target=finding:<id>)',
        parameters: [ID],
        requestBody: json(CommentBody),
        responses: { 201: ok('{comment}'), ...errors('invalid-request', 'forbidden', 'not-found') },
      },
    },
  };
}
