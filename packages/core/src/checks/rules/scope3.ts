/**
 * Scope 3 by category (issue #21; docs/checks.md, "Scope 3"), three checks in the existing families:
 * - year-on-year `scope3-method-changed` (warning): the methods of a category's lines in the
 *   current year differ from those of the prior year (reporting.prior[0]) and no restatement
 *   note explains it: an explanation (registers.explanations) whose subject is the category's
 *   figure id at the group or at an entity with lines, e.g. "ghg.scope3[category=cat-1]@group/2025".
 * - reconciliation `scope3-double-count` (warning): an entity has category 3 derived from its
 *   Scope 1 and 2 lines (methods/scope3/scope3-upstream-energy.ts) and a category 3 line entered
 *   by hand in the same year; or a Scope 3 line names (item=, fuel=) a fuel whose well-to-tank
 *   is already derived from that entity's fuel line: the same upstream counted twice.
 * - completeness `scope3-excluded-unjustified` (warning when the screening finds the category
 *   relevant, info otherwise): with a screening recorded (assay.yaml methods.scope3.screening), a
 *   category not reported and given no justification (methods/scope3/screening.ts).
 * Screening estimates (screening=yes) are not inventory lines and are not compared.
 */
import {
  SCOPE3_CRITERION_NAMES,
  SCOPE3_METHOD_NAMES,
  type Scope3Method,
  scope3Category,
} from '../../methods/scope3/categories.js';
import { isScreeningLine, methodOf } from '../../methods/scope3/scope3-factor.js';
import { scope3CategoryFigureId, screenScope3 } from '../../methods/scope3/screening.js';
import type { ActivityLine } from '../../model/fact.js';
import { groupEntity } from '../../model/organisation.js';
import type { CheckContext } from '../context.js';
import type { Finding } from '../finding.js';
import { type CheckRule, msg } from '../rule.js';

export const scope3MethodChangeRule: CheckRule = { id: 'year-on-year', run: methodChanges };
export const scope3DoubleCountRule: CheckRule = { id: 'reconciliation', run: doubleCounts };
export const scope3ScreeningRule: CheckRule = { id: 'completeness', run: unjustifiedExclusions };

const inventoryLines = (ctx: CheckContext, year: string): ActivityLine[] =>
  ctx.bundle.activityLines.filter(
    (l) => l.activity === 'scope3' && !isScreeningLine(l) && l.periodId.startsWith(year),
  );

const methodNames = (ms: readonly string[]) => ({
  en: ms.join(', '),
  zh: ms.map((m) => SCOPE3_METHOD_NAMES[m as Scope3Method]?.['zh-Hant'] ?? m).join('、'),
});

/** An entity's name in Chinese, for the zh-Hant message. */
const entityZh = (ctx: CheckContext, id: string) =>
  ctx.bundle.organisation.entities.find((e) => e.id === id)?.name['zh-Hant'] ?? id;

const categoryName = (id: string) => {
  const c = scope3Category(id);
  return c
    ? { en: `${c.number} (${c.name.en})`, zh: `${c.number}（${c.name['zh-Hant']}）` }
    : { en: id, zh: id };
};

function methodChanges(ctx: CheckContext): Finding[] {
  const year = ctx.bundle.reporting.current;
  const prior = ctx.bundle.reporting.prior[0];
  if (prior === undefined) return [];
  const now = inventoryLines(ctx, year);
  const before = inventoryLines(ctx, prior);
  const methodsOf = (lines: readonly ActivityLine[], category: string) =>
    [...new Set(lines.filter((l) => l.subject === category).map(methodOf))].sort();
  const explained = new Set(ctx.bundle.registers.explanations.map((e) => e.subject));
  const group = groupEntity(ctx.bundle.organisation).id;
  const findings: Finding[] = [];
  for (const category of [...new Set(now.map((l) => l.subject))].sort()) {
    const a = methodsOf(before, category);
    const b = methodsOf(now, category);
    if (a.length === 0 || a.join() === b.join()) continue;
    const subjects = [
      group,
      ...new Set(now.filter((l) => l.subject === category).map((l) => l.entityId)),
    ].map((e) => `ghg.scope3[category=${category}]@${e}/${year}`);
    if (subjects.some((s) => explained.has(s))) continue;
    const name = categoryName(category);
    const figure = scope3CategoryFigureId(ctx.bundle, category, year);
    const [was, is] = [methodNames(a), methodNames(b)];
    findings.push({
      ruleId: 'year-on-year',
      code: 'scope3-method-changed',
      severity: 'warning',
      where: { figureId: figure, indicatorId: 'ghg.scope3', entityId: group, periodId: year },
      expected: a.join(', '),
      actual: b.join(', '),
      message: msg(
        `Scope 3 category ${name.en} is calculated by ${is.en} in ${year} but by ${was.en} in ${prior}; without a restatement note the two years are not comparable: add an explanation for ${figure} stating the change and its effect (GHG Protocol: a change of method is a reason to recalculate)`,
        `範圍三類別${name.zh}在${year}年的計算方法（${is.zh}）與${prior}年（${was.zh}）不同；未有重列說明，兩年數字不可比較：請為該類別本年度的數字加入重列說明，載明變更及其影響`,
      ),
    });
  }
  return findings;
}

