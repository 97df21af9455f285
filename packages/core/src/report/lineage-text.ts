/**
 * Labels of derivation trees in each report language, made at report time from what each node
 * is: a figure from its indicator's catalogue name, its breakdown (glossary) and its entity's
 * name; a fact from the data point or activity line it is (indicator, or activity, fuel and
 * use); a factor from its family, subject, calibre and vintage; a derived activity node from
 * its label key (calc/node.ts LabelKey) with the templates below. The graph keeps English
 * labels only (CLI, check messages); nothing here changes a value or an id.
 * Derived nodes keep their English label from the graph; a node this module does not know
 * keeps its graph label in every language (the zh-Hant localisation test names it).
 */
import type { Lineage } from '../calc/lineage.js';
import { bundleCatalogue } from '../catalogue/bundle-catalogue.js';
import {
  ACTIVITY_TERMS,
  CALC_KIND_TERMS,
  CALIBRE_TERMS,
  CONSTANT_TERMS,
  FACTOR_KIND_TERMS,
  FUEL_USE_TERMS,
  GRID_TERMS,
  METHOD_TERMS,
  MINERAL_TERMS,
  termOf,
} from '../glossary/calc-terms.js';
import { axisValueLabel } from '../glossary/glossary.js';
import { AXIS_VALUES, type Term } from '../glossary/terms.js';
import { SCOPE3_CATEGORIES, SCOPE3_METHOD_NAMES } from '../methods/scope3/categories.js';
import type { Bundle } from '../model/bundle.js';
import type { ActivityLine, DataPoint } from '../model/fact.js';
import type { FactorRecord } from '../model/factor-record.js';
import { parsePeriod } from '../model/period.js';
import type { LocalisedText } from '../model/text.js';
import { caseCountText } from './case-count-figure.js';

export type LineageLabeller = (node: Lineage) => LocalisedText;

const same = (s: string): LocalisedText => ({ 'zh-Hant': s, en: s });
const UNSPECIFIED: Term = { 'zh-Hant': '未註明', en: 'unspecified', 'zh-Hans': '未注明' };

/** A fuel, carrier, mineral or other subject code as a term. */
function subjectTerm(code: string): LocalisedText {
  if (code === 'unspecified') return UNSPECIFIED;
  const category = SCOPE3_CATEGORIES.find((c) => c.id === code);
  // a Scope 3 category: its number and name in Chinese, its code in English (as the graph has it)
  if (category) return { 'zh-Hant': `類別${category.number}：${category.name['zh-Hant']}`, en: code };
  return AXIS_VALUES[code] ?? MINERAL_TERMS[code] ?? GRID_TERMS[code] ?? axisValueLabel(code);
}

/** "2025" → 2025年; "2025-03" → 2025年3月; "2025-Q1" → 2025年第1季度 (English: the id). */
export function periodText(id: string): LocalisedText {
  const p = parsePeriod(id);
  if (!p) return same(id);
  const zh =
    p.kind === 'year'
      ? `${p.year}年`
      : p.kind === 'month'
        ? `${p.year}年${p.index}月`
        : `${p.year}年第${p.index}季度`;
  return { 'zh-Hant': zh, en: id };
}

const zhOf = (t: LocalisedText) => t['zh-Hant'];
const scope3Method = (m: string): LocalisedText =>
  (SCOPE3_METHOD_NAMES as Readonly<Record<string, LocalisedText>>)[m] ?? same(m);
/** What a Scope 3 upstream factor is per (scope3-factor.ts perDimension). */
const PER_ZH: Readonly<Record<string, string>> = { mass: '按質量', energy: '按能量', volume: '按體積' };

/**
 * Chinese labels of derived activity nodes by label key (methods/activity-*.ts,
 * scope2-market.ts); `a` are the key's arguments. English is the graph's own label.
 */
