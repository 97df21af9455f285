/** The cycle, assignment, task and comment routes' part of the OpenAPI document (routes/cycles.ts, comments.ts; docs/workflow.md). */
import { AssignBody, CommentBody, CycleOpenBody } from './cycle-schemas.js';
import { errors, json, ok, path, query as q } from './openapi-parts.js';

const TARGET = q(
  'target',
  'kind:id: data-point:<id>, activity-line:<id>, finding:<id> (GET /api/findings), assignment:<id>, unit:<entity>/<period>/<topic>',
  true,
);

export function cyclePaths() {
  return {
    '/api/cycles': {
      get: {
        summary: 'The reporting cycles, each with its entry periods',
        responses: {
          200: ok('{cycles: [{periodId, frequency, openedBy, actor, openedAt, entryPeriods}]}'),
          ...errors('forbidden'),
        },
      },
      post: {
        summary:
          'Open a reporting cycle for a year or quarter with an entry frequency (administrator of the group); 200 when already open as asked',
        requestBody: json(CycleOpenBody),
        responses: {
          201: ok('{cycle, created: true}'),
          200: ok('{cycle, created: false}'),
          ...errors('invalid-request', 'forbidden', 'conflict'),
        },
      },
    },
    '/api/cycles/{period}/assignments': {
      get: {
        summary: "A cycle's assignments in your entities (current ones; withdrawn=true adds the withdrawn)",
        parameters: [
          path('period'),
          q('entity', 'only this entity and those below it'),
          q('assignee', 'only this user id'),
          q('period', 'only this entry period'),
          q('withdrawn', 'true: include withdrawn assignments'),
        ],
        responses: {
          200: ok('{cycle, assignments}'),
          ...errors('invalid-request', 'forbidden', 'not-found'),
        },
      },
      post: {
        summary:
          'Assign topics/indicators × an entity subtree × entry periods to a preparer with a due date, in bulk (assignee null withdraws); idempotent',
        description:
          'All or nothing. Answers {cycleId, created, changed, withdrawn, unchanged, selected, entities, indicators, periods}. The assignee must be an enabled account with the preparer role on every selected entity.',
        parameters: [path('period')],
        requestBody: json(AssignBody),
        responses: { 200: ok('counts'), ...errors('invalid-request', 'forbidden', 'not-found') },
      },
    },
    '/api/cycles/{period}/assignments/{id}/history': {
      get: {
        summary:
          'An assignment and its changes, oldest first (who assigned or reassigned it, when, to whom, due when)',
        parameters: [path('period'), path('id')],
        responses: { 200: ok('{assignment, changes}'), ...errors('forbidden', 'not-found') },
      },
    },
    '/api/cycles/{period}/progress': {
      get: {
        summary:
          'Progress per entity (yours): assigned, due, returned, submitted, approved, overdue units and indicators',
        parameters: [path('period')],
        responses: { 200: ok('{cycle, now, entities, total}'), ...errors('forbidden', 'not-found') },
      },
    },
    '/api/tasks': {
      get: {
        summary:
          'Your task list: assigned units due, returned (with the comment) and done; overdue flagged at the server time',
        parameters: [q('cycle', 'only this cycle (its period)')],
        responses: {
          200: ok('{now, tasks, counts}'),
          ...errors('invalid-request', 'forbidden', 'not-found'),
        },
      },
    },
    '/api/comments': {
      get: {
        summary: "A target's comment thread, oldest first",
        parameters: [TARGET],
        responses: {
          200: ok('{target, entityId, comments}'),
          ...errors('invalid-request', 'forbidden', 'not-found'),
        },
      },
      post: {
        summary: 'Add a comment (append-only; 1 – 4,000 characters; replyTo: a comment of the same thread)',
        parameters: [TARGET],
        requestBody: json(CommentBody),
        responses: { 201: ok('{comment}'), ...errors('invalid-request', 'forbidden', 'not-found') },
      },
    },
  };
}
