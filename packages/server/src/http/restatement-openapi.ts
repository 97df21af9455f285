/** The restatement and base-year routes' part of the OpenAPI document (routes/restatements.ts; docs/workflow.md). */

import { errors, json, ok } from './openapi-parts.js';
import { BaseYearBody, RestatementBody, RestatementEventBody } from './restatement-schemas.js';

const ID = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];

const SUMMARY = {
  submit: 'Submit a restatement request for review (preparer on every entity it touches)',
  return: 'Return a request to its preparer with a comment (reviewer from submitted, approver from reviewed)',
  review: 'Review a submitted request (reviewer; not the submitter)',
  approve:
    'Approve a reviewed request (approver; not the submitter nor the reviewer): writes the restated facts, also into a locked period, each new revision linked to the one it restates',
} as const;

export function restatementPaths() {
  const events = Object.fromEntries(
    (Object.keys(SUMMARY) as (keyof typeof SUMMARY)[]).map((event) => [
      `/api/restatements/{id}/${event}`,
      {
        post: {
          summary: SUMMARY[event],
          description:
            'A refusal by the workflow rules names it in error.rule (wrong-state, not-permitted, comment-required, self-review, self-approval). A restated fact changed since the request: 409 conflict (file a new request).',
          parameters: ID,
          requestBody: json(RestatementEventBody),
          responses: {
            200: ok('{restatement, transition}'),
            ...errors(
              'invalid-request',
              'invalid-data',
              'forbidden',
              'not-found',
              'conflict',
              'version-required',
              'stale-version',
            ),
          },
        },
      },
    ]),
  );
  return {
    '/api/restatements': {
      get: {
        summary: 'The restatement requests the caller may read (every entity they touch), oldest first',
        description:
          'Each: id, change, reason, state, version, requestedBy, requester, submittedBy, reviewedBy, items ({kind, factId, entityId, periodId, old {rev, value, unit} or null for a new fact, newValue, newUnit}), effect ({totals, baseYear}: Scope 1 + 2 before and after, the base-year significance test), changeSet and revisions ({kind, factId, oldRev, newRev}) once approved.',
        responses: { 200: ok('{restatements}'), ...errors('forbidden') },
      },
      post: {
        summary:
          'Request a restatement: the change (structural-change, methodology, error-correction), the reason and the facts it moves (an existing data point or activity line by id with its new value, or a new fact with add)',
        requestBody: json(RestatementBody),
        responses: {
          201: ok('{restatement} (draft, version 1)'),
          ...errors('invalid-request', 'invalid-data', 'forbidden', 'not-found', 'conflict'),
        },
      },
    },
    '/api/restatements/{id}': {
      get: {
        summary: 'One restatement request with its transitions',
        parameters: ID,
        responses: { 200: ok('{restatement, transitions}'), ...errors('not-found') },
      },
    },
    ...events,
    '/api/settings/base-year': {
      get: {
        summary:
          "The base year and its recalculation policy, the base year's Scope 1 + 2, entity acquisition and disposal dates, and the prompts for entities acquired or disposed of during the reporting year (administrator of the group)",
        responses: {
          200: ok('{workspaceVersion, reportingYear, baseYear, defaults, entities, prompts}'),
          ...errors('forbidden'),
        },
      },
      put: {
        summary:
          'Set the base year (null removes it), its threshold in per cent (default 5) and triggers, and entity dates (null clears one); version: the workspace version read',
        requestBody: json(BaseYearBody),
        responses: {
          200: ok('as GET'),
          ...errors('invalid-request', 'invalid-data', 'forbidden', 'not-found', 'stale-version'),
        },
      },
    },
  };
}
