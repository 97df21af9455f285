/**
 * Pieces every part of the OpenAPI document uses (the *-openapi.ts files): a JSON body from its
 * zod schema, a 2xx answer, the error answers by code (their statuses from api-error.ts), and
 * path, query and If-Match parameters.
 */
import { z } from 'zod';
import { type ApiErrorCode, STATUS_OF } from './api-error.js';

/** A JSON request body described by its zod schema (as the client sends it: `io: 'input'`). */
export const json = (schema: z.ZodType) => ({
  content: {
    'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) },
  },
});

/** A JSON answer, described in words. */
export const ok = (description: string) => ({ description, content: { 'application/json': {} } });

/** The error answers for these codes, each with the shared Error schema. */
export const errors = (...codes: ApiErrorCode[]) =>
  Object.fromEntries(
    codes.map((code) => [
      String(STATUS_OF[code]),
      {
        description: code,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    ]),
  );

/** A required text parameter in the path. */
export const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });

/** A text parameter in the query string, optional unless said. */
export const query = (name: string, description: string, required = false) => ({
  name,
  in: 'query',
  required,
  schema: { type: 'string' },
  description,
});

/** The If-Match header naming the version a write edits (412 when it is not the current one). */
export const ifMatch = {
  name: 'If-Match',
  in: 'header',
  schema: { type: 'string' },
  description: 'version being edited, e.g. "3"',
};
