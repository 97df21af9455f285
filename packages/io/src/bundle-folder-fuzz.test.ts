/**
 * Fuzzing the bundle folder reader (loadBundle: assay.yaml, indicators.yaml, registers.yaml,
 * narrative.yaml and the CSV tables) with one file of a valid folder made hostile: cut,
 * bit-flipped, spliced with BOMs, NULs, invalid UTF-8, long runs and huge numbers; replaced by
 * random bytes; or, for YAML, replaced by generated documents with deep nesting, anchors and
 * aliases (billion laughs), tags, huge numbers and long strings. Properties: nothing throws,
 * every issue names a file of the bundle in words of its own, each folder is read within the
 * per-input guard. See test/fuzz-support.ts for FUZZ_RUNS.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLE_FILES } from '@assay/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUZZ_TEST_MS, FuzzClock, fuzzParams, INTERNALS, mutated, noise } from '../test/fuzz-support.js';
import { loadBundle } from './bundle-folder.js';

const XINXIN = join(import.meta.dirname, '..', '..', '..', 'examples', 'xinxin-2025');
const FILES = [
  BUNDLE_FILES.settings,
  BUNDLE_FILES.registers,
  BUNDLE_FILES.narrative,
  BUNDLE_FILES.dataPoints,
  BUNDLE_FILES.activityLines,
  BUNDLE_FILES.published,
  BUNDLE_FILES.indicators, // absent from the example: the fuzz writes one
];
const KNOWN = new Set<string>(Object.values(BUNDLE_FILES));
let dir: string;
let folder: string;
const original = new Map<string, Uint8Array>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assay-bundle-fuzz-'));
  folder = join(dir, 'bundle');
  cpSync(XINXIN, folder, { recursive: true });
  for (const f of FILES) {
    try {
      original.set(f, Uint8Array.from(readFileSync(join(folder, f))));
    } catch {
      original.set(f, new TextEncoder().encode('indicators: []\n'));
    }
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '1e999999',
    '9'.repeat(400),
    '-.inf',
    '.nan',
    '0x7fffffffffffffff',
    '~',
    'null',
    'yes',
    '"\\u0000"',
  ),
);
/** YAML text: nested flow collections, a chain of anchors each aliasing the one before, tags, long strings. */
const yamlDocument = fc.oneof(
  fc.integer({ min: 1, max: 5000 }).map((n) => `a: ${'['.repeat(n)}1${']'.repeat(n)}`),
  fc
    .integer({ min: 1, max: 800 })
    .map((n) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 })).map(([levels, width]) => {
    const lines = ['a0: &a0 [lol]'];
    for (let i = 1; i <= levels; i++)
      lines.push(
        `a${i}: &a${i} [${Array(width)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    return lines.join('\n');
  }),
  fc.constantFrom(
    'a: &a [*a]',
    'x: !!binary aGk=',
    'x: !!js/function "f(){}"',
    '? [a, b]\n: c',
    '<<: *nowhere',
    '%YAML 9.9\n---\na: 1',
  ),
  fc
    .dictionary(fc.string({ maxLength: 8 }), fc.oneof(scalar, fc.array(scalar, { maxLength: 4 })), {
      maxKeys: 8,
    })
    .map((d) =>
      Object.entries(d)
        .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
        .join('\n'),
    ),
  fc.integer({ min: 1, max: 200_000 }).map((n) => `schemaVersion: 1\nnote: ${'x'.repeat(n)}`),
);

const hostileFolder = fc.tuple(fc.constantFrom(...FILES), fc.nat(99)).chain(([file, pick]) => {
  const base = original.get(file) as Uint8Array;
  const content: fc.Arbitrary<Uint8Array | string> =
    file.endsWith('.yaml') && pick < 40 ? yamlDocument : pick < 90 ? mutated(base) : noise;
  return content.map((c) => ({ file, content: c }));
});

describe('fuzzing the bundle folder reader', () => {
  it('reads hostile folders to issues naming a bundle file, never a crash or a hang', {
    timeout: FUZZ_TEST_MS,
  }, async () => {
    const clock = new FuzzClock();
    await fc.assert(
      fc.asyncProperty(hostileFolder, async ({ file, content }) => {
        writeFileSync(join(folder, file), content);
        try {
          const r = await clock.time(() => loadBundle(folder));
          clock.note(r.ok ? 'accepted' : 'refused');
          if (!r.ok)
            for (const i of r.issues) {
              expect(KNOWN.has(i.file)).toBe(true);
              expect(i.reason).toMatch(/\S/);
              expect(i.reason).not.toMatch(INTERNALS);
            }
        } finally {
          writeFileSync(join(folder, file), original.get(file) as Uint8Array);
        }
      }),
      fuzzParams(80),
    );
    console.info(clock.summary('bundle folder reader'));
  });
});
