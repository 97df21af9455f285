/**
 * The targets register as a workbook (issue #18; docs/registers.md): one sheet "targets", one
 * row per target, bilingual headers whose last line is the column key (template-layout.ts), every
 * cell written as text so that decimals and years come back exactly as typed. Milestones are one
 * cell, "2023=90; 2024=85". Reading is all or nothing: each row is checked by core's
 * validateTarget, and a file with any issue (named by file, sheet, row and column: key and
 * letter) gives no targets. Ids repeated in the file are an issue. Defences as for the entry
 * template: file size and the ZIP's central directory first (zip-guard.ts), then exceljs.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { type Target, type TargetMilestone, type TargetRulesContext, validateTarget } from '@assay/core';
import type ExcelJS from 'exceljs';
import { neutralise } from '../export/neutralise.js';
import { type ImportIssue, XLSX_LIMITS, type XlsxLimits } from '../import/limits.js';
import { cellText } from './cell-text.js';
import { excel } from './exceljs.js';
import { headerColumns, issuePlace } from './sheet-columns.js';
import { headerText, type TemplateColumn } from './template-layout.js';
import { checkXlsxZip } from './zip-guard.js';

export const TARGETS_SHEET = 'targets';

export const TARGET_COLUMNS: readonly TemplateColumn[] = [
  { key: 'id', zh: '編號', en: 'Id', width: 22 },
  { key: 'name.en', zh: '名稱（英文）', en: 'Name (English)', width: 36 },
  { key: 'name.zh-Hant', zh: '名稱（中文）', en: 'Name (Chinese)', width: 30 },
  { key: 'indicatorId', zh: '指標代碼', en: 'Indicator id', width: 24 },
  { key: 'entityId', zh: '主體', en: 'Entity', width: 16 },
  { key: 'comparator', zh: '比較方式 (max/min/equal)', en: 'Comparator', width: 14 },
  { key: 'baseYear', zh: '基準年', en: 'Base year', width: 10 },
  { key: 'baseValue', zh: '基準值', en: 'Base value', width: 14 },
  { key: 'value', zh: '目標值', en: 'Target value', width: 14 },
  { key: 'unit', zh: '單位', en: 'Unit', width: 12 },
  { key: 'targetYear', zh: '目標年', en: 'Target year', width: 10 },
  { key: 'milestones', zh: '階段目標（年=值；…）', en: 'Milestones (year=value; …)', width: 28 },
  { key: 'source', zh: '來源', en: 'Source', width: 30 },
];

const milestonesText = (ms: readonly TargetMilestone[] | undefined) =>
  (ms ?? []).map((m) => `${m.year}=${m.value}`).join('; ');

/** One row's cells, by column key. */
function cellsOf(t: Target): Record<string, string> {
  return {
    id: t.id,
    'name.en': t.name.en,
    'name.zh-Hant': t.name['zh-Hant'],
    indicatorId: t.indicatorId ?? '',
    entityId: t.entityId ?? '',
    comparator: t.comparator ?? '',
    baseYear: t.baseYear ?? '',
    baseValue: t.baseValue ?? '',
    value: t.value ?? '',
    unit: t.unit ?? '',
    targetYear: t.targetYear ?? '',
    milestones: milestonesText(t.milestones),
    source: t.source ?? '',
  };
}

