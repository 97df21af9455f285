/** factors.csv → factor overrides and additions, each with its provenance and status. */
import type { FactorRecord, FactorStatus } from '../model/factor-record.js';
import { FACTOR_COLUMNS } from './columns.js';
import { optional } from './load-facts.js';
import type { BundleIssue, RawTable } from './raw.js';
import { RowChecker } from './row-context.js';
import { parsePairs, readTable } from './table-rows.js';

const STATUSES: readonly FactorStatus[] = ['VERIFIED', 'CORROBORATED', 'UNVERIFIED', 'COMPUTED'];

export function loadFactors(table: RawTable, issues: BundleIssue[]): FactorRecord[] {
  const out: FactorRecord[] = [];
  const ids = new Set<string>();
  for (const row of readTable(table, FACTOR_COLUMNS, issues)) {
    const c = new RowChecker(table.file, row, issues);
    const id = c.required('id');
    if (id !== undefined && ids.has(id)) c.fail('id', `duplicate factor id "${id}"`);
    if (id !== undefined) ids.add(id);
    const kind = c.required('kind');
    const method = c.required('method');
    const value = c.decimal('value');
    const unit = c.unit('unit');
    const vintageText = c.required('vintage');
    const vintage = Number(vintageText);
    if (vintageText !== undefined && !/^\d{4}$/.test(vintageText))
      c.fail('vintage', `"${vintageText}" is not a year`);
    const document = c.required('document');
    const status = c.required('status');
    if (status !== undefined && !STATUSES.includes(status as FactorStatus))
      c.fail('status', `status must be one of ${STATUSES.join(', ')}`);
    const priceYear = c.cell('price_year');
    if (priceYear !== '' && !/^\d{4}$/.test(priceYear))
      c.fail('price_year', `"${priceYear}" is not a year (the price year of a spend-based factor)`);
    const keys = parsePairs(c.cell('keys'));
    if (!keys.ok) c.fail('keys', keys.reason);
    if (c.failed || !id || !kind || !method || !value || !unit || !document || !status || !keys.ok) continue;
    out.push({
      id,
      kind,
      method,
      value: c.cell('value'),
      unit: c.cell('unit'),
      keys: keys.value,
      vintage,
      document,
      status: status as FactorStatus,
      ...optional('calibre', c.cell('calibre')),
      ...optional('publishedAt', c.cell('published_at')),
      ...optional('note', c.cell('note')),
      ...(priceYear === '' ? {} : { priceYear: Number(priceYear) }),
      ...optional('geography', c.cell('geography')),
    });
  }
  return out;
}
