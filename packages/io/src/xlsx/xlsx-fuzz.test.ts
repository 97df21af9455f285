/**
 * Fuzzing the XLSX template reader (zip-guard.ts, then exceljs, then the rows) with hostile
 * workbooks: the ZIP bytes of a valid workbook cut, bit-flipped or spliced; a valid workbook whose
 * XML entries are mutated and zipped again (so the damage reaches the XML readers, not only the
 * ZIP checks); generated worksheets with random row and column numbers, merges, validations,
 * column ranges and defined names; entries whose declared sizes lie. Properties: nothing throws,
 * every issue names the file in words of its own, each input is read within the per-input guard.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { standardCatalogue } from '@assay/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { FUZZ_TEST_MS, FuzzClock, fuzzParams, INTERNALS, mutated, noise } from '../../test/fuzz-support.js';
import { readRawBundle } from '../bundle-folder.js';
import type { ImportContext } from '../import/fact-slice.js';
import type { ImportIssue } from '../import/limits.js';
import { buildTemplate } from './build-template.js';
import { buildZip, type ZipEntryInput } from './build-zip.js';
import { handMadeWorkbook } from './hand-made-workbook.js';
import { readFactsXlsx } from './read-template.js';

const MINIMAL = join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal');
const FILE = 'fuzz.xlsx';
let dir: string;
let ctx: ImportContext;
let template: ZipEntryInput[];

function unzip(bytes: Buffer): Promise<ZipEntryInput[]> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out: ZipEntryInput[] = [];
      zip.on('entry', (e: yauzl.Entry) =>
        zip.openReadStream(e, async (err2, s) => {
          if (err2 || !s) return reject(err2);
          const parts: Buffer[] = [];
          for await (const c of s) parts.push(c as Buffer);
          out.push({ name: e.fileName, data: Buffer.concat(parts) });
          zip.readEntry();
        }),
      );
      zip.on('end', () => resolve(out));
      zip.readEntry();
    }),
  );
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assay-xlsx-fuzz-'));
  const raw = (await readRawBundle(MINIMAL)).raw;
  if (!raw) throw new Error('examples/minimal should read');
  ctx = { settings: raw.settings };
  const wb = buildTemplate({
    entity: { id: 'smelter', name: { 'zh-Hant': '冶煉廠', en: 'Smelter' } },
    periodId: '2025',
    catalogue: standardCatalogue(),
  });
  template = await unzip(Buffer.from(await wb.xlsx.writeBuffer()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Each test writes its inputs in a folder of its own. */
async function read(bytes: Uint8Array, folder = dir): Promise<ImportIssue[]> {
  const p = join(folder, FILE);
  writeFileSync(p, bytes);
  const issues: ImportIssue[] = [];
  for await (const s of readFactsXlsx(p, ctx, { entity: 'smelter', period: '2025' }))
    issues.push(...s.issues);
  return issues;
}

/** Which reader stopped the input: the ZIP guard, exceljs, or the rows; or none. */
function outcome(issues: readonly ImportIssue[]): string {
  const first = issues[0]?.reason;
  if (first === undefined) return 'accepted';
  if (first.startsWith('refused before reading')) return 'refused by the ZIP guard';
  if (first.startsWith('not a valid XLSX workbook')) return 'refused by exceljs';
  return 'refused by row checks';
}

function expectOwnWords(issues: readonly ImportIssue[]): void {
  for (const i of issues) {
    expect(i.file).toBe(FILE);
    expect(i.reason).toMatch(/\S/);
    expect(i.reason).not.toMatch(INTERNALS);
  }
}

const HEADER_ROW =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>indicator</t></is></c><c r="B1" t="inlineStr"><is><t>value</t></is></c><c r="C1" t="inlineStr"><is><t>unit</t></is></c><c r="D1" t="inlineStr"><is><t>source</t></is></c></row>';
const small = handMadeWorkbook({
  rows:
    HEADER_ROW +
    '<row r="2"><c r="A2" t="inlineStr"><is><t>water.recycled</t></is></c><c r="B2"><v>10</v></c><c r="C2" t="inlineStr"><is><t>m³</t></is></c><c r="D2" t="inlineStr"><is><t>meter</t></is></c></row>',
});

