/**
 * Read and write the bundle folder (docs/bundle-format.md). Reading never throws for bad
 * content: syntax errors, sizes over the limits, YAML nested too deep or expanding too many
 * aliases (yaml-guard.ts) and over-long CSV fields become bundle issues naming the file and line.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BUNDLE_FILES,
  type Bundle,
  type BundleIssue,
  type BundleValidation,
  type RawBundle,
  type RawDocument,
  type RawTable,
  serializeBundle,
  validateBundle,
} from '@assay/core';
import YAML from 'yaml';
import { CsvSyntaxError, parseCsvTable, tableToCsv } from './csv-text.js';
import { readYamlText } from './yaml-guard.js';

type Read = { raw?: RawBundle; issues: BundleIssue[] };

/** Bytes on disk: YAML documents are settings and lists, CSV tables may hold a year of facts. */
export const BUNDLE_YAML_BYTES = 16 * 1024 ** 2;
export const BUNDLE_CSV_BYTES = 256 * 1024 ** 2;

/** The file's text, or undefined when absent or refused (the issue is added). */
async function readText(dir: string, file: string, limit: number, issues: BundleIssue[]) {
  const path = join(dir, file);
  if (!existsSync(path)) return undefined;
  const s = await stat(path);
  if (!s.isFile()) {
    issues.push({ file, reason: 'is not a file' });
    return undefined;
  }
  if (s.size > limit) {
    issues.push({ file, reason: `file is ${s.size} bytes; the limit is ${limit}` });
    return undefined;
  }
  return readFile(path, 'utf8');
}

async function readYaml(dir: string, file: string, issues: BundleIssue[]): Promise<RawDocument | undefined> {
  const text = await readText(dir, file, BUNDLE_YAML_BYTES, issues);
  if (text === undefined) return undefined;
  const r = readYamlText(text);
  if (!r.ok) {
    for (const i of r.issues) issues.push({ file, ...i });
    return undefined;
  }
  return { file, data: r.data };
}

async function readCsv(dir: string, file: string, issues: BundleIssue[]): Promise<RawTable | undefined> {
  const text = await readText(dir, file, BUNDLE_CSV_BYTES, issues);
  if (text === undefined) return undefined;
  try {
    return parseCsvTable(file, text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) {
      issues.push({ file, row: e.line, reason: e.message });
      return undefined;
    }
    throw e;
  }
}

export async function readRawBundle(dir: string): Promise<Read> {
  const issues: BundleIssue[] = [];
  if (!existsSync(join(dir, BUNDLE_FILES.settings))) {
    return {
      issues: [
        {
          file: BUNDLE_FILES.settings,
          reason: `not found in ${dir}: a bundle folder needs ${BUNDLE_FILES.settings}`,
        },
      ],
    };
  }
  const settings = await readYaml(dir, BUNDLE_FILES.settings, issues);
  const parts = {
    dataPoints: await readCsv(dir, BUNDLE_FILES.dataPoints, issues),
    activityLines: await readCsv(dir, BUNDLE_FILES.activityLines, issues),
    published: await readCsv(dir, BUNDLE_FILES.published, issues),
    factors: await readCsv(dir, BUNDLE_FILES.factors, issues),
    indicators: await readYaml(dir, BUNDLE_FILES.indicators, issues),
    registers: await readYaml(dir, BUNDLE_FILES.registers, issues),
    narrative: await readYaml(dir, BUNDLE_FILES.narrative, issues),
  };
  if (!settings) return { issues };
  const raw: RawBundle = Object.fromEntries(
    Object.entries({ settings, ...parts }).filter(([, v]) => v !== undefined),
  ) as RawBundle;
  return { raw, issues };
}

/** Read and validate a bundle folder. */
export async function loadBundle(dir: string): Promise<BundleValidation> {
  const { raw, issues } = await readRawBundle(dir);
  if (!raw || issues.length > 0) {
    const more = raw ? validateBundle(raw) : undefined;
    return { ok: false, issues: [...issues, ...(more && !more.ok ? more.issues : [])] };
  }
  return validateBundle(raw);
}

/** Write a bundle folder; tables and documents that are empty are still written, for a complete template. */
export async function saveBundle(bundle: Bundle, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const raw = serializeBundle(bundle);
  const yaml = (data: unknown) => YAML.stringify(data, { lineWidth: 0 });
  await writeFile(join(dir, BUNDLE_FILES.settings), yaml(raw.settings.data));
  for (const t of [raw.dataPoints, raw.activityLines, raw.published, raw.factors]) {
    if (t) await writeFile(join(dir, t.file), tableToCsv(t));
  }
  for (const d of [raw.indicators, raw.registers, raw.narrative]) {
    if (d) await writeFile(join(dir, d.file), yaml(d.data));
  }
}
