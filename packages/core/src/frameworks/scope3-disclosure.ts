/**
 * What the content index says of a provision disclosed by Scope 3 by category (HKEX Part D
 * (e): "the categories included"; crosswalk evidence `figure:ghg.scope3[category]`):
 * - disclosed: a note naming the categories included (the group's category figures of the year)
 *   and those the screening excluded, each with its stated justification;
 * - not disclosed: an explanation built from the screening's justifications (assay.yaml
 *   methods.scope3.screening.excluded), so the provision reads "explained" without a second,
 *   hand-written text. A register explanation of the provision, when given, comes first.
 * Both languages carry their own words; category names come from methods/scope3/categories.ts.
 */
import { parseFigureId } from '../calc/figure.js';
import { SCOPE3_CATEGORIES, type Scope3Category } from '../methods/scope3/categories.js';
import type { Bundle } from '../model/bundle.js';
import type { Explanation } from '../model/registers.js';
import type { LocalisedText } from '../model/text.js';
import type { Provision } from './framework.js';

/** True when the provision asks for Scope 3 by category. */
export function isScope3ByCategory(p: Provision): boolean {
  return p.requirements.some((r) =>
    r.anyOf.some((e) => e.kind === 'figure' && e.indicatorId === 'ghg.scope3' && e.axis === 'category'),
  );
}

const name = (c: Scope3Category): LocalisedText => ({
  en: `${c.number} ${c.name.en}`,
  'zh-Hant': `${c.number} ${c.name['zh-Hant']}`,
});

/** Excluded categories with a stated justification, in category order. */
function justified(bundle: Bundle, included: ReadonlySet<string>): LocalisedText[] {
  const excluded = bundle.methods.scope3?.screening?.excluded ?? {};
  return SCOPE3_CATEGORIES.flatMap((c) => {
    const why = excluded[c.id];
    if (included.has(c.id) || why === undefined) return [];
    const n = name(c);
    return [{ en: `${n.en} (${why.en})`, 'zh-Hant': `${n['zh-Hant']}（${why['zh-Hant']}）` }];
  });
}

const joinTexts = (xs: readonly LocalisedText[]): LocalisedText => ({
  en: xs.map((x) => x.en).join('; '),
  'zh-Hant': xs.map((x) => x['zh-Hant']).join('；'),
});

/** The note of a disclosed row: the categories included (from the figure ids that disclose it) and the justified exclusions. */
export function scope3IncludedNote(bundle: Bundle, figureIds: readonly string[]): LocalisedText | undefined {
  const ids = new Set(figureIds.map((f) => parseFigureId(f)?.disaggregation.category).filter((c) => c));
  const included = SCOPE3_CATEGORIES.filter((c) => ids.has(c.id));
  if (included.length === 0) return undefined;
  const list = joinTexts(included.map(name));
  const out = justified(bundle, new Set(included.map((c) => c.id)));
  const excluded = out.length === 0 ? undefined : joinTexts(out);
  return {
    en: `Categories included: ${list.en}.${excluded ? ` Excluded after screening: ${excluded.en}.` : ''}`,
    'zh-Hant': `已計入的類別：${list['zh-Hant']}。${excluded ? `經篩選後未計入：${excluded['zh-Hant']}。` : ''}`,
  };
}

/** The explanation of an undisclosed provision from the screening's justifications; undefined when none is recorded. */
export function scope3ScreeningExplanation(bundle: Bundle, subject: string): Explanation | undefined {
  const out = justified(bundle, new Set());
  if (out.length === 0) return undefined;
  const list = joinTexts(out);
  return {
    subject,
    text: {
      en: `Scope 3 emissions are not included in this year's measure. Screening of the 15 categories of the GHG Protocol Scope 3 Standard: ${list.en}.`,
      'zh-Hant': `本年度的計量未計入範圍三排放。按《溫室氣體核算體系：企業價值鏈（範圍3）核算與報告標準》十五個類別的篩選結果：${list['zh-Hant']}。`,
    },
  };
}
