/**
 * The entry template's activity-lines sheet (issue #17): one row per activity line (fuel burned,
 * electricity, heat and steam bought, certificates, process inputs, Scope 3) of the template's
 * entity, or of an entity below it, in the template's period or a month or quarter of it. Row 1
 * holds bilingual headers whose last line is the column key, as on the topic sheets; the columns
 * are those of activity-lines.csv (core bundle/columns.ts ACTIVITY_LINE_COLUMNS). The hidden
 * sheet "_lists" holds the drop-down lists (entities, periods, activities, uses, units, subjects):
 * a list on a sheet has no 255-character cap, unlike one written into the validation itself.
 */
import { type Entity, isWithin, parsePeriod } from '@assay/core';
import type { TemplateColumn } from './template-layout.js';

export const ACTIVITY_SHEET = 'activity-lines';
export const LISTS_SHEET = '_lists';

export const ACTIVITY_COLUMNS: readonly TemplateColumn[] = [
  { key: 'entity', zh: '實體', en: 'Entity', width: 14 },
  { key: 'period', zh: '期間', en: 'Period (2026 / 2026-Q1 / 2026-01)', width: 16 },
  { key: 'activity', zh: '活動類型', en: 'Activity', width: 24 },
  { key: 'subject', zh: '對象（燃料、來源…）', en: 'Subject (fuel, source…)', width: 18 },
  { key: 'use', zh: '用途（燃料）', en: 'Use (fuel only)', width: 14 },
  { key: 'amount', zh: '數量', en: 'Amount', width: 16 },
  { key: 'unit', zh: '單位', en: 'Unit', width: 10 },
  { key: 'attributes', zh: '屬性', en: 'Attributes (key=value;…)', width: 24 },
  { key: 'source', zh: '數據來源', en: 'Source', width: 26 },
  { key: 'evidence', zh: '證據', en: 'Evidence', width: 18 },
  { key: 'comment', zh: '備註', en: 'Comment', width: 28 },
  { key: 'id', zh: '編號（新行留空）', en: 'Line id (empty for a new line)', width: 24 },
];

/** Rows below the filled ones that carry the drop-downs, ready to be typed into. */
export const BLANK_ACTIVITY_ROWS = 200;

/**
 * At most this many existing lines are written into a template (a group's million lines would
 * not fit a workbook anyone fills in, and the reader takes 100,000 rows): above it, the template
 * is refused with a message asking for one per entity below, or per month.
 */
export const MAX_PREFILLED_LINES = 20_000;

/** The period and the periods inside it: a year, its quarters, its months; a quarter, its months. */
export function periodsWithin(periodId: string): string[] {
  const p = parsePeriod(periodId);
  if (!p) return [periodId];
  const y = String(p.year);
  const months = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, k) => `${y}-${String(from + k).padStart(2, '0')}`);
  if (p.kind === 'year') return [y, ...[1, 2, 3, 4].map((q) => `${y}-Q${q}`), ...months(1, 12)];
  if (p.kind === 'quarter') return [periodId, ...months(3 * p.index - 2, 3 * p.index)];
  return [periodId];
}

/** Whether a line of `periodId` belongs in a template of `templatePeriod`. */
export function periodInTemplate(periodId: string, templatePeriod: string): boolean {
  const inner = parsePeriod(periodId);
  const outer = parsePeriod(templatePeriod);
  return inner !== undefined && outer !== undefined && (inner.id === outer.id || isWithin(inner, outer));
}

/** The entity and every entity below it (sites of a subsidiary), the entity first. */
export function entitySubtree(
  entities: readonly Pick<Entity, 'id' | 'parentId'>[],
  rootId: string,
): string[] {
  const out = [rootId];
  for (let k = 0; k < out.length; k++)
    for (const e of entities) if (e.parentId === out[k] && !out.includes(e.id)) out.push(e.id);
  return out;
}
