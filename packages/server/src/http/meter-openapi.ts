/** The meters routes' part of the OpenAPI document (routes/meters.ts, issue #22; docs/meters.md). */
import {
  MeterLinesWrite,
  MeterReadingsUpload,
  MeterRegisterWrite,
  ReadingRoundUpload,
  UtilityBillsWrite,
} from './meter-schemas.js';
import { errors, json, ok, query } from './openapi-parts.js';

const ifMatch = {
  name: 'If-Match',
  in: 'header',
  schema: { type: 'string' },
  description: 'register version being replaced, e.g. "3" ("0" for the first)',
};
const rollUpQuery = [
  query('site', 'only this site (entity id)'),
  query('carrier', 'only this energy carrier (electricity, natural-gas, …)'),
  query('from', 'first month, YYYY-MM'),
  query('to', 'last month, YYYY-MM'),
];

export function meterPaths() {
  return {
    '/api/meters': {
      get: {
        summary: 'The meter register: its latest version, meters and replacements as rows of text',
        responses: {
          200: ok('{version, meters, replacements}; ETag: the version'),
          ...errors('not-found', 'forbidden'),
        },
      },
      put: {
        summary: 'Save the whole meter register (all or nothing), naming the version replaced',
        parameters: [ifMatch],
        requestBody: { required: true, ...json(MeterRegisterWrite) },
        responses: {
          200: ok('{version, meters}'),
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
    '/api/meters/readings': {
      post: {
        summary:
          'Import a long readings CSV (meter,timestamp,value): all or nothing; the same file again adds nothing',
        description:
          'Every bad row is named by file, line and column (issues) and nothing is stored. 201 when readings were added, 200 when none (the file was seen before, or all its readings are stored).',
        requestBody: { required: true, ...json(MeterReadingsUpload) },
        responses: {
          201: ok('{fileId, sha256, rowsRead, rowsAdded, alreadyImported}'),
          200: ok('{fileId, sha256, rowsRead, rowsAdded: 0, alreadyImported}'),
          ...errors('invalid-request', 'invalid-data', 'not-found', 'forbidden', 'too-large'),
        },
      },
    },
    '/api/meters/findings': {
      get: {
        summary: 'Quality findings of the readings per meter and time range, with messages in en and zh-Hant',
        parameters: [
          query('meter', 'only this meter'),
          query('site', 'only meters of this site'),
          query('from', 'readings from this instant (with offset)'),
          query('to', 'readings before this instant (with offset)'),
        ],
        responses: {
          200: ok('{version, findings}'),
          ...errors('invalid-request', 'invalid-data', 'not-found', 'forbidden'),
        },
      },
    },
    '/api/meters/roll-up': {
      get: {
        summary:
          'Monthly consumption per site and carrier from the readings, with lineage to meters and reading ranges',
        parameters: rollUpQuery,
        responses: {
          200: ok('{lines}'),
          ...errors('invalid-request', 'invalid-data', 'not-found', 'forbidden'),
        },
      },
    },
    '/api/meters/reconciliation': {
      get: {
        summary:
          'Main meter vs the sum of its sub-meters vs the utility bill per month: differences absolute and in %, findings beyond the tolerance',
        parameters: [...rollUpQuery, query('tolerance', 'tolerance in % (default 2)')],
        responses: {
          200: ok('{reconciliation, findings, tolerancePercent}'),
          ...errors('invalid-request', 'invalid-data', 'not-found', 'forbidden'),
        },
      },
    },
    '/api/meters/activity-lines': {
      get: {
        summary:
          'The monthly roll-up as activity lines: per line what writing would do (create, update, unchanged, not-an-activity)',
        parameters: rollUpQuery,
        responses: {
          200: ok('{lines, workspaceVersion}'),
          ...errors('invalid-request', 'invalid-data', 'not-found', 'forbidden'),
        },
      },
      post: {
        summary:
          'Write the roll-up as activity lines (ids meter.<site>.<carrier>.<month>), all or nothing; again without new readings, nothing changes',
        requestBody: { required: true, ...json(MeterLinesWrite) },
        responses: {
          201: ok('{created, updated, unchanged, notAnActivity, workspaceVersion, affected}'),
          200: ok('nothing to write'),
          ...errors(
            'invalid-request',
            'invalid-data',
            'not-found',
            'stale-version',
            'period-locked',
            'conflict',
            'forbidden',
          ),
        },
      },
    },
    '/api/meters/bills': {
      get: {
        summary: 'The utility bills (account, month, quantity, unit, amount, currency), latest version',
        responses: { 200: ok('{version, bills}; ETag: the version'), ...errors('not-found', 'forbidden') },
      },
      put: {
        summary: 'Save every utility bill (all or nothing), naming the version replaced',
        parameters: [ifMatch],
        requestBody: { required: true, ...json(UtilityBillsWrite) },
        responses: {
          200: ok('{version, bills}'),
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
    '/api/meters/reading-round.xlsx': {
      get: {
        summary: 'The XLSX template of a manual reading round: the meters of a site in service in a month',
        parameters: [query('site', 'site (entity id), required'), query('month', 'YYYY-MM, required')],
        responses: {
          200: {
            description: 'the workbook',
            content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {} },
          },
          ...errors('invalid-request', 'invalid-data', 'not-found', 'forbidden'),
        },
      },
    },
    '/api/meters/reading-round': {
      post: {
        summary: 'Import a filled-in reading round (XLSX as base64): all or nothing, every bad cell named',
        requestBody: { required: true, ...json(ReadingRoundUpload) },
        responses: {
          201: ok('{fileId, sha256, rowsRead, rowsAdded, alreadyImported}'),
          200: ok('nothing added'),
          ...errors('invalid-request', 'invalid-data', 'not-found', 'forbidden', 'too-large'),
        },
      },
    },
  };
}
