/**
 * Requests for the API fuzz (api-fuzz.test.ts), made for one route of the router: its path
 * parameters, query keys and body fields come from the OpenAPI document (request bodies are the
 * zod schemas as JSON Schema), so a new route is fuzzed as it is documented. A body is shaped by
 * the schema most of the time (right types, hostile strings, missing keys), otherwise random
 * JSON, deep nesting, huge numbers, __proto__ keys, truncated JSON, random bytes under various
 * content types, or (imports) a broken XLSX template.
 */
import fc from 'fast-check';
import { openApiDocument } from '../src/http/openapi.js';
import {
  decimal,
  deep,
  HUGE_NUMBERS,
  headerText,
  hostileCsv,
  NAMED,
  pct,
  plausibleCsv,
  TOKENS,
  text,
  value,
} from './api-fuzz-values.js';

export type Route = { method: string; path: string };
export type Fuzzed = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
};

type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
};

/** A route's request body schema from the OpenAPI document (generated from the zod schema). */
function bodySchema(route: Route): JsonSchema {
  const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
  const op = doc.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()] as
    | { requestBody?: { content: { 'application/json': { schema: JsonSchema } } } }
    | undefined;
  return op?.requestBody?.content['application/json'].schema ?? {};
}

/** Values of the right type for a body schema, by and large: strings hostile, numbers odd, keys missing. */
function fromSchema(schema: JsonSchema, name: string): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.oneof(fc.constantFrom(...schema.enum), value);
  if (schema.type === 'object' && schema.properties) {
    const props = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k, fromSchema(v, k)]),
    );
    return fc.oneof(
      { arbitrary: fc.record(props, { requiredKeys: schema.required ?? [] }), weight: 3 },
      { arbitrary: fc.record(props, { requiredKeys: [] }), weight: 1 },
    );
  }
  const named = NAMED[name];
  if (named)
    return fc.oneof({ arbitrary: fc.constantFrom(...named), weight: 3 }, { arbitrary: text, weight: 1 });
  if (schema.type === 'integer' || schema.type === 'number')
    return fc.oneof(
      { arbitrary: fc.integer({ min: 1, max: 6 }), weight: 4 },
      { arbitrary: value, weight: 1 },
    );
  if (name === 'value') return decimal;
  if (name === 'csv') return fc.oneof(plausibleCsv, hostileCsv);
  if (name === 'file') return fc.oneof(fc.constantFrom('q4.csv', 'q4.xlsx', '數據.csv'), text);
  if (schema.type === 'string')
    return fc.oneof({ arbitrary: text, weight: 4 }, { arbitrary: value, weight: 1 });
  return value;
}
function queryKeys(route: Route): string[] {
  const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
  const op = doc.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()] as
    | { parameters?: { name: string; in: string }[] }
    | undefined;
  return (op?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
}

function bodyFor(
  route: Route,
  template: Uint8Array,
): fc.Arbitrary<{ type: string; body: string | Uint8Array }> {
  const schema = bodySchema(route);
  const keys = [...Object.keys(schema.properties ?? {}), '__proto__', 'constructor', 'extra'];
  const json = (a: fc.Arbitrary<string>) => a.map((body) => ({ type: 'application/json', body }));
  const typed = fromSchema(schema, 'body').map((o) => JSON.stringify(o) ?? 'null');
  const shaped = fc
    .dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length })
    .map((o) => JSON.stringify(o));
  const withRaw = fc
    .record({
      key: fc.constantFrom(...keys),
      raw: fc.oneof(fc.constantFrom(...HUGE_NUMBERS), deep),
      o: shaped,
    })
    .map(({ key, raw, o }) => `{"${key}":${raw}${o === '{}' ? '' : `,${o.slice(1, -1)}`}}`);
  const proto = shaped.map(
    (o) => `{"__proto__":{"reason":"x","version":1}${o === '{}' ? '' : `,${o.slice(1, -1)}`}}`,
  );
  const truncated = fc
    .record({ o: shaped, cut: fc.nat() })
    .map(({ o, cut }) => o.slice(0, o.length > 1 ? cut % o.length : 0));
  const imports = route.path.startsWith('/api/import/')
    ? [
        json(
          fc
            .record({
              file: fc.constantFrom('t.xlsx', 'a b.xlsx', '數.xlsx'),
              cut: fc.nat({ max: template.length }),
              flips: fc.array(
                fc.record({ at: fc.nat({ max: template.length - 1 }), to: fc.nat({ max: 255 }) }),
                {
                  maxLength: 8,
                },
              ),
              random: fc.boolean(),
            })
            .map(({ file, cut, flips, random }) => {
              const bytes = random ? template.slice(0, cut) : Uint8Array.from(template);
              for (const f of flips) if (f.at < bytes.length) bytes[f.at] = f.to;
              return JSON.stringify({ file, xlsxBase64: Buffer.from(bytes).toString('base64') });
            }),
        ),
      ]
    : [];
  return fc.oneof(
    { arbitrary: json(typed), weight: 8 },
    json(shaped),
    json(withRaw),
    json(proto),
    json(truncated),
    json(fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null')),
    json(deep),
    ...imports,
    fc.record({
      type: fc.constantFrom(
        'application/json',
        'application/json; charset=utf-16',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/octet-stream',
        '',
        'application/json;;;',
        'APPLICATION/JSON',
      ),
      body: fc.oneof(fc.uint8Array({ maxLength: 2000 }), shaped),
    }),
  );
}