const DERIVED_ZH: Readonly<Record<string, (a: Readonly<Record<string, string>>) => string>> = {
  // counts of compliance cases (case-count-figure.ts): terms and a count, never a case
  'case-count': (a) => caseCountText(a)['zh-Hant'],
  'fuel-energy': (a) =>
    `${zhOf(subjectTerm(a.fuel ?? ''))}能量（按低位發熱量，${zhOf(termOf(METHOD_TERMS, a.method ?? ''))}）`,
  'fuel-co2-ndrc': (a) =>
    `${zhOf(subjectTerm(a.fuel ?? ''))}燃燒二氧化碳排放（低位發熱量 × 單位熱值含碳量 × 碳氧化率 × 44/12）`,
  'fuel-co2-ipcc': (a) =>
    `${zhOf(subjectTerm(a.fuel ?? ''))}燃燒二氧化碳排放（低位發熱量 × 單位熱值二氧化碳排放因子）`,
  tce: (a) => `${zhOf(subjectTerm(a.carrier ?? ''))}折標準煤（GB/T 2589-2020）`,
  'tce-basis': (a) =>
    `${zhOf(subjectTerm(a.carrier ?? ''))}折標準煤（GB/T 2589-2020，${zhOf(termOf(CALIBRE_TERMS, a.basis ?? ''))}）`,
  'tce-as-stated': (a) => `${zhOf(subjectTerm(a.carrier ?? ''))}（按填報的噸標準煤）`,
  'electricity-co2-location': () => '外購電力二氧化碳排放（基於位置）',
  'heat-co2': (a) => `外購${zhOf(subjectTerm(a.carrier ?? ''))}二氧化碳排放（吉焦 × 熱力排放因子）`,
  purity: (a) => `${zhOf(subjectTerm(a.mineral ?? ''))}純度`,
  'process-co2': (a) => `${zhOf(subjectTerm(a.mineral ?? ''))}過程二氧化碳排放`,
  'certificate-energy': () => '綠色電力證書對應電量（1張 = 1兆瓦時）',
  'certificate-double-use': (a) => `證書批次${a.batch ?? ''}重複使用`,
  'market-purchased': () => '外購電力',
  'market-instruments': () => '綠色電力交易及綠色電力證書',
  'market-remainder': () => '未由合約工具覆蓋的外購電力',
  'fuel-density': (a) => `${zhOf(subjectTerm(a.fuel ?? ''))}密度（按活動數據行填報）`,
  'fuel-mass': (a) => `${zhOf(subjectTerm(a.fuel ?? ''))}質量（體積 × 填報密度）`,
  // iron-and-steel carbon mass balance (issue #24, methods/carbon-balance.ts)
  'carbon-content': (a) => `${zhOf(subjectTerm(a.material ?? ''))}含碳量（按活動數據行填報）`,
  'carbon-flow': (a) =>
    `${zhOf(subjectTerm(a.material ?? ''))}${a.direction === 'out' ? '帶出' : '帶入'}碳量`,
  'carbon-in': () => '輸入碳量合計（焦炭、煤、礦石、熔劑等）',
  'carbon-out': () => '輸出碳量合計（鐵水、鋼、爐渣、外供煤氣等）',
  'carbon-net': () => '排放碳量（輸入碳 − 輸出碳）',
  'carbon-balance-co2': () => '碳質量平衡二氧化碳排放（（輸入碳 − 輸出碳）× 44/12）',
  // sector packs: coal-mine methane and clinker (issue #24, methods/sector-lines.ts)
  'coal-mine-ch4': (a) =>
    `${zhOf(subjectTerm(a.mine ?? ''))}${a.stage === 'post-mining' ? '礦後活動' : '開採'}甲烷逸散量`,
  'coal-mine-ch4-total': (a) => `${zhOf(subjectTerm(a.mine ?? ''))}甲烷逸散量（開採 + 礦後活動）`,
  'coal-mine-co2e': (a) => `${zhOf(subjectTerm(a.mine ?? ''))}甲烷逸散排放（二氧化碳當量）`,
  'clinker-oxide-co2': (a) => `每噸熟料${a.oxide === 'mgo' ? '氧化鎂' : '氧化鈣'}對應二氧化碳`,
  'clinker-ef': () => '熟料排放因子（按填報氧化鈣及氧化鎂含量計算）',
  'clinker-co2': () => '熟料煅燒過程二氧化碳排放',
  'scope3-line': (a) =>
    `範圍三排放（${zhOf(subjectTerm(a.category ?? ''))}，${zhOf(scope3Method(a.method ?? ''))}）`,
  'scope3-deflator': (a) =>
    `價格年份平減係數（由${a.from ?? ''}年價格換算至排放因子的價格年份，按活動數據行填報）`,
  'scope3-supplier-factor': (a) =>
    a.zh === undefined
      ? '供應商排放因子（按活動數據行填報）'
      : `供應商排放因子（按活動數據行填報；${a.zh}，見供應商名冊）`,
  // register rows (methods/register-figures.ts)
  'register-suppliers': (a) => `供應商名冊：${a.zh ?? ''}（${a.entity ?? ''}）`,
  'register-hazards': (a) => `隱患排查治理台賬：${a.zh ?? ''}（${a.entity ?? ''}）`,
  'register-projects': (a) => `節能減排項目台賬：${a.zh ?? ''}（${a.entity ?? ''}）`,
  'register-projects.tce': (a) => `節能減排項目「${a.zh ?? ''}」經核實節能量（噸標準煤，${a.entity ?? ''}）`,
  'register-projects.MWh': (a) => `節能減排項目「${a.zh ?? ''}」經核實節電量（兆瓦時，${a.entity ?? ''}）`,
  'register-projects.tCO2e': (a) =>
    `節能減排項目「${a.zh ?? ''}」經核實減排量（噸二氧化碳當量，${a.entity ?? ''}）`,
  'scope3-wtt': (a) =>
    `${zhOf(subjectTerm(a.fuel ?? ''))}燃料上游排放（開採至使用前，範圍三類別3，${PER_ZH[a.per ?? ''] ?? '按活動量'}）`,
  'scope3-upstream': () => '外購電力上游排放（範圍三類別3）',
  'scope3-td-loss': () => '外購電力輸配電損耗排放（範圍三類別3）',
  'market-co2': () => '剩餘外購電力二氧化碳排放（基於市場，不含市場化交易非化石能源電量口徑）',
};

