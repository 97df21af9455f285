/**
 * The restatement note (GRI 2-4, "Restatements of information": the reason and the effect of
 * each restatement; HKEX Part B "Consistency"): a section under "About this report" listing the
 * approved restatements the app hands in, each with its type of change, reason, the values as
 * first reported and as restated, the effect on the group's Scope 1 + 2 of each year it moves
 * and, when it moves the base year, the base year before and after (recalculated) with the
 * policy's significance test (methods/base-year.ts). The base year and its policy head the note.
 * Numbers are formatted here, once: item values at their own decimals, tCO2e at 2 places,
 * per cents at 1 place, half-up; both languages print the same number strings.
 */

import { bundleCatalogue } from '../catalogue/bundle-catalogue.js';
import type { Decimal } from '../decimal.js';
import { axisValueLabel } from '../glossary/glossary.js';
import type { BaseYearEffect } from '../methods/base-year.js';
import type { Bundle } from '../model/bundle.js';
import type { ActivityType, Disaggregation } from '../model/fact.js';
import { CHANGE_LABEL, type RestatementChange } from '../model/restatement.js';
import type { LocalisedText } from '../model/text.js';
import { formatNumber } from './format-number.js';
import type { Block, Cell, RestatementNote, RestatementNoteEntry, Section } from './model.js';
import { publicName } from './public-name.js';

/** One restated fact: what it is, its unit, and its value as first reported (null: added) and as restated. */
export type RestatedItemInput = {
  readonly kind: 'data-point' | 'activity-line';
  readonly factId: string;
  readonly entityId: string;
  readonly periodId: string;
  /** Data points: the indicator and disaggregation; activity lines: activity and subject. */
  readonly indicatorId?: string;
  readonly disaggregation?: Disaggregation;
  readonly activity?: ActivityType;
  readonly subject?: string;
  /** Unit symbol of both values ("t", "MWh"). */
  readonly unit: string;
  readonly before: Decimal | null;
  readonly after: Decimal;
};

/** An approved restatement, as the app's records hold it. */
export type RestatedInput = {
  readonly id: number;
  readonly change: RestatementChange;
  readonly reason: string;
  /** ISO-8601 of the approval, and who approved. */
  readonly approvedAt: string;
  readonly approvedBy: string;
  readonly items: readonly RestatedItemInput[];
  /** The group's Scope 1 + 2 (location-based, tCO2e) of each year moved: before and after. */
  readonly totals: readonly {
    readonly periodId: string;
    readonly before: Decimal | null;
    readonly after: Decimal | null;
  }[];
  /** The base-year test, when the restatement moves the base year. */
  readonly baseYear: BaseYearEffect | null;
};

export type RestatementNoteInput = {
  /** The base year's Scope 1 + 2 as it stands now, tCO2e (null: not calculated). */
  readonly baseYearScope12: Decimal | null;
  /** Oldest first. */
  readonly restatements: readonly RestatedInput[];
};

const t = (zh: string, en: string): LocalisedText => ({ 'zh-Hant': zh, en });
const same = (s: string): LocalisedText => ({ 'zh-Hant': s, en: s });
const para = (x: LocalisedText): Block => ({ kind: 'paragraph', text: x, role: 'generated' });
const text = (x: LocalisedText): Cell => ({ kind: 'text', text: x });
const places = (d: Decimal) => Math.max(0, d.decimalPlaces());
const exact = (d: Decimal) => ({ kind: 'number', value: formatNumber(d, places(d)) }) as const;
const tonnes = (d: Decimal | null): Cell =>
  d === null ? { kind: 'empty' } : { kind: 'number', value: formatNumber(d, 2) };
const pct = (d: Decimal) => formatNumber(d, 1).text;
const tco2e = (d: Decimal) => formatNumber(d, 2).text;

export const RESTATEMENT_SECTION_ID = 'restatements';

/** Activity types as printed before the subject ("Fuel: Diesel"). */
const ACTIVITY_LABEL: Readonly<Record<ActivityType, LocalisedText>> = {
  fuel: t('燃料', 'Fuel'),
  'electricity-purchased': t('外購電力', 'Purchased electricity'),
  'electricity-green-trade': t('綠電交易', 'Green power purchased'),
  'electricity-self-generated': t('自發電力', 'Self-generated electricity'),
  'electricity-exported': t('輸出電力', 'Electricity exported'),
  'green-certificate': t('綠色電力證書', 'Green electricity certificates'),
  'heat-purchased': t('外購熱力', 'Purchased heat'),
  'steam-purchased': t('外購蒸汽', 'Purchased steam'),
  'heat-exported': t('輸出熱力', 'Heat exported'),
  'waste-heat-recovered': t('餘熱回收', 'Waste heat recovered'),
  carbonate: t('碳酸鹽分解', 'Carbonate decomposition'),
  'oxalic-acid': t('草酸', 'Oxalic acid'),
  scope3: t('範圍3', 'Scope 3'),
  'carbon-balance': t('碳質量平衡', 'Carbon mass balance'),
  'coal-mined': t('原煤開採量', 'Raw coal mined'),
  clinker: t('熟料產量', 'Clinker produced'),
};

