/**
 * Dimensions as exponent vectors over base dimensions. CO2e mass is its own base dimension,
 * distinct from mass, so that "tonnes" of coal and "tonnes CO2e" never add up silently.
 * Base unit of each base dimension (scale 1): mass t, energy GJ, volume m³, co2e tCO2e,
 * carbon tC (carbon content of fuels, tC/GJ), currency CNY, hkd HKD (Hong Kong dollars, not
 * convertible to CNY without a dated rate), usd USD (likewise), count 1 (persons, items), time h,
 * area m², length m, freight t·km (tonne-kilometres moved) and passenger-travel passenger·km:
 * freight and travel are their own dimensions because a mode's factor is per t·km or per
 * passenger·km, which no mass or length alone converts to (Scope 3 distance-based transport).
 */
export const BASE_DIMENSIONS = [
  'mass',
  'energy',
  'volume',
  'co2e',
  'carbon',
  'currency',
  'hkd',
  'usd',
  'count',
  'time',
  'area',
  'length',
  'freight',
  'passenger-travel',
] as const;
export type BaseDimension = (typeof BASE_DIMENSIONS)[number];
export type DimensionVector = Readonly<Partial<Record<BaseDimension, number>>>;

/** Canonical text of a dimension vector: "co2e/currency", "energy", "ratio" for dimensionless. */
export function dimensionKey(dims: DimensionVector): string {
  const num: string[] = [];
  const den: string[] = [];
  for (const d of BASE_DIMENSIONS) {
    const e = dims[d] ?? 0;
    if (e > 0) num.push(e === 1 ? d : `${d}^${e}`);
    if (e < 0) den.push(e === -1 ? d : `${d}^${-e}`);
  }
  if (num.length === 0 && den.length === 0) return 'ratio';
  const n = num.length === 0 ? '1' : num.join('*');
  return den.length === 0 ? n : `${n}/${den.join('*')}`;
}

export function combineDimensions(a: DimensionVector, b: DimensionVector, sign: 1 | -1): DimensionVector {
  const out: Partial<Record<BaseDimension, number>> = {};
  for (const d of BASE_DIMENSIONS) {
    const e = (a[d] ?? 0) + sign * (b[d] ?? 0);
    if (e !== 0) out[d] = e;
  }
  return out;
}

export function sameDimensions(a: DimensionVector, b: DimensionVector): boolean {
  return dimensionKey(a) === dimensionKey(b);
}

/** Chinese names of the base dimensions and "ratio", for the zh-Hant text of findings (issue #19). */
const DIMENSION_ZH: Readonly<Record<string, string>> = {
  mass: '質量',
  energy: '能量',
  volume: '體積',
  co2e: '二氧化碳當量',
  carbon: '碳',
  currency: '人民幣',
  hkd: '港元',
  usd: '美元',
  count: '數目',
  time: '時間',
  area: '面積',
  length: '長度',
  freight: '貨運量',
  'passenger-travel': '客運量',
  ratio: '比率',
};

/** A dimension key in Chinese, part by part: "co2e/currency" → "二氧化碳當量/人民幣". */
export function dimensionLabelZh(key: string): string {
  return key
    .split('/')
    .map((part) =>
      part
        .split('*')
        .map((d) => {
          const [base = '', exp] = d.split('^');
          return `${DIMENSION_ZH[base] ?? base}${exp ? `^${exp}` : ''}`;
        })
        .join('·'),
    )
    .join('/');
}