const segment = fc.oneof(
  { arbitrary: fc.constantFrom(...TOKENS).map(pct), weight: 3 },
  { arbitrary: text.map((t) => pct(t.slice(0, 3000))), weight: 3 },
  // already encoded, some of it badly: used as is
  {
    arbitrary: fc.constantFrom('%00', '%', '%E0%A4%A', '%2F..%2F..%2Fetc%2Fpasswd', '..', '.', '%C0%AE'),
    weight: 2,
  },
);
const queryString = (keys: string[]) =>
  fc.oneof(
    fc
      .array(fc.tuple(fc.constantFrom(...keys, 'x', '__proto__'), text), { maxLength: 5 })
      .map((pairs) => pairs.map(([k, v]) => `${pct(k)}=${pct(v.slice(0, 3000))}`).join('&')),
    fc.constantFrom(
      '',
      '%',
      'a=%E0%A4%A',
      '&&&',
      'id',
      'id=',
      'apply=true&apply=false',
      'lang=en&lang=zh-Hant',
    ),
  );
const headers = fc.record(
  {
    'if-match': fc.oneof(
      fc.constantFrom('"1"', 'W/"1"', '"0"', '"99999999999999999999"', '*', ''),
      text.map(headerText),
    ),
    origin: fc.constantFrom('http://evil.example', 'null', 'http://localhost'),
    'sec-fetch-site': fc.constantFrom('cross-site', 'same-site', 'same-origin', 'none', 'bogus'),
    host: fc.constantFrom('evil.example', 'localhost', 'localhost:1'),
  },
  { requiredKeys: [] },
);

export function requestFor(route: Route, template: Uint8Array): fc.Arbitrary<Fuzzed> {
  const params = route.path.match(/:\w+/g) ?? [];
  const path =
    route.path === '/*'
      ? fc.array(segment, { maxLength: 4 }).map((s) => `/${s.join('/')}`)
      : route.path === '/api/*'
        ? fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => `/api/${s.join('/')}`)
        : fc.tuple(...params.map(() => segment)).map((values) => {
            let p = route.path;
            values.forEach((v, i) => {
              p = p.replace(params[i] ?? '', v);
            });
            return p;
          });
  const method =
    route.method === 'ALL'
      ? fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS')
      : fc.oneof(
          { arbitrary: fc.constant(route.method), weight: 9 },
          {
            arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'),
            weight: 1,
          },
        );
  return fc
    .record({
      path,
      method,
      query: queryString(queryKeys(route)),
      headers: fc.oneof({ arbitrary: fc.constant({}), weight: 7 }, { arbitrary: headers, weight: 1 }),
      body: bodyFor(
        route.method === 'ALL' || route.method === 'GET' ? { method: 'POST', path: '/' } : route,
        template,
      ),
    })
    .map(({ path, method, query, headers, body }) => {
      const url = `http://localhost${path}${query === '' ? '' : `?${query}`}`;
      const hasBody = method !== 'GET' && method !== 'HEAD';
      return {
        method,
        url,
        headers: { ...(hasBody && body.type !== '' ? { 'content-type': body.type } : {}), ...headers },
        ...(hasBody ? { body: body.body } : {}),
      };
    });
}
