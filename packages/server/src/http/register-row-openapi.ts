/**
 * The compliance cases, certifications and tailings facilities routes' part of the OpenAPI
 * document (routes/compliance-cases.ts, routes/site-registers.ts; issue #18; docs/registers.md).
 */
import type { z } from 'zod';
import { errors, ifMatch, json, ok, path, query } from './openapi-parts.js';
import {
  CaseWrite,
  CertificationWrite,
  RowImport,
  RowRetract,
  TailingsWrite,
} from './register-row-schemas.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The seven routes of one register kept row by row. */
type Paths = Record<string, Record<string, object>>;

export function rowPaths(base: string, noun: string, who: string, write: z.ZodType, list: object): Paths {
  return {
    [`/api/${base}`]: {
      get: list,
      post: {
        summary: `Add a ${noun} (${who})`,
        requestBody: { required: true, ...json(write) },
        responses: {
          201: ok('{id, version}'),
          ...errors('invalid-request', 'invalid-data', 'conflict', 'forbidden'),
        },
      },
    },
    [`/api/${base}/{id}`]: {
      put: {
        summary: `Replace a ${noun}, naming the version replaced`,
        parameters: [path('id'), ifMatch],
        requestBody: { required: true, ...json(write) },
        responses: {
          200: ok('{id, version}'),
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
    [`/api/${base}/{id}/retract`]: {
      post: {
        summary: `Retract a ${noun}; its history keeps it`,
        parameters: [path('id'), ifMatch],
        requestBody: { required: true, ...json(RowRetract) },
        responses: {
          200: ok('{retracted, id, version}'),
          ...errors('invalid-request', 'not-found', 'version-required', 'stale-version', 'forbidden'),
        },
      },
    },
    [`/api/${base}/{id}/history`]: {
      get: {
        summary: `A ${noun}'s revisions, oldest first (a retraction holds null)`,
        parameters: [path('id')],
        responses: { 200: ok('{id, revisions}'), ...errors('not-found', 'forbidden') },
      },
    },
    [`/api/export/${base}.xlsx`]: {
      get: {
        summary: `The ${noun} register as an XLSX workbook`,
        responses: { 200: { description: 'the workbook', content: { [XLSX]: {} } }, ...errors('forbidden') },
      },
    },
    [`/api/import/${base}`]: {
      post: {
        summary: `Import a ${noun} workbook, all or nothing`,
        requestBody: { required: true, ...json(RowImport(`${base}.xlsx`)) },
        responses: { 200: ok('{imported}'), ...errors('invalid-request', 'invalid-data', 'forbidden') },
      },
    },
  };
}

export function registerRowPaths(): Paths {
  return {
    '/api/cases/counts': {
      get: {
        summary:
          'Counts of compliance cases by kind, type and outcome for a year (no case details; HKEX B7.1)',
        parameters: [query('year', 'four digits; default the reporting year')],
        responses: {
          200: ok('{year, total, counts: [{kind, type, outcome, count}]}'),
          ...errors('invalid-request', 'forbidden'),
        },
      },
    },
    ...rowPaths('cases', 'compliance case', 'the compliance role only', CaseWrite, {
      summary: 'Compliance case rows (the compliance role only; everyone else: /api/cases/counts)',
      parameters: [
        query('kind', 'legal-case or whistleblowing'),
        query('type', 'bribery, extortion, fraud, money-laundering, other'),
        query('status', 'open or concluded'),
      ],
      responses: { 200: ok('{cases: [{case, version}]}'), ...errors('invalid-request', 'forbidden') },
    }),
    ...rowPaths('certifications', 'certification', 'the administrator', CertificationWrite, {
      summary: 'Certifications with their expiry state (valid, expiring, expired, no-expiry)',
      parameters: [
        query('entity', 'only this site'),
        query('state', 'only this expiry state'),
        query('today', 'YYYY-MM-DD; default the server date (UTC)'),
        query('warnDays', 'days before expiry counted as expiring; default 90'),
      ],
      responses: {
        200: ok('{warnDays, today, certifications: [{certification, version, expiry}]}'),
        ...errors('invalid-request', 'forbidden'),
      },
    }),
    ...rowPaths('tailings-facilities', 'tailings facility', 'the administrator', TailingsWrite, {
      summary: 'Tailings facilities (GRI 14, SASB EM-MM-540a.1)',
      parameters: [query('entity', 'only this site'), query('status', 'active, inactive or closed')],
      responses: {
        200: ok('{facilities: [{facility, version}]}'),
        ...errors('invalid-request', 'forbidden'),
      },
    }),
  };
}