function join(parts: readonly LocalisedText[]): LocalisedText {
  return {
    'zh-Hant': parts.map((p) => p['zh-Hant']).join('，'),
    en: parts.map((p) => p.en).join(', '),
  };
}

/** "name（a，b）" / "name (a, b)": an indicator with its breakdown values. */
function withBreakdown(name: LocalisedText, values: readonly string[]): LocalisedText {
  if (values.length === 0) return name;
  const parts = values.map(subjectTerm);
  return {
    'zh-Hant': `${name['zh-Hant']}（${parts.map((p) => p['zh-Hant']).join('，')}）`,
    en: `${name.en} (${parts.map((p) => p.en).join(', ')})`,
  };
}

function factorText(f: FactorRecord): LocalisedText {
  if (f.kind === 'constant') return CONSTANT_TERMS[f.keys.constant ?? ''] ?? same(f.id);
  const kind = termOf(FACTOR_KIND_TERMS, f.kind);
  const k = f.keys;
  const where =
    f.kind === 'grid-ef'
      ? k.province
        ? subjectTerm(k.province)
        : k.region
          ? termOf(GRID_TERMS, k.region)
          : termOf(GRID_TERMS, k.level ?? 'national')
      : undefined;
  const subject = k.fuel ?? k.carrier ?? k.mineral ?? k.instrument;
  const named = where ?? (subject === undefined ? undefined : subjectTerm(subject));
  // "熱力" before "熱力排放因子" says nothing more
  const head = named && kind['zh-Hant'].startsWith(named['zh-Hant']) ? undefined : named;
  const notes = [
    ...(f.calibre === undefined ? [] : [termOf(CALIBRE_TERMS, f.calibre)]),
    { 'zh-Hant': `${f.vintage}年`, en: String(f.vintage) },
  ];
  const note = join(notes);
  return {
    'zh-Hant': `${head ? head['zh-Hant'] : ''}${kind['zh-Hant']}（${note['zh-Hant']}）`,
    en: `${kind.en}${head ? `, ${head.en}` : ''} (${note.en})`,
  };
}

