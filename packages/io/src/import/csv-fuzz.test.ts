/**
 * Fuzzing the CSV reader (csv-records.ts through readFactsCsv) with hostile files: valid files
 * cut, bit-flipped and spliced with BOMs, NULs, invalid UTF-8, quotes, line ends, ESC, 30,000-byte
 * runs and huge numbers; random bytes; generated rows of hostile cells. Properties: nothing throws,
 * every issue names the file in words of its own (no library internals), every input is read
 * within the per-input guard, and through the store import a refused file stores nothing (the
 * audit log, change sets and revisions are unchanged). See test/fuzz-support.ts for FUZZ_RUNS.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLE_FILES, type BundleValidation } from '@assay/core';
import { auditEntries, importBundle, importFacts, migrate, openPgliteStore, type Store } from '@assay/store';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FUZZ_RUNS,
  FUZZ_TEST_MS,
  FuzzClock,
  fuzzParams,
  INTERNALS,
  mutated,
  noise,
} from '../../test/fuzz-support.js';
import { loadBundle, readRawBundle } from '../bundle-folder.js';
import { readFactsCsv } from './csv-facts.js';
import type { ImportContext } from './fact-slice.js';
import type { ImportIssue } from './limits.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', '..', 'examples');
const bases = [
  join(EXAMPLES, 'minimal', BUNDLE_FILES.dataPoints),
  join(EXAMPLES, 'minimal', BUNDLE_FILES.activityLines),
  join(EXAMPLES, 'xinxin-2025', BUNDLE_FILES.dataPoints),
  join(EXAMPLES, 'xinxin-2025', BUNDLE_FILES.activityLines),
].map((p) => Uint8Array.from(readFileSync(p)));

let dir: string;
let ctx: ImportContext;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assay-csv-fuzz-'));
  const raw = (await readRawBundle(join(EXAMPLES, 'minimal'))).raw;
  if (!raw) throw new Error('examples/minimal should read');
  ctx = { settings: raw.settings, ...(raw.indicators ? { indicators: raw.indicators } : {}) };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FILE = 'fuzz.csv';
/** Every slice drained; the issues, all of which must name the file in words of its own. */
async function read(bytes: Uint8Array): Promise<ImportIssue[]> {
  const p = join(dir, FILE);
  writeFileSync(p, bytes);
  const issues: ImportIssue[] = [];
  for await (const s of readFactsCsv(p, ctx)) issues.push(...s.issues);
  return issues;
}

function expectOwnWords(issues: readonly ImportIssue[], file: string): void {
  for (const i of issues) {
    expect(i.file).toBe(file);
    expect(i.reason).toMatch(/\S/);
    expect(i.reason).not.toMatch(INTERNALS);
    if (i.row !== undefined) expect(Number.isInteger(i.row) && i.row >= 0).toBe(true);
  }
}

const HOSTILE_CELLS = [
  'smelter',
  'group',
  '2025',
  '2025-13',
  'water.recycled',
  'revenue',
  'm³',
  'CNY million',
  '1e309',
  '-0',
  '9'.repeat(300),
  `0.${'0'.repeat(300)}1`,
  '\u001b[31m',
  '\u202e',
  '\u0000',
  'a=b;c',
  '=1+1',
  "'=1",
  '__proto__',
  ' ',
  '"',
];
/** CSV text of a header and rows of hostile cells, quoted correctly or not at all. */
const hostileRows = fc
  .tuple(
    fc.constantFrom(
      'entity,period,indicator,value,unit,source',
      'id,entity,period,activity,subject,use,amount,unit,attributes,source',
      'indicator',
      '',
    ),
    fc.array(
      fc.array(fc.oneof(fc.constantFrom(...HOSTILE_CELLS), fc.string({ maxLength: 20 })), { maxLength: 12 }),
      {
        maxLength: 30,
      },
    ),
    fc.boolean(),
  )
  .map(([header, rows, quote]) => {
    const cell = (c: string) => (quote ? `"${c.replaceAll('"', '""')}"` : c);
    return new TextEncoder().encode([header, ...rows.map((r) => r.map(cell).join(','))].join('\n'));
  });

describe('fuzzing the CSV reader', () => {
  it('reads hostile files to issues naming the file, never a crash or a hang', {
    timeout: FUZZ_TEST_MS,
  }, async () => {
    const clock = new FuzzClock();
    const input = fc.oneof(
      { arbitrary: fc.constantFrom(...bases).chain(mutated), weight: 6 },
      { arbitrary: noise, weight: 2 },
      { arbitrary: hostileRows, weight: 2 },
    );
    await fc.assert(
      fc.asyncProperty(input, async (bytes) => {
        const issues = await clock.time(() => read(bytes));
        clock.note(issues.length === 0 ? 'accepted' : 'refused');
        expectOwnWords(issues, FILE);
      }),
      fuzzParams(500),
    );
    console.info(clock.summary('CSV reader'));
  });
});

describe('a refused CSV stores nothing (PGlite)', () => {
  let store: Store;
  let storeDir: string;
  const WHO = { author: 'fuzz', reason: 'fuzz', at: '2026-01-01T00:00:00.000Z' };
  const state = async () => {
    const [r] = await store.query<{ cs: string; dp: string; al: string }>(
      `select (select count(*) from change_set)::text as cs, (select count(*) from data_point_revision)::text as dp,
              (select count(*) from activity_line_revision)::text as al`,
    );
    return { audit: await auditEntries(store), ...r };
  };
  beforeAll(async () => {
    storeDir = await mkdtemp(join(tmpdir(), 'assay-csv-fuzz-store-'));
    store = await openPgliteStore(storeDir);
    await migrate(store, WHO.at);
    const v: BundleValidation = await loadBundle(join(EXAMPLES, 'minimal'));
    if (!v.ok) throw new Error('examples/minimal should load');
    await importBundle(store, v.bundle, WHO);
  });
  afterAll(async () => {
    await store?.close();
    rmSync(storeDir, { recursive: true, force: true });
  });

  it('leaves the audit log, change sets and revisions as they were after each refused file', {
    timeout: FUZZ_TEST_MS,
  }, async () => {
    const clock = new FuzzClock();
    const own = await mkdtemp(join(dir, 'store-'));
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...bases.slice(0, 2)).chain(mutated), async (bytes) => {
        const p = join(own, FILE);
        writeFileSync(p, bytes);
        const before = await state();
        const r = await clock.time(() =>
          importFacts(store, () => readFactsCsv(p, ctx), { ...WHO, subject: p }),
        );
        if (!r.ok) {
          refused++;
          expectOwnWords(r.issues, FILE);
          expect(await state()).toEqual(before);
        }
      }),
      // A tenth of a long run's count: each import is a transaction on the embedded store.
      { ...fuzzParams(60), numRuns: FUZZ_RUNS === undefined ? 60 : Math.ceil(FUZZ_RUNS / 10) },
    );
    expect(refused).toBeGreaterThan(0);
    console.info(`${clock.summary('CSV import into PGlite')}, ${refused} refused`);
  });
});
