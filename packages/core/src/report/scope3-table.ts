/**
 * Scope 3 by category (issue #21): one row per category the group reports for the current year,
 * with the methods its lines name, its figure as formatted in the report rows, and the lines'
 * data-quality scores (attribute `dq`, 1 best … 5): weighted by emissions (to one decimal, from
 * scope3-quality.ts when the caller has the graph) with their range in brackets; under it, a
 * note naming the categories the screening excluded with their justification. Left out when
 * the group reports no Scope 3 (the content index then carries the screening's explanation).
 */
import {
  SCOPE3_CATEGORIES,
  SCOPE3_DERIVED_NAME,
  SCOPE3_METHOD_NAMES,
  type Scope3Method,
} from '../methods/scope3/categories.js';
import { isScreeningLine } from '../methods/scope3/scope3-factor.js';
import type { Scope3Quality } from '../methods/scope3/scope3-quality.js';
import type { Bundle } from '../model/bundle.js';
import type { LocalisedText } from '../model/text.js';
import { formatNumber } from './format-number.js';
import type { Block, Cell, ReportFigure } from './model.js';

const t = (zh: string, en: string): LocalisedText => ({ 'zh-Hant': zh, en });
const text = (x: LocalisedText): Cell => ({ kind: 'text', text: x });
const join = (xs: readonly LocalisedText[], sep: LocalisedText): LocalisedText => ({
  en: xs.map((x) => x.en).join(sep.en),
  'zh-Hant': xs.map((x) => x['zh-Hant']).join(sep['zh-Hant']),
});

export function scope3Table(
  bundle: Bundle,
  rows: readonly ReportFigure[],
  group: string,
  weighted: readonly Scope3Quality[] = [],
): Block[] {
  const year = bundle.reporting.current;
  const lines = bundle.activityLines.filter(
    (l) => l.activity === 'scope3' && l.periodId.startsWith(year) && !isScreeningLine(l),
  );
  const out: Cell[][] = [];
  const reported = new Set<string>();
  for (const c of SCOPE3_CATEGORIES) {
    const row = rows.find(
      (r) =>
        r.indicatorId === 'ghg.scope3' &&
        r.entityId === group &&
        r.disaggregation.category === c.id &&
        Object.keys(r.disaggregation).length === 1,
    );
    if (!row?.current) continue;
    reported.add(c.id);
    const mine = lines.filter((l) => l.subject === c.id);
    const methods = [...new Set(mine.map((l) => (l.attributes.method ?? 'given') as Scope3Method))];
    const names = methods.map((m) => SCOPE3_METHOD_NAMES[m] ?? t(m, m));
    if (c.derived !== undefined && derivesFromEnergy(bundle, c.id, year)) names.push(SCOPE3_DERIVED_NAME);
    const scores = mine.map((l) => Number(l.attributes.dq)).filter((n) => n >= 1 && n <= 5);
    const low = Math.min(...scores);
    const high = Math.max(...scores);
    const score = weighted.find((w) => w.category === c.id)?.score;
    const range = low === high ? String(low) : `${low}–${high}`;
    const quality =
      scores.length === 0 ? '—' : score === undefined ? range : `${formatNumber(score, 1).text} (${range})`;
    out.push([
      text(t(`${c.number}. ${c.name['zh-Hant']}`, `${c.number}. ${c.name.en}`)),
      text(t(c.direction === 'upstream' ? '上游' : '下游', c.direction)),
      text(join(names, t('、', ', '))),
      { kind: 'number', value: row.current, figureId: row.id },
      text(t(quality, quality)),
    ]);
  }
  if (out.length === 0) return [];
  return [
    {
      kind: 'table',
      id: 'scope3-by-category',
      caption: t('按類別劃分的範圍三溫室氣體排放', 'Scope 3 GHG emissions by category'),
      head: [
        t('類別', 'Category'),
        t('上游／下游', 'Upstream / downstream'),
        t('計算方法', 'Method'),
        t('排放量（噸二氧化碳當量）', 'Emissions (tCO2e)'),
        t('數據質量（1最佳至5）', 'Data quality (1 best – 5)'),
      ],
      rows: out,
    },
    ...exclusionNote(bundle, reported),
  ];
}

/** The categories the screening excluded, each with its stated justification (assay.yaml methods.scope3.screening.excluded). */
function exclusionNote(bundle: Bundle, reported: ReadonlySet<string>): Block[] {
  const excluded = bundle.methods.scope3?.screening?.excluded ?? {};
  const items = SCOPE3_CATEGORIES.flatMap((c) => {
    const why = excluded[c.id];
    return why === undefined || reported.has(c.id)
      ? []
      : [
          t(
            `${c.number}. ${c.name['zh-Hant']}（${why['zh-Hant']}）`,
            `${c.number}. ${c.name.en} (${why.en})`,
          ),
        ];
  });
  if (items.length === 0) return [];
  const list = join(items, t('；', '; '));
  return [
    {
      kind: 'note',
      text: t(
        `經篩選後未計入的類別：${list['zh-Hant']}。`,
        `Categories excluded after screening: ${list.en}.`,
      ),
    },
  ];
}

/** Whether a category is also computed from the year's fuel and electricity lines (a factor set chosen for it). */
function derivesFromEnergy(bundle: Bundle, category: string, year: string): boolean {
  return (
    bundle.methods.scope3?.factorSets[category] !== undefined &&
    bundle.activityLines.some(
      (l) => (l.activity === 'fuel' || l.activity === 'electricity-purchased') && l.periodId.startsWith(year),
    )
  );
}