/** Row numbers, columns and ranges from ordinary (mostly, so that rows reach the row checks) to far past Excel's limits. */
const rowNo = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 50 }), weight: 40 },
  { arbitrary: fc.constantFrom(0, 1_048_576, 1_048_577, 2 ** 31, 2 ** 32, 2 ** 53), weight: 1 },
  { arbitrary: fc.nat(), weight: 1 },
);
const colLetters = fc.oneof(
  { arbitrary: fc.constantFrom('A', 'B', 'C', 'D'), weight: 40 },
  { arbitrary: fc.constantFrom('Z', 'AA', 'XFD', 'XFE', 'ZZZ', 'AAAA', 'a', ''), weight: 1 },
  { arbitrary: fc.stringMatching(/^[A-Z]{1,5}$/), weight: 1 },
);
const columnNo = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 20 }), weight: 40 },
  { arbitrary: fc.constantFrom(0, 16_384, 16_385, 2 ** 31), weight: 1 },
);
const ref = fc.tuple(colLetters, rowNo).map(([c, r]) => `${c}${r}`);
const range = fc.tuple(ref, ref).map(([a, b]) => `${a}:${b}`);
const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('\u001b[2J', '＝1+1', '9'.repeat(400), '&amp;', '&#0;'),
);
const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');
const generated = fc
  .record({
    rows: fc.array(
      fc.tuple(
        fc.option(rowNo),
        fc.array(fc.tuple(fc.option(ref), fc.oneof(fc.double(), text)), { maxLength: 6 }),
      ),
      { maxLength: 8 },
    ),
    merges: fc.array(range, { maxLength: 3 }),
    validations: fc.array(fc.array(fc.oneof(ref, range), { minLength: 1, maxLength: 3 }), { maxLength: 3 }),
    cols: fc.array(fc.tuple(columnNo, columnNo), { maxLength: 2 }),
    names: fc.array(
      fc.oneof(
        range.map((r) => `Data!$${r}`),
        fc.string({ maxLength: 20 }),
      ),
      { maxLength: 3 },
    ),
    header: fc.boolean(),
  })
  .map((g) =>
    handMadeWorkbook({
      // With the template's header, the generated rows reach the row checks too.
      rows:
        (g.header ? HEADER_ROW : '') +
        g.rows
          .map(
            ([r, cells]) =>
              `<row${r === null ? '' : ` r="${r}"`}>${cells
                .map(([at, v]) =>
                  typeof v === 'number'
                    ? `<c${at === null ? '' : ` r="${at}"`}><v>${v}</v></c>`
                    : `<c${at === null ? '' : ` r="${at}"`} t="inlineStr"><is><t>${esc(v)}</t></is></c>`,
                )
                .join('')}</row>`,
          )
          .join(''),
      beforeData:
        g.cols.length === 0
          ? ''
          : `<cols>${g.cols.map(([a, b]) => `<col min="${a}" max="${b}"/>`).join('')}</cols>`,
      afterData:
        (g.merges.length === 0
          ? ''
          : `<mergeCells>${g.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`) +
        (g.validations.length === 0
          ? ''
          : `<dataValidations>${g.validations.map((v) => `<dataValidation type="list" sqref="${v.join(' ')}"><formula1>"a,b"</formula1></dataValidation>`).join('')}</dataValidations>`),
      workbookExtra:
        g.names.length === 0
          ? ''
          : `<definedNames>${g.names.map((n, i) => `<definedName name="n${i}">${esc(n)}</definedName>`).join('')}</definedNames>`,
    }),
  );

/** A valid workbook's entries with some XML entries mutated (and perhaps a size that lies), zipped again. */
function partsMutated(entries: () => ZipEntryInput[]): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(fc.nat(), fc.nat(), fc.option(fc.nat({ max: 1 << 20 }), { freq: 5 }))
    .chain(([which, lie, declared]) => {
      const list = entries();
      const k = which % list.length;
      const target = list[k] as ZipEntryInput;
      return mutated(Uint8Array.from(target.data)).map((data) =>
        buildZip(
          list.map((e, i) =>
            i === k
              ? { name: e.name, data }
              : i === lie % list.length && declared !== null
                ? { ...e, declaredSize: declared }
                : e,
          ),
        ),
      );
    });
}

describe('fuzzing the XLSX template reader', () => {
  it('reads hostile small workbooks to issues naming the file, never a crash or a hang', {
    timeout: FUZZ_TEST_MS,
  }, async () => {
    const clock = new FuzzClock();
    const own = await mkdtemp(join(dir, 'small-'));
    const smallEntries = await unzip(small);
    const input = fc.oneof(
      { arbitrary: mutated(Uint8Array.from(small)), weight: 2 },
      { arbitrary: partsMutated(() => smallEntries), weight: 4 },
      { arbitrary: generated, weight: 4 },
      { arbitrary: noise, weight: 1 },
    );
    await fc.assert(
      fc.asyncProperty(input, async (bytes) => {
        const issues = await clock.time(() => read(bytes, own));
        clock.note(outcome(issues));
        expectOwnWords(issues);
      }),
      fuzzParams(250),
    );
    console.info(clock.summary('XLSX reader, small workbooks'));
  });

  it('reads a real template with damaged parts to issues naming the file', {
    timeout: FUZZ_TEST_MS,
  }, async () => {
    const clock = new FuzzClock();
    const own = await mkdtemp(join(dir, 'template-'));
    await fc.assert(
      fc.asyncProperty(
        partsMutated(() => template),
        async (bytes) => {
          const issues = await clock.time(() => read(bytes, own));
          clock.note(outcome(issues));
          expectOwnWords(issues);
        },
      ),
      fuzzParams(25),
    );
    console.info(clock.summary('XLSX reader, template'));
  });

  it('has a valid base: the small workbook and the template read without issues', async () => {
    expect(await read(small)).toEqual([]);
    expect(await read(buildZip(template))).toEqual([]);
    expect(readFileSync(join(dir, FILE)).length).toBeGreaterThan(1000);
  });
});