export async function targetsWorkbook(targets: readonly Target[]): Promise<Uint8Array> {
  const wb = new (excel().Workbook)();
  const ws = wb.addWorksheet(TARGETS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = TARGET_COLUMNS.map((c) => ({ header: headerText(c), key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  TARGET_COLUMNS.forEach((_, k) => {
    ws.getColumn(k + 1).numFmt = '@';
  });
  for (const t of targets) {
    const cells = cellsOf(t);
    ws.addRow(TARGET_COLUMNS.map((c) => neutralise(cells[c.key] ?? '')));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export type TargetsRead = { ok: true; targets: Target[] } | { ok: false; issues: ImportIssue[] };

const MILESTONE = /^\s*(\S+?)\s*=\s*(\S+?)\s*$/;

/** Read the targets sheet of the workbook at `path`; `file` names it in issues. */
export async function readTargetsXlsx(
  path: string,
  file: string,
  rules: TargetRulesContext,
  limits: XlsxLimits = XLSX_LIMITS,
): Promise<TargetsRead> {
  const name = file || basename(path);
  const size = (await stat(path)).size;
  if (size > limits.maxBytes)
    return {
      ok: false,
      issues: [{ file: name, reason: `file is ${size} bytes; the limit is ${limits.maxBytes}` }],
    };
  const guard = await checkXlsxZip(path, name, limits);
  if (guard.length > 0) return { ok: false, issues: guard };
  const wb = new (excel().Workbook)();
  try {
    await wb.xlsx.readFile(path);
  } catch {
    return {
      ok: false,
      issues: [{ file: name, reason: 'not a valid XLSX workbook; open it in Excel and save it again' }],
    };
  }
  const ws = wb.getWorksheet(TARGETS_SHEET);
  if (!ws)
    return {
      ok: false,
      issues: [{ file: name, reason: `no sheet "${TARGETS_SHEET}"; export the targets to get one` }],
    };
  return readSheet(ws, name, rules);
}

function readSheet(ws: ExcelJS.Worksheet, file: string, rules: TargetRulesContext): TargetsRead {
  const at = issuePlace(ws, file);
  const cols = headerColumns(ws);
  const issues: ImportIssue[] = [];
  const missing = ['id', 'name.en', 'name.zh-Hant'].filter((k) => !cols.some((c) => c.key === k));
  if (missing.length > 0)
    return { ok: false, issues: [{ ...at(1), reason: `missing column(s): ${missing.join(', ')}` }] };
  const colOf = (key: string) => cols.find((c) => c.key === key)?.index;
  const targets: Target[] = [];
  const seen = new Map<string, number>();
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const cells = new Map<string, string>();
    let ok = true;
    for (const c of cols) {
      const t = cellText(row.getCell(c.index).value);
      if (!t.ok) {
        issues.push({ ...at(n, c.index, c.key), reason: t.reason });
        ok = false;
      } else if (t.text.length > 2000) {
        issues.push({ ...at(n, c.index, c.key), reason: 'longer than 2,000 characters' });
        ok = false;
      } else cells.set(c.key, t.text.trim());
    }
    if (ok && [...cells.values()].every((v) => v === '')) return; // an empty row
    if (!ok) return;
    const opt = (k: string) => {
      const v = cells.get(k);
      return v === undefined || v === '' ? undefined : v;
    };
    const milestones: TargetMilestone[] = [];
    const mText = opt('milestones');
    if (mText !== undefined)
      for (const part of mText.split(/[;；]/).filter((p) => p.trim() !== '')) {
        const m = MILESTONE.exec(part);
        if (m?.[1] && m[2]) milestones.push({ year: m[1], value: m[2] });
        else
          issues.push({
            ...at(n, colOf('milestones'), 'milestones'),
            reason: `"${part.trim()}" is not year=value`,
          });
      }
    const raw: Record<string, unknown> = {
      id: cells.get('id') ?? '',
      name: { en: cells.get('name.en') ?? '', 'zh-Hant': cells.get('name.zh-Hant') ?? '' },
      indicatorId: opt('indicatorId'),
      entityId: opt('entityId'),
      comparator: opt('comparator'),
      baseYear: opt('baseYear'),
      baseValue: opt('baseValue'),
      value: opt('value'),
      unit: opt('unit'),
      targetYear: opt('targetYear'),
      milestones: milestones.length > 0 ? milestones : undefined,
      source: opt('source'),
    };
    const target = JSON.parse(JSON.stringify(raw)) as Target;
    for (const i of validateTarget(target, rules)) {
      const key = i.field.startsWith('milestones') ? 'milestones' : i.field;
      issues.push({ ...at(n, colOf(key), key), reason: `${i.field}: ${i.reason}` });
    }
    const first = seen.get(target.id);
    if (first !== undefined)
      issues.push({ ...at(n, colOf('id'), 'id'), reason: `target "${target.id}" is also in row ${first}` });
    else seen.set(target.id, n);
    targets.push(target);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, targets };
}