const POLICY_TRIGGER: Readonly<Record<RestatementChange, LocalisedText>> = {
  'structural-change': t('結構變動', 'a structural change'),
  methodology: t('計算方法或排放因子變更', 'a change of methodology or emission factors'),
  'error-correction': t('錯誤更正', 'the correction of an error'),
};

function itemLabel(bundle: Bundle, i: RestatedItemInput): LocalisedText {
  if (i.kind === 'activity-line') {
    const a = i.activity ? ACTIVITY_LABEL[i.activity] : same(i.activity ?? '');
    const s = axisValueLabel(i.subject ?? '');
    return t(`${a['zh-Hant']}：${s['zh-Hant']}`, `${a.en}: ${s.en}`);
  }
  const ind = i.indicatorId ? bundleCatalogue(bundle).get(i.indicatorId) : undefined;
  const name = ind?.name ?? same(i.indicatorId ?? i.factId);
  const parts = Object.keys(i.disaggregation ?? {})
    .sort()
    .map((k) => axisValueLabel(i.disaggregation?.[k] ?? ''));
  if (parts.length === 0) return name;
  return t(
    `${name['zh-Hant']}（${parts.map((p) => p['zh-Hant']).join('，')}）`,
    `${name.en} (${parts.map((p) => p.en).join(', ')})`,
  );
}

const year = (y: string): LocalisedText => t(`${y}年`, y);

function policyText(bundle: Bundle, scope12: Decimal | null): LocalisedText | undefined {
  const p = bundle.organisation.baseYear;
  if (!p) return undefined;
  const zhTriggers = p.triggers.map((x) => POLICY_TRIGGER[x]['zh-Hant']).join('、');
  const enTriggers = p.triggers.map((x) => POLICY_TRIGGER[x].en);
  const enList =
    enTriggers.length <= 1
      ? (enTriggers[0] ?? '')
      : `${enTriggers.slice(0, -1).join(', ')} or ${enTriggers.at(-1)}`;
  const th = p.thresholdPercent.toFixed();
  const now =
    scope12 === null
      ? t(
          '基準年範圍1及範圍2排放未能計算。',
          "The base year's Scope 1 and 2 emissions could not be calculated.",
        )
      : t(
          `基準年範圍1及範圍2（基於位置）排放現為${tco2e(scope12)}噸二氧化碳當量。`,
          `Base-year Scope 1 and 2 emissions (location-based) now stand at ${tco2e(scope12)} tCO2e.`,
        );
  return t(
    `基準年：${p.year}年。重新計算政策：如${zhTriggers}單獨或累計令基準年範圍1及範圍2排放變動${th}%或以上，即重新計算基準年。${now['zh-Hant']}`,
    `Base year: ${p.year}. Recalculation policy: the base year is recalculated when ${enList} moves its Scope 1 and 2 emissions by ${th} % or more, alone or together with other changes. ${now.en}`,
  );
}

function entryBlocks(bundle: Bundle, r: RestatedInput): Block[] {
  const entity = new Map(bundle.organisation.entities.map((e) => [e.id, e.name]));
  const change = CHANGE_LABEL[r.change];
  const date = r.approvedAt.slice(0, 10);
  const blocks: Block[] = [
    {
      kind: 'subheading',
      text: t(
        `重述第${r.id}號：${change['zh-Hant']}（${date}批准）`,
        `Restatement ${r.id}: ${change.en} (approved ${date})`,
      ),
    },
    { kind: 'paragraph', text: same(r.reason), role: 'user' },
    {
      kind: 'table',
      id: `restatement-${r.id}-items`,
      caption: t(
        `重述第${r.id}號：原報告數值及重述數值`,
        `Restatement ${r.id}: values as reported and as restated`,
      ),
      head: [
        t('實體', 'Entity'),
        t('項目', 'Item'),
        t('期間', 'Period'),
        t('單位', 'Unit'),
        t('原報告', 'As reported'),
        t('重述後', 'Restated'),
      ],
      rows: r.items.map((i) => [
        text(entity.get(i.entityId) ?? same(i.entityId)),
        text(itemLabel(bundle, i)),
        text(same(i.periodId)),
        text(same(i.unit)),
        i.before === null ? text(t('（新增）', '(added)')) : exact(i.before),
        exact(i.after),
      ]),
    },
  ];
  if (r.totals.length > 0)
    blocks.push({
      kind: 'table',
      id: `restatement-${r.id}-effect`,
      caption: t(
        `重述第${r.id}號對集團範圍1及範圍2排放（基於位置，噸二氧化碳當量）的影響`,
        `Restatement ${r.id}: effect on the group's Scope 1 and 2 emissions (location-based, tCO2e)`,
      ),
      head: [t('年度', 'Year'), t('原報告', 'As reported'), t('重述後', 'Restated')],
      rows: r.totals.map((x) => [text(year(x.periodId)), tonnes(x.before), tonnes(x.after)]),
    });
  const b = r.baseYear;
  if (b) {
    const s = b.significance;
    const share = s.percent === null ? t('（原值為零）', '(from zero)') : same(`${pct(s.percent)}`);
    const cumulative =
      s.cumulativePercent !== null && s.percent !== null && !s.cumulativePercent.eq(s.percent)
        ? t(
            `，連同此前未達門檻的變動累計${pct(s.cumulativePercent)}%`,
            `, ${pct(s.cumulativePercent)} % together with earlier changes below the threshold`,
          )
        : t('', '');
    const verdict = s.significant
      ? t('達到門檻，基準年已按政策重新計算', 'significant: the base year is recalculated as the policy asks')
      : t(
          '未達門檻，政策並不要求重新計算基準年，此項更正仍已反映',
          'below the threshold: the policy does not ask for a recalculation; the correction is reflected all the same',
        );
    const pctZh = s.percent === null ? share['zh-Hant'] : `${share['zh-Hant']}%`;
    const pctEn = s.percent === null ? share.en : `${share.en} %`;
    blocks.push(
      para(
        t(
          `基準年${b.year}年範圍1及範圍2排放由${tco2e(b.before)}噸二氧化碳當量重新計算為${tco2e(b.after)}噸二氧化碳當量（變動${tco2e(s.delta)}，${pctZh}${cumulative['zh-Hant']}；政策門檻${b.thresholdPercent.toFixed()}%）：${verdict['zh-Hant']}。`,
          `Base year ${b.year}: Scope 1 and 2 emissions as previously reported ${tco2e(b.before)} tCO2e, recalculated ${tco2e(b.after)} tCO2e (change ${tco2e(s.delta)}, ${pctEn}${cumulative.en}; the policy's threshold is ${b.thresholdPercent.toFixed()} %): ${verdict.en}.`,
        ),
      ),
    );
  }
  return blocks;
}

