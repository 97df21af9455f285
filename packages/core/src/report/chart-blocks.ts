/**
 * Chart specifications from report rows: GHG by scope and entity, the energy mix, and trends of
 * key group figures over the prior and current year. Values are the rows' formatted numbers;
 * a chart whose figures are absent is left out (not drawn empty).
 */
import { term } from '../glossary/glossary.js';
import type { Bundle } from '../model/bundle.js';
import { groupEntity } from '../model/organisation.js';
import type { LocalisedText } from '../model/text.js';
import type { Block, ReportFigure } from './model.js';

const t = (zh: string, en: string): LocalisedText => ({ 'zh-Hant': zh, en });
const noAxes = (r: ReportFigure) => Object.keys(r.disaggregation).length === 0;

export function emissionsCharts(bundle: Bundle, rows: readonly ReportFigure[]): Block[] {
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

export function energyCharts(bundle: Bundle, rows: readonly ReportFigure[]): Block[] {
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
      categories: mix.map((r) => r.label),
      series: [{ name: t('能源消耗', 'Energy consumed'), values: mix.map((r) => r.current) }],
    },
  ];
}

/** Key group indicators drawn as year-on-year trends when both years are present. */
const TREND_INDICATORS = [
  'ghg.total.location',
  'ghg.intensity.revenue',
  'energy.total',
  'water.total',
  'revenue',
];

export function trendCharts(
  bundle: Bundle,
  rows: readonly ReportFigure[],
  priorYear: string | null,
): Block[] {
  if (priorYear === null) return [];
  const group = groupEntity(bundle.organisation).id;
  const blocks: Block[] = [];
  for (const id of TREND_INDICATORS) {
    const r = rows.find(
      (x) => x.indicatorId === id && x.entityId === group && noAxes(x) && x.current && x.prior,
    );
    if (!r) continue;
    blocks.push({
      kind: 'chart',
      chart: 'bar',
      id: `trend-${id}`,
      title: r.label,
      unit: r.unit,
      categories: [t(priorYear, priorYear), t(bundle.reporting.current, bundle.reporting.current)],
      series: [{ name: r.label, values: [r.prior, r.current] }],
    });
  }
  return blocks;
}
