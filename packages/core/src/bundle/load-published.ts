/** published.csv → the as-published layer; printed text is kept exactly, the value parsed beside it. */
import { Decimal } from '../decimal.js';
import type { PublishedFigure } from '../model/published.js';
import { PUBLISHED_COLUMNS } from './columns.js';
import { optional } from './load-facts.js';
import type { BundleIssue, RawTable } from './raw.js';
import { RowChecker, type RowContext } from './row-context.js';
import { parsePairs, readTable } from './table-rows.js';

/** A printed number: optional sign, thousands separated by commas in groups of three, optional decimals. */
const PRINTED_NUMBER = /^[-+−]?\d{1,3}(,\d{3})*(\.\d+)?$|^[-+−]?\d+(\.\d+)?$/;

/** Parse printed text "1,234.56" → 1234.56 with 2 places; "-" or text → null. */
export function parsePrinted(printed: string): { value: Decimal | null; precision: number } {
  const t = printed.trim().replace(/%$/, '');
  if (!PRINTED_NUMBER.test(t)) return { value: null, precision: 0 };
  const clean = t.replace(/,/g, '').replace('−', '-');
  const dot = clean.indexOf('.');
  return { value: new Decimal(clean), precision: dot < 0 ? 0 : clean.length - dot - 1 };
}

export function loadPublished(table: RawTable, ctx: RowContext, issues: BundleIssue[]): PublishedFigure[] {
  const out: PublishedFigure[] = [];
  const ids = new Set<string>();
  for (const row of readTable(table, PUBLISHED_COLUMNS, issues)) {
    const c = new RowChecker(table.file, row, issues);
    const id = c.required('id');
    if (id !== undefined && ids.has(id)) c.fail('id', `duplicate id "${id}"`);
    if (id !== undefined) ids.add(id);
    const section = c.required('section');
    const labelZh = c.required('label_zh');
    const entityId = c.entity(ctx);
    const period = c.period(ctx);
    const printed = c.required('printed');
    const unitLabel = c.cell('unit');
    const indicatorId = c.cell('indicator');
    if (indicatorId !== '' && !ctx.catalogue.has(indicatorId))
      c.fail('indicator', `unknown indicator "${indicatorId}"`);
    const pairs = parsePairs(c.cell('disaggregation'));
    if (!pairs.ok) c.fail('disaggregation', pairs.reason);
    if (c.failed || !id || !section || !labelZh || !entityId || !period || printed === undefined || !pairs.ok)
      continue;
    const { value, precision } = parsePrinted(printed);
    out.push({
      id,
      section,
      labelZh,
      entityId,
      periodId: period.id,
      disaggregation: pairs.value,
      printed,
      value,
      precision,
      unitLabel,
      ...optional('table', c.cell('table')),
      ...optional('labelEn', c.cell('label_en')),
      ...optional('indicatorId', indicatorId),
      ...optional('figureRef', c.cell('figure')),
      ...optional('note', c.cell('note')),
    });
  }
  return out;
}
