/** Blocks built from the registers: stakeholders, the materiality matrix, climate risks, targets (with progress). */

import type { Figure } from '../calc/figure.js';
import { Decimal } from '../decimal.js';
import type { Entity } from '../model/organisation.js';
import type { Registers } from '../model/registers.js';
import type { LocalisedText } from '../model/text.js';
import { parseUnit, unitLabelZh } from '../units/unit.js';
import { climateRiskTable } from './climate-risk-table.js';
import { formatNumber } from './format-number.js';
import { REPORT_LABELS } from './labels.js';
import { materialityBasisBlocks } from './materiality-basis-blocks.js';
import type { Block, Cell } from './model.js';
import { type TargetStatus, targetProgress } from './target-progress.js';

const t = (zh: string, en: string): LocalisedText => ({ 'zh-Hant': zh, en });
const text = (x: LocalisedText): Cell => ({ kind: 'text', text: x });
const joined = (xs: readonly LocalisedText[]): LocalisedText => ({
  'zh-Hant': xs.map((x) => x['zh-Hant']).join('；'),
  en: xs.map((x) => x.en).join('; '),
});
/** Register scores are plain JS numbers from YAML (0..5); printed at one decimal place. */
const score = (n: number) => formatNumber(new Decimal(String(n)), 1);

export function stakeholderBlocks(r: Registers): Block[] {
  if (r.stakeholders.length === 0) return [];
  return [
    {
      kind: 'table',
      id: 'stakeholders',
      caption: t('持份者的期望及溝通渠道', 'Stakeholder expectations and channels'),
      head: [t('持份者', 'Stakeholder'), t('期望', 'Expectations'), t('溝通渠道', 'Channels')],
      rows: r.stakeholders.map((s) => [text(s.name), text(joined(s.expectations)), text(joined(s.channels))]),
    },
  ];
}

const CATEGORY: Record<string, LocalisedText> = {
  environmental: t('環境', 'Environmental'),
  social: t('社會', 'Social'),
  governance: t('管治', 'Governance'),
  economic: t('經濟', 'Economic'),
};

export function materialityBlocks(r: Registers): Block[] {
  if (r.materialTopics.length === 0) return [];
  const hasPlaceholder = r.materialTopics.some((m) => m.isPlaceholder);
  const blocks: Block[] = [
    {
      kind: 'chart',
      chart: 'matrix',
      id: 'materiality-matrix',
      title: t('重要性矩陣', 'Materiality matrix'),
      xTitle: t('對業務的重要性', 'Importance to the business'),
      yTitle: t('對持份者的重要性', 'Importance to stakeholders'),
      points: r.materialTopics.map((m) => ({
        label: m.name,
        x: score(m.businessScore),
        y: score(m.stakeholderScore),
        category: m.category,
        isPlaceholder: m.isPlaceholder,
      })),
    },
    {
      kind: 'table',
      id: 'material-topics',
      caption: t('重要議題', 'Material topics'),
      head: [
        t('議題', 'Topic'),
        t('類別', 'Category'),
        t('對持份者', 'To stakeholders'),
        t('對業務', 'To the business'),
      ],
      rows: r.materialTopics.map((m) => [
        text(
          m.isPlaceholder
            ? {
                'zh-Hant': `${m.name['zh-Hant']}${REPORT_LABELS.placeholder['zh-Hant']}`,
                en: `${m.name.en} ${REPORT_LABELS.placeholder.en}`,
              }
            : m.name,
        ),
        text(CATEGORY[m.category] ?? t(m.category, m.category)),
        { kind: 'number', value: score(m.stakeholderScore) },
        { kind: 'number', value: score(m.businessScore) },
      ]),
    },
  ];
  blocks.push(...materialityBasisBlocks(r));
  if (hasPlaceholder)
    blocks.push({
      kind: 'note',
      text: t(
        '標示為示意位置的議題，其評分取自矩陣圖示，並非實測數值。',
        'Topics marked as illustrative positions take their scores from a picture of the matrix, not from measured values.',
      ),
    });
  return blocks;
}

/** The climate section's tables, built from the climate register (climate-risk-table.ts). */
export function climateRiskBlocks(r: Registers, entities: readonly Entity[] = []): Block[] {
  return climateRiskTable(r, entities);
}

const TARGET_STATUS: Record<TargetStatus, LocalisedText> = {
  achieved: t('已達成', 'Achieved'),
  'on-track': t('進度正常', 'On track'),
  'at-risk': t('有落後風險', 'At risk'),
  missed: t('未達成', 'Missed'),
  'no-data': t('暫無數據', 'No data'),
  'not-measured': t('不作量化評估', 'Not measured'),
};

/** A decimal as printed: its own places (at most 4), half-up; the same string in both languages. */
const printed = (d: Decimal, places?: number) =>
  formatNumber(d, places ?? Math.min(Math.max(d.decimalPlaces(), 0), 4)).text;

function unitLabel(label: string | undefined): LocalisedText {
  if (label === undefined) return t('', '');
  const u = parseUnit(label);
  return t(u.ok ? unitLabelZh(u.unit) : label, label);
}

/** "2020: 15 t" in both languages, the number identical; a dash without a value. */
function yearValue(year: string | undefined, value: Decimal | undefined, unit: LocalisedText): Cell {
  if (value === undefined) return text(year ? t(year, year) : t('—', '—'));
  const n = printed(value);
  const prefix = year ? `${year}: ` : '';
  return text(t(`${prefix}${n} ${unit['zh-Hant']}`.trim(), `${prefix}${n} ${unit.en}`.trim()));
}

/**
 * The targets table (issue #18): base, target, the reporting year's actual and the status by
 * the rule of target-progress.ts. Numbers are formatted once, so both languages print the same.
 */
export function targetBlocks(
  r: Registers,
  figures: ReadonlyMap<string, Figure>,
  year: string,
  groupId: string,
): Block[] {
  if (r.targets.length === 0) return [];
  return [
    {
      kind: 'table',
      id: 'targets',
      caption: t('目標', 'Targets'),
      head: [
        t('目標', 'Target'),
        t('基準', 'Base'),
        t('目標值', 'Target value'),
        t(`${year}年實際`, `Actual ${year}`),
        t('狀態', 'Status'),
      ],
      rows: r.targets.map((g) => {
        const unit = unitLabel(g.unit);
        const p = targetProgress(g, figures, year, groupId);
        const precision = p.figureId === undefined ? undefined : figures.get(p.figureId)?.precision;
        return [
          text(g.name),
          yearValue(g.baseYear, g.baseValue === undefined ? undefined : new Decimal(g.baseValue), unit),
          yearValue(g.targetYear, g.value === undefined ? undefined : new Decimal(g.value), unit),
          p.actual === undefined
            ? text(t('—', '—'))
            : text(
                t(
                  `${printed(p.actual, precision)} ${unit['zh-Hant']}`.trim(),
                  `${printed(p.actual, precision)} ${unit.en}`.trim(),
                ),
              ),
          text(TARGET_STATUS[p.status]),
        ];
      }),
    },
  ];
}
