/** The collection-cycle routes' part of the OpenAPI document (routes/workflow.ts; docs/workflow.md). */
import { WORKFLOW_EVENTS } from '@assay/core';
import { errors, json, ok, path } from './openapi-parts.js';
import { PeriodLockBody, WorkflowEventBody, WorkflowExceptionBody } from './workflow-schemas.js';

const UNIT = [path('entity'), path('period'), path('topic')];

const SUMMARY: Record<(typeof WORKFLOW_EVENTS)[number], string> = {
  submit: 'Submit a unit (entity × period × topic) for review (preparer)',
  return: 'Return a unit to its preparer with a comment (reviewer from submitted, approver from reviewed)',
  review: 'Review a submitted unit (reviewer; not the submitter)',
  approve: 'Approve a reviewed unit (approver; not the submitter nor the reviewer)',
  reopen: 'Reopen an approved unit with a reason (comment) (administrator)',
  exception:
    'Allow userId to review or approve this unit despite segregation of duties, with a reason (administrator; recorded)',
};

export function workflowPaths() {
  const events = Object.fromEntries(
    WORKFLOW_EVENTS.map((event) => [
      `/api/workflow/{entity}/{period}/{topic}/${event}`,
      {
        post: {
          summary: SUMMARY[event],
          description:
            'A refusal by the workflow rules names it in error.rule (wrong-state, not-permitted, comment-required, self-review, self-approval, self-exception).',
          parameters: UNIT,
          requestBody: json(event === 'exception' ? WorkflowExceptionBody : WorkflowEventBody),
          responses: {
            200: ok('{unit, transition}'),
            ...errors(
              'invalid-request',
              'forbidden',
              'not-found',
              'conflict',
              'version-required',
              'stale-version',
              'period-locked',
            ),
          },
        },
      },
    ]),
  );
  return {
    '/api/workflow': {
      get: {
        summary: "A period's workflow units with their state and version, and the period's lock",
        description:
          'Each unit: entityId, periodId, topic, state, version, submittedBy, reviewedBy (user ids), exceptions, updatedAt, dataPoints, submitter and reviewer (names; null while nobody has), lastComment ({comment, actor, event, at} of the newest comment; null when none).',
        parameters: [{ name: 'period', in: 'query', required: true, schema: { type: 'string' } }],
        responses: { 200: ok('{period, lock, units}'), ...errors('invalid-request', 'forbidden') },
      },
    },
    '/api/workflow/{entity}/{period}/{topic}': {
      get: {
        summary:
          "The reviewer's view of a unit: its data points and activity lines, each against last period and the same period last year (changePercent, one decimal, half-up), and the checker's findings on it",
        parameters: UNIT,
        responses: {
          200: ok(
            '{unit, previousPeriod, lastYearPeriod, workspaceVersion, dataPoints, activityLines, findings}',
          ),
          ...errors('invalid-request', 'forbidden', 'not-found'),
        },
      },
    },
    ...events,
    '/api/periods/{period}/lock': {
      post: {
        summary: 'Lock a period: every write of a fact in it is refused (409 period-locked) until unlocked',
        parameters: [path('period')],
        requestBody: json(PeriodLockBody),
        responses: { 201: ok('{lock, notApproved}'), ...errors('invalid-request', 'forbidden', 'conflict') },
      },
      delete: {
        summary: 'Unlock a period, with a reason (recorded)',
        parameters: [path('period')],
        requestBody: json(PeriodLockBody),
        responses: { 200: ok('{unlocked}'), ...errors('invalid-request', 'forbidden', 'not-found') },
      },
    },
  };
}