/** The attribute values of a line that may name a fuel. */
const namedFuels = (l: ActivityLine) => [l.attributes.item, l.attributes.fuel].filter((x) => x !== undefined);

function doubleCounts(ctx: CheckContext): Finding[] {
  const year = ctx.bundle.reporting.current;
  const findings: Finding[] = [];
  const fuelLines = ctx.bundle.activityLines.filter((l) => l.periodId.startsWith(year));
  const derivedBy = new Map<string, ActivityLine[]>(); // entity → its lines with a derived category 3 node
  for (const l of fuelLines) {
    const derived = ['wtt', 'upstream', 'td-loss'].some((s) => ctx.graph.has(`act:${l.id}:${s}`));
    if (derived) derivedBy.set(l.entityId, [...(derivedBy.get(l.entityId) ?? []), l]);
  }
  for (const l of inventoryLines(ctx, year)) {
    const derived = derivedBy.get(l.entityId) ?? [];
    if (derived.length === 0) continue;
    const where = { entityId: l.entityId, periodId: l.periodId, indicatorId: 'ghg.scope3' };
    if (l.subject === 'cat-3') {
      const ids = derived.map((d) => d.id).join(', ');
      findings.push({
        ruleId: 'reconciliation',
        code: 'scope3-double-count',
        severity: 'warning',
        where,
        actual: l.id,
        expected: ids,
        message: msg(
          `Scope 3 category 3 of ${l.entityId} is derived from its Scope 1 and 2 lines (${ids}) and also entered by hand in line ${l.id}: the upstream of the same fuel and electricity is counted twice; remove the line or the cat-3 factor set`,
          `${entityZh(ctx, l.entityId)}的範圍三類別3已按其範圍一及範圍二活動數據（第${ids}行）推算，又在第${l.id}行手動填報：同一燃料及電力的上游排放重複計算；請刪除該行或類別3的因子集`,
        ),
      });
      continue;
    }
    for (const fuel of namedFuels(l)) {
      const burnt = derived.find(
        (d) => d.activity === 'fuel' && d.subject === fuel && ctx.graph.has(`act:${d.id}:wtt`),
      );
      if (!burnt) continue;
      findings.push({
        ruleId: 'reconciliation',
        code: 'scope3-double-count',
        severity: 'warning',
        where,
        actual: l.id,
        expected: burnt.id,
        message: msg(
          `Line ${l.id} (Scope 3 ${l.subject}) names ${fuel}, whose upstream (well-to-tank) is already derived as category 3 from the fuel line ${burnt.id} of ${l.entityId}: counted twice`,
          `第${l.id}行（範圍三類別${categoryName(l.subject).zh}）所列燃料與${entityZh(ctx, l.entityId)}的燃料第${burnt.id}行相同，其上游排放（油井至油箱）已推算為類別3：重複計算`,
        ),
      });
    }
  }
  return findings;
}

function unjustifiedExclusions(ctx: CheckContext): Finding[] {
  if (ctx.bundle.methods.scope3?.screening === undefined) return [];
  const s = screenScope3(ctx.bundle, ctx.graph);
  const group = groupEntity(ctx.bundle.organisation).id;
  return s.categories
    .filter((c) => !c.included && c.justification === undefined)
    .map((c): Finding => {
      const name = categoryName(c.category);
      const relevant = c.relevantBy.length > 0;
      const share = c.share?.toFixed(1); // half-up (decimal.ts)
      const by = {
        en: c.relevantBy.map((x) => SCOPE3_CRITERION_NAMES[x].en).join(', '),
        zh: c.relevantBy.map((x) => SCOPE3_CRITERION_NAMES[x]['zh-Hant']).join('、'),
      };
      const why = relevant
        ? msg(
            ` The screening finds it relevant (${by.en}${share === undefined ? '' : `; ${share} % of the screened ${s.total.toFixed(0)} tCO2e`}).`,
            `篩選結果認為此類別相關（${by.zh}${share === undefined ? '' : `；佔篩選總量的${share}%`}）。`,
          )
        : msg('', '');
      return {
        ruleId: 'completeness',
        code: 'scope3-excluded-unjustified',
        severity: relevant ? 'warning' : 'info',
        where: {
          indicatorId: 'ghg.scope3',
          entityId: group,
          periodId: s.year,
          figureId: scope3CategoryFigureId(ctx.bundle, c.category, s.year),
        },
        ...(c.estimate === undefined ? {} : { actual: `${c.estimate.toString()} tCO2e` }),
        message: msg(
          `Scope 3 category ${name.en} is not reported and the screening gives no justification for leaving it out (assay.yaml methods.scope3.screening.excluded.${c.category}).${why.en}`,
          `範圍三類別${name.zh}未有填報，篩選亦未說明剔除理由。${why['zh-Hant']}`,
        ),
      };
    });
}
