/**
 * A figure: one reported number (or the error that stands in its place) for an indicator,
 * entity, period and disaggregation. Figure ids are text so that they can be cited anywhere:
 *
 *   <indicator>[<axis>=<value>;…]@<entity>/<period>
 *   e.g. "ghg.scope1@group/2025", "employees.headcount[gender=female]@kalatongke/2025"
 *
 * The bracket part is absent when there is no disaggregation; axes are sorted.
 */
import type { Disaggregation } from '../model/fact.js';
import { disaggregationKey } from '../model/fact.js';
import type { QuantityResult } from '../units/quantity.js';

export type Figure = {
  readonly id: string;
  readonly indicatorId: string;
  readonly entityId: string;
  readonly periodId: string;
  readonly disaggregation: Disaggregation;
  readonly value: QuantityResult;
  /** Decimal places printed (from the catalogue); values are exact until output. */
  readonly precision: number;
  /** Method note shown beside the figure: approach, factor set, basis. */
  readonly method?: string;
};

export function figureId(
  indicatorId: string,
  entityId: string,
  periodId: string,
  d: Disaggregation = {},
): string {
  const key = disaggregationKey(d);
  return `${indicatorId}${key === '' ? '' : `[${key}]`}@${entityId}/${periodId}`;
}

export type FigureKey = {
  indicatorId: string;
  entityId: string;
  periodId: string;
  disaggregation: Record<string, string>;
};

const FIGURE_ID = /^([^[@]+)(?:\[([^\]]*)\])?@([^/]+)\/(.+)$/;

export function parseFigureId(id: string): FigureKey | undefined {
  const m = FIGURE_ID.exec(id);
  if (!m?.[1] || !m[3] || !m[4]) return undefined;
  const disaggregation: Record<string, string> = {};
  for (const part of (m[2] ?? '').split(';').filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0) return undefined;
    disaggregation[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return { indicatorId: m[1], entityId: m[3], periodId: m[4], disaggregation };
}