/**
 * `findFact` finds a data point or activity line by id without scanning the bundle (the app's
 * indexed look-up); without it, an index of the bundle's facts is built on the first fact.
 */
export function lineageLabeller(
  bundle: Bundle,
  findFact?: (id: string) => DataPoint | ActivityLine | undefined,
): LineageLabeller {
  const catalogue = bundleCatalogue(bundle);
  const entities = new Map(bundle.organisation.entities.map((e) => [e.id, e.name]));
  const entity = (id: string) => entities.get(id) ?? same(id);
  const indicator = (id: string) => catalogue.get(id)?.name ?? same(id);
  // built on first use: a report's lineage reaches every fact, a figure page only a few
  let facts: Map<string, DataPoint | ActivityLine> | undefined;
  const factOf = (id: string) => {
    if (findFact) return findFact(id);
    facts ??= new Map<string, DataPoint | ActivityLine>([
      ...bundle.dataPoints.map((d) => [d.id, d] as const),
      ...bundle.activityLines.map((l) => [l.id, l] as const),
    ]);
    return facts.get(id);
  };
  return (n) => {
    if (n.figure) {
      const f = n.figure;
      const breakdown = Object.keys(f.disaggregation)
        .sort()
        .map((axis) => f.disaggregation[axis] ?? '');
      return join([
        withBreakdown(indicator(f.indicatorId), breakdown),
        entity(f.entityId),
        periodText(f.periodId),
      ]);
    }
    if (n.labelKey) {
      const zh = DERIVED_ZH[n.labelKey.key];
      return zh ? { 'zh-Hant': zh(n.labelKey.args ?? {}), en: n.label } : same(n.label);
    }
    if (n.fact) {
      const fact = factOf(n.fact.factId);
      const where = [entity(n.fact.entityId), periodText(n.fact.periodId)];
      if (fact && 'indicatorId' in fact) {
        const breakdown = Object.keys(fact.disaggregation)
          .sort()
          .map((axis) => fact.disaggregation[axis] ?? '');
        return join([withBreakdown(indicator(fact.indicatorId), breakdown), ...where]);
      }
      if (fact) {
        const activity = ACTIVITY_TERMS[fact.activity];
        const subject = subjectTerm(fact.subject);
        const use = fact.use === undefined ? [] : [FUEL_USE_TERMS[fact.use]];
        // "外購電力：外購電力" (activity and subject named alike) prints once
        const said = (lang: 'zh-Hant' | 'en', sep: string) =>
          subject[lang].toLowerCase() === activity[lang].toLowerCase() ? '' : `${sep}${subject[lang]}`;
        return join([
          {
            'zh-Hant': `${activity['zh-Hant']}${said('zh-Hant', '：')}${use.map((u) => `（${u['zh-Hant']}）`).join('')}`,
            en: `${activity.en}${said('en', ': ')}${use.map((u) => ` (${u.en})`).join('')}`,
          },
          ...where,
        ]);
      }
    }
    if (n.factor) return factorText(n.factor);
    return same(n.label);
  };
}

/** The tree with `text` set on every node (the same node object for a repeated id). */
export function localiseLineage(tree: Lineage, label: LineageLabeller): Lineage {
  const done = new Map<string, Lineage>();
  const walk = (n: Lineage): Lineage => {
    const hit = done.get(n.id);
    if (hit) return hit;
    const out: Lineage = { ...n, text: label(n), children: n.children.map(walk) };
    done.set(n.id, out);
    return out;
  };
  return walk(tree);
}

/** A node kind or formula operation as printed (the Calculations sheet's kind column). */
export function calcKindText(n: Pick<Lineage, 'kind' | 'op'>): Term {
  return termOf(CALC_KIND_TERMS, n.op ?? n.kind);
}
