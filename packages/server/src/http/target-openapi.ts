/** The targets routes' part of the OpenAPI document (routes/targets.ts, issue #18; docs/registers.md). */

import { errors, ifMatch, json, ok, path, query } from './openapi-parts.js';
import { TargetCreate, TargetImport, TargetRetract, TargetUpdate } from './target-schemas.js';

const ROW =
  'Each row: target (id, name, indicatorId, entityId, comparator max|min|equal, value, unit, baseYear, baseValue, targetYear, milestones, source), version, status (achieved, on-track, at-risk, missed, no-data, not-measured; the rule: docs/registers.md), actual, figureId, path (exact decimal text) and percent (one place, half-up).';

export function targetPaths() {
  return {
    '/api/targets': {
      get: {
        summary: 'The targets register with progress and status for the reporting year',
        description: ROW,
        parameters: [
          query('entity', 'only targets of this entity'),
          query('status', 'only targets of this status'),
        ],
        responses: {
          200: ok('{year, workspaceVersion, targets}'),
          ...errors('invalid-request', 'forbidden'),
        },
      },
      post: {
        summary: 'Add a target (the administrator)',
        requestBody: { required: true, ...json(TargetCreate) },
        responses: {
          201: ok('{id, version, workspaceVersion}'),
          ...errors('invalid-request', 'invalid-data', 'conflict', 'forbidden'),
        },
      },
    },
    '/api/targets/{id}': {
      put: {
        summary: 'Replace a target, naming the version replaced',
        parameters: [path('id'), ifMatch],
        requestBody: { required: true, ...json(TargetUpdate) },
        responses: {
          200: ok('{id, version, workspaceVersion}'),
          ...errors(
            'invalid-request',
            'invalid-data',
            'not-found',
            'version-required',
            'stale-version',
            'forbidden',
          ),
        },
      },
    },
    '/api/targets/{id}/retract': {
      post: {
        summary: 'Retract a target: it leaves the register and the report; its history keeps it',
        parameters: [path('id'), ifMatch],
        requestBody: { required: true, ...json(TargetRetract) },
        responses: {
          200: ok('{retracted, id, version, workspaceVersion}'),
          ...errors('invalid-request', 'not-found', 'version-required', 'stale-version', 'forbidden'),
        },
      },
    },
    '/api/targets/{id}/history': {
      get: {
        summary: "A target's revisions, oldest first (a retraction has target null)",
        parameters: [path('id')],
        responses: { 200: ok('{id, revisions}'), ...errors('not-found', 'forbidden') },
      },
    },
    '/api/export/targets.xlsx': {
      get: {
        summary: 'The targets register as an XLSX workbook (sheet "targets")',
        responses: {
          200: {
            description: 'the workbook',
            content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {} },
          },
          ...errors('forbidden'),
        },
      },
    },
    '/api/import/targets': {
      post: {
        summary: 'Import a targets workbook, all or nothing (each row replaces or adds the target of its id)',
        requestBody: { required: true, ...json(TargetImport) },
        responses: {
          200: ok('{imported, workspaceVersion}'),
          ...errors('invalid-request', 'invalid-data', 'forbidden'),
        },
      },
    },
  };
}