/** The note's section, or undefined when there is no base year and no restatement. */
export function restatementSection(
  bundle: Bundle,
  input: RestatementNoteInput,
  number: string,
): Section | undefined {
  const policy = policyText(bundle, input.baseYearScope12);
  if (!policy && input.restatements.length === 0) return undefined;
  const intro =
    input.restatements.length === 0
      ? t(
          '本報告並無重述以往報告期間的資料。',
          'No information reported for earlier periods is restated in this report.',
        )
      : t(
          '以下列出本報告重述的資料：每項重述的原因、變動類別及影響，並列出原報告數值及重述後數值。',
          'This report restates information as set out below: for each restatement, its reason, the type of change and its effect, with the values as first reported and as restated.',
        );
  return {
    id: RESTATEMENT_SECTION_ID,
    number,
    title: t('資料重述（GRI 2-4）', 'Restatements of information (GRI 2-4)'),
    blocks: [
      para(intro),
      ...(policy ? [para(policy)] : []),
      ...input.restatements.flatMap((r) => entryBlocks(bundle, r)),
    ],
    sections: [],
  };
}

/** The note as data (JSON, XLSX): exact values, no formatting. */
export function restatementNote(bundle: Bundle, input: RestatementNoteInput): RestatementNote {
  const p = bundle.organisation.baseYear;
  const entity = new Map(bundle.organisation.entities.map((e) => [e.id, e.name]));
  const str = (d: Decimal | null) => (d === null ? null : d.toFixed());
  return {
    sectionId: RESTATEMENT_SECTION_ID,
    baseYear: p
      ? {
          year: p.year,
          thresholdPercent: p.thresholdPercent.toFixed(),
          triggers: [...p.triggers],
          scope12: str(input.baseYearScope12),
        }
      : null,
    restatements: input.restatements.map(
      (r): RestatementNoteEntry => ({
        id: r.id,
        change: r.change,
        changeLabel: CHANGE_LABEL[r.change],
        reason: r.reason,
        approvedAt: r.approvedAt,
        approvedBy: publicName(r.approvedBy), // no e-mail address in a published report
        items: r.items.map((i) => ({
          kind: i.kind,
          factId: i.factId,
          entityId: i.entityId,
          entity: entity.get(i.entityId) ?? same(i.entityId),
          periodId: i.periodId,
          label: itemLabel(bundle, i),
          unit: i.unit,
          before: str(i.before),
          after: i.after.toFixed(),
        })),
        totals: r.totals.map((x) => ({ periodId: x.periodId, before: str(x.before), after: str(x.after) })),
        baseYear: r.baseYear
          ? {
              year: r.baseYear.year,
              before: r.baseYear.before.toFixed(),
              after: r.baseYear.after.toFixed(),
              delta: r.baseYear.significance.delta.toFixed(),
              percent: str(r.baseYear.significance.percent),
              cumulativePercent: str(r.baseYear.significance.cumulativePercent),
              thresholdPercent: r.baseYear.thresholdPercent.toFixed(),
              significant: r.baseYear.significance.significant,
            }
          : null,
      }),
    ),
  };
}
