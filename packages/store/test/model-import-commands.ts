/**
 * Import steps of the model-based tests, run as `assay import <file.csv>` runs them
 * (packages/cli/src/commands/import.ts: importContext, io's readFactsCsv, the store's
 * importFacts), on a file written to the run's folder. The CLI runs while the server is
 * stopped, so the workspace is opened again afterwards (its version counter starts at 1).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFactsCsv } from '@assay/io';
import fc from 'fast-check';
import { importContext, importFacts } from '../src/import-facts.js';
import type { ImportResult } from '../src/import-run.js';
import { AL_BAD, DP_BAD, spoilDataPoints, spoilLines } from './model-bad-rows.js';
import { Divergence } from './model-check.js';
import {
  applyRows,
  type FactKindName,
  type Fields,
  keyOf,
  liveFacts,
  type Model,
} from './model-reference.js';
import {
  AL_HEADER,
  alRow,
  alRowSpec,
  csvText,
  DP_HEADER,
  dpRow,
  dpRowSpec,
  dpSlot,
  lineSlotId,
  sometimes,
  unique,
  type Who,
  who,
} from './model-rows.js';
import { newFileName, type Real, reopenWorkspace } from './model-system.js';

/** How a file is imported: as `assay import` does, or with `--as-new-data`. */
export type ImportMode = { readonly asNewData: boolean };

export type Expected =
  | { ok: false }
  /** `already`: the same bytes were imported before (issue #14 item 11): nothing added, and the store says so. */
  | { ok: true; changed: false; already: boolean }
  | { ok: true; changed: true; counts: Counts };
type Counts = { added: number; revised: number };

const sha256 = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');

const NORMAL: ImportMode = { asNewData: false };

/** What the model says an import of these rows does; applies it to the model. */
function expectImport(
  m: Model,
  mode: ImportMode,
  kind: FactKindName,
  rows: readonly Fields[],
  text: string,
  bad: boolean,
  who: Who & { at: string },
): { expected: Expected; touched: string[] } {
  if (bad) return { expected: { ok: false }, touched: [] };
  const hash = sha256(text);
  if (!mode.asNewData && m.files.has(hash))
    return { expected: { ok: true, changed: false, already: true }, touched: [] };
  const existed = new Set(rows.map((f) => keyOf(kind, f)).filter((k) => m.facts[kind].has(k)));
  const { changedKeys } = applyRows(m, kind, rows, who);
  if (changedKeys.length === 0)
    return { expected: { ok: true, changed: false, already: false }, touched: [] };
  m.files.add(hash);
  const revised = changedKeys.filter((k) => existed.has(k)).length;
  return {
    expected: { ok: true, changed: true, counts: { added: changedKeys.length - revised, revised } },
    touched: kind === 'dp' ? changedKeys : [],
  };
}

function compareImport(what: string, kind: FactKindName, r: ImportResult, e: Expected) {
  const actual = !r.ok
    ? { ok: false }
    : r.changed
      ? { ok: true, changed: true, counts: kind === 'dp' ? r.counts.dataPoints : r.counts.activityLines }
      : { ok: true, changed: false, already: r.alreadyImported !== undefined };
  if (JSON.stringify(actual) !== JSON.stringify(e)) {
    const issues = r.ok
      ? []
      : r.issues.slice(0, 3).map((i) => `${i.row ?? ''} ${i.column ?? ''} ${i.reason}`);
    throw new Divergence(
      `${what}: the store answered ${JSON.stringify({ ...actual, issues })}, the model expects ${JSON.stringify(e)}`,
    );
  }
}

/** `assay import <file.csv>` (packages/cli/src/commands/import.ts): the file's SHA-256, importContext, readFactsCsv, importFacts. */
export async function cliImport(
  real: Real,
  name: string,
  text: string,
  w: Who,
  mode: ImportMode = { asNewData: false },
): Promise<ImportResult> {
  const path = join(real.run.dir, name);
  writeFileSync(path, text);
  const ctx = await importContext(real.store);
  if (!ctx) throw new Divergence('importContext: the store holds no organisation');
  return importFacts(real.store, () => readFactsCsv(path, ctx), {
    subject: path,
    author: w.author,
    reason: w.reason,
    at: real.at,
    file: { sha256: sha256(readFileSync(path)), asNewData: mode.asNewData },
  });
}

/** After a CLI command the server starts again: a new workspace, version 1. */
async function afterCli(m: Model, real: Real): Promise<void> {
  await reopenWorkspace(real);
  m.wsVersion = 1;
}

/** A data-point CSV of some slots (each once), maybe with one bad row. */
export function importDataPoints() {
  return fc
    .record({
      rows: fc.array(dpRowSpec, { minLength: 1, maxLength: 6 }),
      bad: sometimes(fc.constantFrom(...DP_BAD), null, 3),
      at: fc.nat(20),
      quarter: fc.nat(20),
      who,
    })
    .map((p) => ({
      label: `importDataPoints ${JSON.stringify(p)}`,
      step: async (m: Model, real: Real) => {
        const rows = unique(p.rows, (s) => dpSlot(s.slot).id).map(dpRow);
        const header = p.bad ? spoilDataPoints(m, rows, p.bad, p.at, p.quarter) : DP_HEADER;
        const text = csvText(
          header,
          rows.map((r) => (header.length > r.cells.length ? [...r.cells, 'red'] : r.cells)),
        );
        const meta = { ...p.who, at: real.at };
        const e = expectImport(
          m,
          NORMAL,
          'dp',
          rows.map((r) => r.fields),
          text,
          p.bad !== null,
          meta,
        );
        const r = await cliImport(real, newFileName(real, 'data-points'), text, p.who);
        compareImport('import of data points', 'dp', r, e.expected);
        await afterCli(m, real);
        return e.touched;
      },
    }));
}

