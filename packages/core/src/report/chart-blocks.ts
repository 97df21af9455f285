/**
 * Chart specifications from report rows: GHG by scope (each year with data) and by entity, the
 * energy mix, and trends of headline group figures over the comparative years and the current
 * one. Values are the rows' formatted numbers (the tables' strings); a chart whose figures are
 * absent is left out (not drawn empty), a trend needs at least two years with values.
 */
import { axisValueLabel, term } from '../glossary/glossary.js';
import type { Bundle } from '../model/bundle.js';
import { groupEntity } from '../model/organisation.js';
import type { LocalisedText } from '../model/text.js';
import type { Block, NumberText, ReportFigure } from './model.js';

const t = (zh: string, en: string): LocalisedText => ({ 'zh-Hant': zh, en });
const noAxes = (r: ReportFigure) => Object.keys(r.disaggregation).length === 0;

const year = (y: string): LocalisedText => ({ 'zh-Hant': `${y}年`, en: y });

/** The value of a row in a year: the current value, or the comparative of that year. */
function valueIn(r: ReportFigure, y: string, current: string): NumberText | null {
  if (y === current) return r.current;
  return r.priors.find((p) => p.periodId === y)?.value ?? null;
}

/** Group Scope 1 and Scope 2 (location- and market-based), a series per year with data, oldest first. */
function scopeChart(bundle: Bundle, rows: readonly ReportFigure[], priors: readonly string[]): Block[] {
  const group = groupEntity(bundle.organisation).id;
  const current = bundle.reporting.current;
  const scopes = [
    { id: 'ghg.scope1', name: term('scope1') },
    { id: 'ghg.scope2.location', name: term('scope2Location') },
    { id: 'ghg.scope2.market', name: term('scope2Market') },
  ]
    .map((s) => ({
      ...s,
      row: rows.find((r) => r.indicatorId === s.id && r.entityId === group && noAxes(r) && r.current),
    }))
    .filter((s) => s.row !== undefined);
  if (scopes.length === 0) return [];
  const years = [...priors].reverse().concat(current);
  const series = years
    .map((y) => ({ name: year(y), values: scopes.map((s) => (s.row ? valueIn(s.row, y, current) : null)) }))
    .filter((s) => s.values.some((v) => v !== null));
  return [
    {
      kind: 'chart',
      chart: 'bar',
      id: 'ghg-by-scope',
      title: t('按範圍劃分的溫室氣體排放', 'GHG emissions by scope'),
      unit: scopes[0]?.row?.unit ?? t('噸二氧化碳當量', 'tCO2e'),
      categories: scopes.map((s) => s.name),
      series,
    },
  ];
}

/** Headline indicators drawn as trends in their sections (emissions, energy, economic). */
export const TREND_INDICATORS = {
  emissions: ['ghg.total.location', 'ghg.intensity.revenue'],
  energy: ['energy.total', 'energy.intensity.revenue'],
  economic: ['revenue'],
} as const;

export function emissionsCharts(
  bundle: Bundle,
  rows: readonly ReportFigure[],
  priors: readonly string[] = [],
): Block[] {
  return [
    ...scopeChart(bundle, rows, priors),
    ...entityChart(bundle, rows),
    ...trendCharts(bundle, rows, priors, TREND_INDICATORS.emissions),
  ];
}

function entityChart(bundle: Bundle, rows: readonly ReportFigure[]): Block[] {
  const scopes = [
    { id: 'ghg.scope1', name: term('scope1') },
    { id: 'ghg.scope2.location', name: term('scope2Location') },
  ];
  const entities = bundle.organisation.entities.filter((e) => e.kind !== 'group');
  const find = (ind: string, entity: string) =>
    rows.find((r) => r.indicatorId === ind && r.entityId === entity && noAxes(r) && r.current);
  const shown = entities.filter((e) => scopes.some((s) => find(s.id, e.id)));
  if (shown.length === 0) return [];
  const unit = find(scopes[0]?.id ?? '', shown[0]?.id ?? '')?.unit ?? t('噸二氧化碳當量', 'tCO2e');
  return [
    {
      kind: 'chart',
      chart: 'stacked-bar',
      id: 'ghg-by-entity',
      title: t('按範圍及實體劃分的溫室氣體排放', 'GHG emissions by scope and entity'),
      unit,
      categories: shown.map((e) => e.name),
      series: scopes.map((s) => ({
        name: s.name,
        values: shown.map((e) => find(s.id, e.id)?.current ?? null),
      })),
    },
  ];
}

export function energyCharts(
  bundle: Bundle,
  rows: readonly ReportFigure[],
  priors: readonly string[] = [],
): Block[] {
  return [...energyMix(bundle, rows), ...trendCharts(bundle, rows, priors, TREND_INDICATORS.energy)];
}

function energyMix(bundle: Bundle, rows: readonly ReportFigure[]): Block[] {
  const group = groupEntity(bundle.organisation).id;
  const mix = rows.filter(
    (r) =>
      r.indicatorId === 'energy.by-carrier' && r.entityId === group && r.current && r.disaggregation.fuel,
  );
  if (mix.length === 0) return [];
  return [
    {
      kind: 'chart',
      chart: 'bar',
      id: 'energy-mix',
      title: t('按能源類型劃分的能源消耗', 'Energy consumption by carrier'),
      unit: mix[0]?.unit ?? t('兆瓦時', 'MWh'),
      categories: mix.map((r) => axisValueLabel(r.disaggregation.fuel ?? '')),
      series: [{ name: t('能源消耗', 'Energy consumed'), values: mix.map((r) => r.current) }],
    },
  ];
}

/** Group indicators (no breakdown) drawn as trends: a bar per year with a value, oldest first. */
export function trendCharts(
  bundle: Bundle,
  rows: readonly ReportFigure[],
  priors: readonly string[],
  indicators: readonly string[] = TREND_INDICATORS.economic,
): Block[] {
  const group = groupEntity(bundle.organisation).id;
  const current = bundle.reporting.current;
  const blocks: Block[] = [];
  for (const id of indicators) {
    const r = rows.find((x) => x.indicatorId === id && x.entityId === group && noAxes(x) && x.current);
    if (!r) continue;
    const years = [...priors]
      .reverse()
      .concat(current)
      .filter((y) => valueIn(r, y, current) !== null);
    if (years.length < 2) continue;
    blocks.push({
      kind: 'chart',
      chart: 'bar',
      id: `trend-${id}`,
      title: { 'zh-Hant': `${r.label['zh-Hant']}趨勢`, en: `${r.label.en}: trend` },
      unit: r.unit,
      categories: years.map(year),
      series: [{ name: r.label, values: years.map((y) => valueIn(r, y, current)) }],
    });
  }
  return blocks;
}
