/** The activity-line routes' part of the OpenAPI document (routes/activity-lines.ts; docs/workflow.md, "Entering activity lines"). */
import { ActivityLinePatch, ActivityLineRetract, ActivityLinesCreate } from './activity-line-schemas.js';
import { errors, ifMatch, json, ok, query as q } from './openapi-parts.js';

const id = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const AFFECTED =
  'figures (the figures the write changed, as GET /api/figures presents them), removedFigures (ids)';
const LINE =
  '{id, version, entityId, periodId, activity, subject, use, amount (exact decimal text), unit, attributes, source, evidence, comment}';

export function activityLinePaths() {
  return {
    '/api/activity-lines': {
      get: {
        summary:
          'Activity lines of an entity and everything below it, for one period, each with its version and the same line last period and the same period last year (previous, lastYear: {period, amount, unit, lines, skipped} or null); toEnter: lines of those periods with none yet',
        parameters: [
          q('entity', 'entity id (its subtree is listed); default: every entity you may read'),
          q('period', 'period id: 2026, 2026-Q1 or 2026-01; default: every period, without comparisons'),
        ],
        responses: {
          200: ok(
            `{workspaceVersion, period, previousPeriod, lastYearPeriod, lines: [${LINE} + previous, lastYear], toEnter}`,
          ),
          ...errors('invalid-request', 'not-found'),
        },
      },
      post: {
        summary:
          'Add one or more activity lines (all or none); each line’s entity must be one you may write data of',
        requestBody: json(ActivityLinesCreate),
        responses: {
          201: ok(`{lines: [${LINE}], workspaceVersion, ${AFFECTED}}`),
          ...errors('invalid-request', 'invalid-data', 'conflict', 'forbidden', 'not-found', 'period-locked'),
        },
      },
    },
    '/api/activity-lines/{id}': {
      put: {
        summary:
          'Change an activity line (a new revision); not its entity or period (retract it and enter it again)',
        parameters: [id, ifMatch, q('dryRun', 'true: check only')],
        requestBody: json(ActivityLinePatch),
        responses: {
          200: ok(`{dryRun, line: ${LINE}, workspaceVersion, ${AFFECTED}}`),
          ...errors(
            'invalid-request',
            'invalid-data',
            'not-found',
            'version-required',
            'stale-version',
            'period-locked',
          ),
        },
      },
    },
    '/api/activity-lines/{id}/retract': {
      post: {
        summary: 'Retract an activity line (a new revision that withdraws it; its history stays)',
        parameters: [id, ifMatch],
        requestBody: json(ActivityLineRetract),
        responses: {
          200: ok(`{retracted: true, id, version (of the retraction), workspaceVersion, ${AFFECTED}}`),
          ...errors('invalid-request', 'not-found', 'version-required', 'stale-version', 'period-locked'),
        },
      },
    },
  };
}