/** Files of lines without ids imported so far in a run: their text, for re-imports under another name. */
export type IdlessFile = { readonly text: string; readonly rows: readonly Fields[] };

/**
 * An activity-line CSV: lines with ids from the universe (each once), or lines without ids,
 * which the store names after the file and line ("al-lines-3-0000002").
 */
export function importLines() {
  return fc
    .record({
      rows: fc.array(alRowSpec, { minLength: 1, maxLength: 6 }),
      idless: sometimes(fc.constant(true), false, 4),
      bad: sometimes(fc.constantFrom(...AL_BAD), null, 3),
      at: fc.nat(20),
      who,
    })
    .map((p) => ({
      label: `importLines ${JSON.stringify(p)}`,
      step: async (m: Model, real: Real) => {
        const name = newFileName(real, 'lines');
        const specs = p.idless ? p.rows : unique(p.rows, (s) => lineSlotId(s.slot));
        const rows = specs.map((s, i) => {
          const row = alRow(s, p.idless ? '' : lineSlotId(s.slot));
          const id = p.idless ? generatedId(name, i + 2) : lineSlotId(s.slot);
          return { cells: row.cells, fields: { ...row.fields, id } };
        });
        if (p.bad) spoilLines(rows, p.bad, p.at, p.idless);
        const text = csvText(
          AL_HEADER,
          rows.map((r) => r.cells),
        );
        const meta = { ...p.who, at: real.at };
        const e = expectImport(
          m,
          NORMAL,
          'al',
          rows.map((r) => r.fields),
          text,
          p.bad !== null,
          meta,
        );
        const r = await cliImport(real, name, text, p.who);
        compareImport('import of activity lines', 'al', r, e.expected);
        if (p.idless && e.expected.ok && e.expected.changed)
          real.idlessFiles.push(JSON.stringify({ text, rows: rows.map((x) => x.fields) }));
        await afterCli(m, real);
        return [];
      },
    }));
}

/** "al-<file name without extension>-<line, 7 digits>" (docs/storage.md, Idempotent). */
export const generatedId = (file: string, line: number) =>
  `al-${file.replace(/\.[^.]*$/, '')}-${String(line).padStart(7, '0')}`;

/**
 * Item 11: a file of lines without ids imported again under another name. The store knows the
 * bytes and adds nothing, unless imported as new data (`--as-new-data`): then every line again,
 * under ids from the new name.
 */
export function reimportIdless() {
  return fc.record({ pick: fc.nat(50), asNewData: sometimes(fc.constant(true), false, 3), who }).map((p) => ({
    label: `reimportIdless ${JSON.stringify(p)}`,
    step: async (m: Model, real: Real) => {
      const stored = real.idlessFiles[p.pick % Math.max(1, real.idlessFiles.length)];
      if (stored === undefined) return [];
      const file = JSON.parse(stored) as IdlessFile;
      const name = newFileName(real, 'lines');
      const rows = file.rows.map((f, i) => ({ ...f, id: generatedId(name, i + 2) }));
      const mode = { asNewData: p.asNewData };
      const e = expectImport(m, mode, 'al', rows, file.text, false, { ...p.who, at: real.at });
      const r = await cliImport(real, name, file.text, p.who, mode);
      compareImport('import of the same lines under another name', 'al', r, e.expected);
      await afterCli(m, real);
      return [];
    },
  }));
}

/** A CSV of live facts exactly as stored: nothing changes, no audit entry. */
export function reimportCurrent() {
  return fc.record({ kind: fc.constantFrom('dp', 'al'), mask: fc.nat(), who }).map((p) => ({
    label: `reimportCurrent ${JSON.stringify(p)}`,
    step: async (m: Model, real: Real) => {
      const kind = p.kind as FactKindName;
      const live = liveFacts(m, kind).filter((_, i) => (p.mask >> (i % 30)) & 1);
      if (live.length === 0) return [];
      const header = kind === 'dp' ? DP_HEADER : AL_HEADER;
      const fields = live.map((f) => f.revisions.at(-1)?.fields as Fields);
      const text = csvText(
        header,
        fields.map((f) => header.map((h) => f[h] ?? '')),
      );
      const e = expectImport(m, NORMAL, kind, fields, text, false, { ...p.who, at: real.at });
      if (e.expected.ok && e.expected.changed)
        throw new Error('model: a re-import of stored facts changed them');
      const r = await cliImport(
        real,
        newFileName(real, kind === 'dp' ? 'data-points' : 'lines'),
        text,
        p.who,
      );
      compareImport('re-import of stored facts', kind, r, e.expected);
      await afterCli(m, real);
      return [];
    },
  }));
}
