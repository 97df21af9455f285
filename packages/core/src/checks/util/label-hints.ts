/**
 * What printed labels say about units, as data. Used to read a printed unit the way its label
 * implies when the printed unit is wrong or non-standard, and to notice an energy label printed
 * with an emissions unit (or the reverse).
 */

/** Rewrites applied in order to a printed unit label that does not parse as printed. */
export const UNIT_LABEL_REWRITES: readonly (readonly [RegExp, string])[] = [
  [/（[^）]*）|\([^)]*\)/g, ''], // qualifiers in brackets: "噸處理量（鎳）"
  [/每?百萬(?:元)?(?:營收|營業收入)/g, '百萬元'], // "每百萬營收" → per CNY million
  [/每?萬元(?:營收|營業收入)/g, '萬元'],
  [/噸(?:礦石)?處理量/g, '噸'], // per tonne (of ore) processed
  [/\/\s*每/g, '/'],
  [/^萬(?=\S)/, '10000 '], // "萬m³", "萬張": 10⁴ of the rest (NFKC folds ⁴ to 4, and the parser reads "10^4 x" as 10 × "^4 x")
  [/立方$/, '立方米'],
  [/^時$/, '小時'],
  [/^場$/, '次'], // sessions
];

/** Words in a label that name the denominator of an intensity, with the unit they imply. */
export const DENOMINATOR_HINTS: readonly { readonly pattern: RegExp; readonly unit: string }[] = [
  {
    pattern: /百萬(?:元)?(?:營收|營業收入)|每百萬元|per (?:cny |rmb )?million|million (?:cny|rmb)/i,
    unit: 'CNY million',
  },
  { pattern: /每萬元|萬元(?:營收|營業收入)/, unit: 'CNY 10⁴' },
  { pattern: /每億元|億元(?:營收|營業收入)/, unit: 'CNY 10⁸' },
];

/** Words that say what a figure measures; a label matching one family but not the other is decisive. */
export const LABEL_DIMENSION_HINTS: readonly {
  readonly dimension: 'energy' | 'co2e';
  readonly pattern: RegExp;
}[] = [
  { dimension: 'energy', pattern: /能源|能耗|耗能|用電量|電力消耗|energy/i },
  { dimension: 'co2e', pattern: /排放|溫室氣體|碳足跡|emission|ghg|greenhouse/i },
];
