/** The supplier, hazard and project routes' part of the OpenAPI document (routes/operating-registers.ts, issue #18; docs/registers.md). */

import { errors, ifMatch, json, ok, path, query } from './openapi-parts.js';
import { ROW_INPUTS, RowImport, RowRetract, rowCreate, rowUpdate } from './operating-register-schemas.js';

const ABOUT = {
  suppliers: {
    what: 'supplier',
    filters: [
      query('entity', 'only rows of this entity'),
      query('status', 'approved, suspended or blacklisted'),
      query('region', 'only this region'),
    ],
    figures:
      'suppliers.registered by region for the entity (the group when none): one per unified social credit code',
  },
  hazards: {
    what: 'hazard',
    filters: [
      query('entity', 'only rows of this entity'),
      query('status', 'open, rectified or overdue (as of 31 December of the reporting year)'),
      query('grade', 'general or major'),
    ],
    figures: 'hazards.found, rectified, overdue and rectification-rate (%)',
  },
  projects: {
    what: 'energy-saving project',
    filters: [
      query('entity', 'only rows of this entity'),
      query('status', 'planned, in-progress, completed or cancelled'),
    ],
    figures: 'projects.count, completed, completion-rate (%) and verified savings (tce, MWh, tCO2e)',
  },
} as const;

export function operatingRegisterPaths() {
  return Object.fromEntries(
    (['suppliers', 'hazards', 'projects'] as const).flatMap((reg): [string, Record<string, unknown>][] => {
      const a = ABOUT[reg];
      return [
        [
          `/api/${reg}`,
          {
            get: {
              summary: `The ${a.what} register with its derived figures for the reporting year`,
              description: `{year, workspaceVersion, rows: [{row, version}], figures}; figures: ${a.figures} (rules: docs/registers.md).`,
              parameters: a.filters,
              responses: {
                200: ok('{register, year, workspaceVersion, rows, figures}'),
                ...errors('invalid-request', 'forbidden'),
              },
            },
            post: {
              summary: `Add a ${a.what} (the administrator)`,
              requestBody: { required: true, ...json(rowCreate(ROW_INPUTS[reg])) },
              responses: {
                201: ok('{id, version, workspaceVersion}'),
                ...errors('invalid-request', 'invalid-data', 'conflict', 'forbidden'),
              },
            },
          },
        ],
        [
          `/api/${reg}/{id}`,
          {
            put: {
              summary: `Replace a ${a.what}, naming the version replaced`,
              parameters: [path('id'), ifMatch],
              requestBody: { required: true, ...json(rowUpdate(ROW_INPUTS[reg])) },
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
        ],
        [
          `/api/${reg}/{id}/retract`,
          {
            post: {
              summary: `Retract a ${a.what}: it leaves the register and its figures; its history keeps it`,
              parameters: [path('id'), ifMatch],
              requestBody: { required: true, ...json(RowRetract) },
              responses: {
                200: ok('{retracted, id, version, workspaceVersion}'),
                ...errors('invalid-request', 'not-found', 'version-required', 'stale-version', 'forbidden'),
              },
            },
          },
        ],
        [
          `/api/${reg}/{id}/history`,
          {
            get: {
              summary: `A ${a.what}'s revisions, oldest first (a retraction has row null)`,
              parameters: [path('id')],
              responses: { 200: ok('{id, revisions}'), ...errors('not-found', 'forbidden') },
            },
          },
        ],
        [
          `/api/export/${reg}.xlsx`,
          {
            get: {
              summary: `The ${a.what} register as an XLSX workbook (sheet "${reg}")`,
              responses: {
                200: {
                  description: 'the workbook',
                  content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {} },
                },
                ...errors('forbidden'),
              },
            },
          },
        ],
        [
          `/api/import/${reg}`,
          {
            post: {
              summary: `Import a ${a.what} workbook, all or nothing (each row replaces or adds the row of its id)`,
              requestBody: { required: true, ...json(RowImport) },
              responses: {
                200: ok('{imported, workspaceVersion}'),
                ...errors('invalid-request', 'invalid-data', 'forbidden'),
              },
            },
          },
        ],
      ];
    }),
  );
}
