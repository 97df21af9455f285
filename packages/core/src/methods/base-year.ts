/**
 * The base-year rules (issue #17; GHG Protocol Corporate Standard ch. 5; model/restatement.ts):
 *
 * - The significance test: a change is significant when it moves the base year's Scope 1 + 2
 *   (the group's location-based total, tCO2e) by the policy's threshold or more:
 *       |Δ| / base-year Scope 1 + 2 ≥ threshold,
 *   alone or cumulatively with the earlier changes that were not significant on their own
 *   (Σ|Δᵢ| + |Δ|, over the same denominator). Decided exactly: |Δ| × 100 ≥ threshold% × base,
 *   so no division rounds the decision; the per cents are for printing.
 * - The acquisition prompt: an entity acquired (or disposed of) during the reporting year is a
 *   structural change, which the policy asks to weigh for a base-year recalculation.
 */
import { figureId } from '../calc/figure.js';
import { Decimal } from '../decimal.js';
import { groupEntity, type Organisation } from '../model/organisation.js';
import { parseCalendarDate } from '../model/restatement.js';
import type { LocalisedText } from '../model/text.js';

/** The indicator weighed: Scope 1 + Scope 2 (location-based), tCO2e (catalogue/derived.ts). */
export const BASE_YEAR_INDICATOR = 'ghg.total.location';

/** The figure id of the group's Scope 1 + 2 in `year` ("ghg.total.location@group/2020"). */
export function scope12FigureId(org: Organisation, year: string): string {
  return figureId(BASE_YEAR_INDICATOR, groupEntity(org).id, year);
}

export type SignificanceInput = {
  /** Base-year Scope 1 + 2 before the change, tCO2e (the denominator). */
  readonly before: Decimal;
  /** Base-year Scope 1 + 2 with the change, tCO2e. */
  readonly after: Decimal;
  /** |Δ| of earlier changes of this base year not significant on their own, tCO2e. */
  readonly earlier?: readonly Decimal[];
  /** The policy's threshold in per cent (5 = 5 %). */
  readonly thresholdPercent: Decimal;
};

export type Significance = {
  /** after − before, tCO2e (signed). */
  readonly delta: Decimal;
  /** |Δ| / before × 100; null when before is zero (a share of nothing is undefined). */
  readonly percent: Decimal | null;
  /** (Σ|earlier| + |Δ|) / before × 100; null when before is zero. */
  readonly cumulativePercent: Decimal | null;
  /** |Δ| alone reaches the threshold. */
  readonly alone: boolean;
  /** |Δ|, alone or with the earlier ones, reaches the threshold: the policy asks to recalculate. */
  readonly significant: boolean;
};

export function significance(i: SignificanceInput): Significance {
  const delta = i.after.minus(i.before);
  const size = delta.abs();
  const total = (i.earlier ?? []).reduce((sum, d) => sum.plus(d.abs()), size);
  const base = i.before.abs();
  // |x| × 100 ≥ threshold × base: exact; with a zero base any change at all counts.
  const reaches = (x: Decimal) =>
    base.isZero() ? !x.isZero() : x.times(100).gte(i.thresholdPercent.times(base));
  const pct = (x: Decimal) => (base.isZero() ? null : x.times(100).dividedBy(base));
  return {
    delta,
    percent: pct(size),
    cumulativePercent: pct(total),
    alone: reaches(size),
    significant: reaches(total),
  };
}

export type BaseYearPrompt = {
  readonly kind: 'acquisition' | 'disposal';
  readonly entityId: string;
  /** The acquisition or disposal date, "2025-07-01". */
  readonly date: string;
  readonly reportingYear: string;
  /** What to do, in both languages, naming the entity and the policy. */
  readonly message: LocalisedText;
};

const pctText = (d: Decimal) => d.toFixed();

/**
 * Entities acquired or disposed of during the reporting year (their date's year is the
 * reporting year). With a policy that counts structural changes, each is a prompt to weigh a
 * base-year recalculation; with no base year set, a prompt to set one. A policy that leaves
 * structural changes out asks for nothing, so there is no prompt.
 */
export function baseYearPrompts(org: Organisation, reportingYear: string): BaseYearPrompt[] {
  const policy = org.baseYear;
  if (policy && !policy.triggers.includes('structural-change')) return [];
  const out: BaseYearPrompt[] = [];
  for (const e of org.entities) {
    for (const kind of ['acquisition', 'disposal'] as const) {
      const date = kind === 'acquisition' ? e.acquiredOn : e.disposedOn;
      const d = date === undefined ? undefined : parseCalendarDate(date);
      if (!date || !d || String(d.year) !== reportingYear) continue;
      const en = e.name.en;
      const zh = e.name['zh-Hant'];
      const happened =
        kind === 'acquisition'
          ? {
              en: `${en} was acquired on ${date}, during the reporting year ${reportingYear}: a structural change.`,
              zh: `${zh}於${date}收購（${reportingYear}報告年度內），屬結構變動。`,
            }
          : {
              en: `${en} was disposed of on ${date}, during the reporting year ${reportingYear}: a structural change.`,
              zh: `${zh}於${date}出售（${reportingYear}報告年度內），屬結構變動。`,
            };
      const ask = policy
        ? kind === 'acquisition'
          ? {
              en: `The base-year policy (base year ${policy.year}; recalculate when a change moves base-year Scope 1 and 2 by ${pctText(policy.thresholdPercent)} % or more, alone or with other changes) asks for the base year to be recalculated with ${en}'s ${policy.year} emissions for the whole year if they reach the threshold (not if it did not exist in ${policy.year}). File a restatement of type structural change with its base-year figures.`,
              zh: `基準年政策（基準年${policy.year}年；變動單獨或累計令基準年範圍一及二排放變動達${pctText(policy.thresholdPercent)}%或以上即重新計算）要求：如${zh}${policy.year}年全年排放達到門檻，須將其計入並重新計算基準年（如其於${policy.year}年尚未存在則毋須）。請提交「結構變動」類別的重述申請，並附基準年數據。`,
            }
          : {
              en: `The base-year policy (base year ${policy.year}; recalculate when a change moves base-year Scope 1 and 2 by ${pctText(policy.thresholdPercent)} % or more, alone or with other changes) asks for ${en}'s emissions to be taken out of the base year for the whole year if they reach the threshold. File a restatement of type structural change with its base-year figures.`,
              zh: `基準年政策（基準年${policy.year}年；變動單獨或累計令基準年範圍一及二排放變動達${pctText(policy.thresholdPercent)}%或以上即重新計算）要求：如${zh}的全年排放達到門檻，須從基準年剔除並重新計算。請提交「結構變動」類別的重述申請，並附基準年數據。`,
            }
        : {
            en: 'No base year is set: set the base year and its recalculation policy, then weigh this change against it.',
            zh: '尚未設定基準年：請先設定基準年及其重新計算政策，再據此評估此項變動。',
          };
      out.push({
        kind,
        entityId: e.id,
        date,
        reportingYear,
        message: { 'zh-Hant': happened.zh + ask.zh, en: `${happened.en} ${ask.en}` },
      });
    }
  }
  return out;
}

/** Half-up per cent text with `places` decimals ("8.0"), for messages and the report. */
export function percentText(p: Decimal, places = 1): string {
  return p.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed(places);
}

/** A restatement's effect on the base year, as recorded when it is approved. */
export type BaseYearEffect = {
  readonly year: string;
  /** Base-year Scope 1 + 2 before and after the restatement, tCO2e. */
  readonly before: Decimal;
  readonly after: Decimal;
  readonly thresholdPercent: Decimal;
  readonly significance: Significance;
};
