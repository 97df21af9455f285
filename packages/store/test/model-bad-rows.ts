/**
 * Bad rows for the model-based tests' CSV imports: one per file, of a kind the generator picks.
 * Each makes the whole import refused, so the model expects nothing to change. 'overlap' (a
 * quarter next to a live annual value, issue #14 item 3) and 'rekey' (another data point's id,
 * item 4) break rules against stored data; the others break core's row checks.
 */
import type { Fields, Model } from './model-reference.js';
import { liveFacts } from './model-reference.js';
import { AL_HEADER, DP_HEADER, dpRow, type Row } from './model-rows.js';
import { DATA_POINT_SLOTS } from './model-universe.js';

export const DP_BAD = [
  'unit',
  'number',
  'entity',
  'period',
  'dimension',
  'duplicate',
  'header',
  'overlap',
  'rekey',
] as const;
export type DpBad = (typeof DP_BAD)[number];

/**
 * Put one bad row (or header) into a data-point file. Returns the header, rows and the kind of
 * badness applied ('overlap' and 'rekey' need a live fact; without one, a bad unit instead).
 */
export function spoilDataPoints(m: Model, rows: Row[], bad: DpBad, at: number, quarter: number): string[] {
  const header = [...DP_HEADER];
  const live = liveFacts(m, 'dp').map((f) => f.revisions.at(-1)?.fields as Fields);
  const target = rows[at % rows.length] as Row;
  const set = (col: string, v: string) => {
    target.cells[DP_HEADER.indexOf(col)] = v;
  };
  const flows = live.filter((f) => f.indicator === 'revenue' || f.indicator === 'production.output');
  // Any data point's id, retracted or not, belongs to its key for good.
  const holders = [...m.facts.dp.values()].map((f) => f.revisions.at(-1)?.fields as Fields);
  const kind: DpBad =
    (bad === 'overlap' && flows.length === 0) || (bad === 'rekey' && holders.length === 0) ? 'unit' : bad;
  if (kind === 'unit') set('unit', 'furlong');
  else if (kind === 'number') set('value', '1,234.5');
  else if (kind === 'entity') set('entity', 'Smelter Ltd');
  else if (kind === 'period') set('period', '2019');
  else if (kind === 'dimension') set('unit', 'MWh');
  else if (kind === 'header') header.push('colour');
  else if (kind === 'duplicate')
    rows.splice(at % (rows.length + 1), 0, { ...target, cells: [...target.cells] });
  else if (kind === 'overlap') {
    // Item 3: a quarter next to the live annual value of the same fact.
    const annual = flows[at % flows.length] as Fields;
    const cells = DP_HEADER.map((h) => annual[h] ?? '');
    cells[DP_HEADER.indexOf('id')] = `q-${annual.id}`;
    cells[DP_HEADER.indexOf('period')] = `${annual.period}-Q${(quarter % 4) + 1}`;
    rows.push({ cells, fields: {} });
  } else {
    // Item 4: another data point's id on a key.
    const holder = holders[at % holders.length] as Fields;
    const slots = DATA_POINT_SLOTS.filter((s) => s.id !== holder.id);
    const other = slots[quarter % slots.length] as (typeof slots)[number];
    const i = rows.findIndex((r) => r.fields.id === other.id);
    const moved = i >= 0 ? (rows[i] as Row) : dpRow({ slot: DATA_POINT_SLOTS.indexOf(other), ...SPEC0 });
    if (i >= 0) rows.splice(i, 1);
    const cells = [...moved.cells];
    cells[0] = holder.id as string;
    rows.push({ cells, fields: {} });
  }
  return header;
}
const SPEC0 = { decimal: '1', integer: '1', unit: 0, source: 0, comment: 0 };

export const AL_BAD = ['unit', 'number', 'entity', 'activity', 'use', 'period', 'duplicate'] as const;
export type AlBad = (typeof AL_BAD)[number];

export function spoilLines(rows: Row[], bad: AlBad, at: number, idless: boolean): void {
  const target = rows[at % rows.length] as Row;
  const set = (col: string, v: string) => {
    target.cells[AL_HEADER.indexOf(col)] = v;
  };
  const kind = bad === 'duplicate' && idless ? 'unit' : bad;
  if (kind === 'unit') set('unit', 'furlong');
  else if (kind === 'number') set('amount', '1.234,5');
  else if (kind === 'entity') set('entity', 'Mine Co');
  else if (kind === 'activity') set('activity', 'flying');
  else if (kind === 'use')
    set('use', target.cells[AL_HEADER.indexOf('use')] === '' ? 'combustion' : 'driving');
  else if (kind === 'period') set('period', '2031');
  else rows.splice(at % (rows.length + 1), 0, { ...target, cells: [...target.cells] });
}
