/**
 * What each register's form and list show (docs/registers.md): its fields with their kind, the
 * list's columns, the status filter's options and the figures' precision. A field's `key` is
 * its path in the row ("name.en", "verified.tce"); form state uses `formKey` (react-hook-form
 * would read dots as nesting).
 */
import type { Register, RegisterRow } from '../../api-registers';

/**
 * 'whole': a whole number (sent as a number); 'list': items separated by ";" (sent as a list;
 * 'entities' the same, of entity ids); 'flag': yes or empty (sent as true or left out).
 */
export type FieldKind =
  | 'id'
  | 'text'
  | 'date'
  | 'entity'
  | 'decimal'
  | 'whole'
  | 'list'
  | 'entities'
  | { options: readonly string[] };
export type Field = { readonly key: string; readonly kind: FieldKind; readonly required?: boolean };

const f = (key: string, kind: FieldKind, required = false): Field => ({ key, kind, required });
const localised = (key: string, required = true): Field[] => [
  f(`${key}.en`, 'text', required),
  f(`${key}.zh-Hant`, 'text', required),
];
const savings = (key: string): Field[] => ['tce', 'MWh', 'tCO2e'].map((u) => f(`${key}.${u}`, 'decimal'));

export const SUPPLIER_STATUSES = ['approved', 'suspended', 'blacklisted'] as const;
export const HAZARD_STATES = ['open', 'rectified', 'overdue'] as const;
export const PROJECT_STATUSES = ['planned', 'in-progress', 'completed', 'cancelled'] as const;
/** Certificate states on the day (core bundle/certification-expiry.ts). */
export const CERTIFICATE_STATES = ['valid', 'expiring', 'expired', 'no-expiry'] as const;
export const CERTIFICATION_STANDARDS = [
  'iso-14001',
  'iso-45001',
  'iso-50001',
  'iso-9001',
  'green-factory',
] as const;
export const TAILINGS_STATUSES = ['active', 'inactive', 'closed'] as const;
/** GISTM 2020 classes, or China's tailings pond grades (GB 50863): core model/site-registers.ts. */
export const TAILINGS_CONSEQUENCE_CLASSES = [
  'gistm-low',
  'gistm-significant',
  'gistm-high',
  'gistm-very-high',
  'gistm-extreme',
  'cn-class-1',
  'cn-class-2',
  'cn-class-3',
  'cn-class-4',
  'cn-class-5',
] as const;

/** The climate register's enumerations (core model/climate-register.ts, supplier-practices.ts). */
export const CLIMATE_RISK_KINDS = [
  'physical-acute',
  'physical-chronic',
  'transition-policy',
  'transition-technology',
  'transition-market',
  'transition-reputation',
  'opportunity',
] as const;
export const PHYSICAL_HAZARDS = [
  'flood',
  'extreme-heat',
  'cold-wave',
  'storm-wind',
  'dust-storm',
  'wildfire',
  'landslide',
  'drought',
  'water-stress',
  'rising-temperature',
  'precipitation-change',
  'sea-level-rise',
] as const;
export const CLIMATE_SCALE_AXES = ['horizon', 'likelihood', 'impact', 'hazard-score'] as const;
export const SUPPLIER_PRACTICE_PROVISIONS = ['B5.2', 'B5.3', 'B5.4'] as const;

export const FIELDS: Readonly<Record<Register, readonly Field[]>> = {
  suppliers: [
    f('id', 'id', true),
    ...localised('name'),
    f('creditCode', 'text', true),
    f('entityId', 'entity', true),
    f('region', 'text', true),
    f('category', 'text', true),
    f('esgResult', { options: ['pass', 'conditional', 'fail'] }),
    f('esgAssessedOn', 'date'),
    f('status', { options: SUPPLIER_STATUSES }, true),
  ],
  hazards: [
    f('id', 'id', true),
    f('foundOn', 'date', true),
    f('entityId', 'entity', true),
    f('grade', { options: ['general', 'major'] }, true),
    ...localised('description'),
    f('owner', 'text', true),
    f('dueOn', 'date', true),
    f('rectifiedOn', 'date'),
    f('evidence', 'text'),
  ],
  projects: [
    f('id', 'id', true),
    ...localised('name'),
    f('entityId', 'entity', true),
    ...localised('measure'),
    f('status', { options: PROJECT_STATUSES }, true),
    ...savings('estimated'),
    ...savings('verified'),
  ],
  certifications: [
    f('id', 'id', true),
    f('standard', { options: CERTIFICATION_STANDARDS }, true),
    f('entityId', 'entity', true),
    ...localised('scope'),
    f('issuer', 'text', true),
    f('certificateNumber', 'text', true),
    f('issuedOn', 'date', true),
    // required but for a green factory designation (the server names the field when missing)
    f('expiresOn', 'date'),
    f('source', 'text'),
  ],
  'tailings-facilities': [
    f('id', 'id', true),
    ...localised('name'),
    f('entityId', 'entity', true),
    f('status', { options: TAILINGS_STATUSES }, true),
    f('consequence', { options: TAILINGS_CONSEQUENCE_CLASSES }, true),
    ...localised('monitoring'),
    ...localised('emergencyPlan'),
    ...localised('closurePlan'),
    f('source', 'text'),
  ],
  'climate-risks': [
    f('id', 'id', true),
    f('kind', { options: CLIMATE_RISK_KINDS }, true),
    f('hazard', { options: PHYSICAL_HAZARDS }),
    ...localised('name'),
    ...localised('description'),
    f('horizon', { options: ['short', 'medium', 'long'] }, true),
    f('likelihood', 'text'),
    f('impact', 'text'),
    f('entityIds', 'entities'),
    ...localised('financialEffect'),
    f('financialAmount.value', 'decimal'),
    f('financialAmount.currency', 'text'),
    ...localised('response'),
    f('scenarios', 'list'),
    f('owner', 'text'),
    f('source', 'text'),
  ],
  'climate-scales': [
    f('id', 'id', true),
    f('axis', { options: CLIMATE_SCALE_AXES }, true),
    ...localised('name'),
    ...localised('description', false),
    f('rank', 'whole'),
    f('fromYears', 'whole'),
    f('toYears', 'whole'),
    f('needsRisk', { options: ['yes'] }),
  ],
  'hazard-screening': [
    f('id', 'id', true),
    f('entityId', 'entity', true),
    f('hazard', { options: PHYSICAL_HAZARDS }, true),
    f('score', 'whole', true),
    f('scenario', 'text'),
    f('source', 'text'),
  ],
  'supplier-practices': [
    f('id', 'id', true),
    f('provision', { options: SUPPLIER_PRACTICE_PROVISIONS }, true),
    ...localised('text'),
    f('source', 'text'),
  ],
};

/** The status filter's options (for hazards: the state as of 31 December of the reporting year). */
export const STATUS_FILTER: Readonly<Record<Register, readonly string[]>> = {
  suppliers: SUPPLIER_STATUSES,
  hazards: HAZARD_STATES,
  projects: PROJECT_STATUSES,
  certifications: CERTIFICATE_STATES,
  'tailings-facilities': TAILINGS_STATUSES,
  // the climate registers filter by another field (api-registers.ts CLIMATE_FILTER)
  'climate-risks': CLIMATE_RISK_KINDS,
  'climate-scales': CLIMATE_SCALE_AXES,
  'hazard-screening': PHYSICAL_HAZARDS,
  'supplier-practices': SUPPLIER_PRACTICE_PROVISIONS,
};

/** Printed places of each derived indicator (core catalogue/registers.ts). */
export const FIGURE_PLACES: Readonly<Record<string, number>> = {
  'suppliers.registered': 0,
  'suppliers.assessed': 0,
  'hazards.found': 0,
  'hazards.rectified': 0,
  'hazards.overdue': 0,
  'hazards.rectification-rate': 1,
  'projects.count': 0,
  'projects.completed': 0,
  'projects.completion-rate': 1,
  'projects.saved.energy': 2,
  'projects.saved.electricity': 2,
  'projects.saved.emissions': 2,
};

export const formKey = (key: string) => key.replace(/\./g, '__');

/** The text at a path of a row ("" when absent; a list as "a; b", a number as written, true as "yes"). */
export function valueAt(row: RegisterRow | undefined, key: string): string {
  let v: unknown = row;
  for (const p of key.split('.'))
    v = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[p] : undefined;
  if (Array.isArray(v)) return v.join('; ');
  if (typeof v === 'number') return String(v);
  if (v === true) return 'yes';
  return typeof v === 'string' ? v : '';
}

/** A form text as the field's kind sends it: numbers, lists and flags typed; the rest as text. */
function typed(kind: FieldKind, v: string): unknown {
  if (kind === 'whole') return /^\d+$/.test(v) ? Number(v) : v;
  if (kind === 'list' || kind === 'entities')
    return v
      .split(';')
      .map((x) => x.trim())
      .filter((x) => x !== '');
  if (typeof kind === 'object' && kind.options.length === 1 && kind.options[0] === 'yes') return v === 'yes';
  return v;
}

/** Form values → a row: empty fields left out, paths nested; the demonstration mark kept. */
export function rowOf(register: Register, values: Record<string, string>, keep?: RegisterRow): RegisterRow {
  const out: Record<string, unknown> = {};
  for (const field of FIELDS[register]) {
    const v = (values[formKey(field.key)] ?? '').trim();
    if (v === '') continue;
    const parts = field.key.split('.');
    let at = out;
    for (const p of parts.slice(0, -1)) {
      at[p] = (at[p] as Record<string, unknown> | undefined) ?? {};
      at = at[p] as Record<string, unknown>;
    }
    at[parts[parts.length - 1] as string] = typed(field.kind, v);
  }
  // every required localised text present with both languages (an empty one is named by the
  // server); an optional one only when either language is given
  for (const x of FIELDS[register])
    if (
      x.key.endsWith('.en') &&
      (x.required || out[x.key.slice(0, -3).split('.')[0] as string] !== undefined)
    ) {
      const t = x.key.slice(0, -3);
      if (t.includes('.')) continue;
      out[t] = { en: '', 'zh-Hant': '', ...(out[t] as object) };
    }
  if (keep?.isDemonstration) out.isDemonstration = true;
  return out as RegisterRow;
}

/**
 * Names of common region and category ids in both languages (regions: provinces of mainland China
 * and beyond). An id without a name here is shown as it is.
 */
export const TERMS: Readonly<Record<string, { en: string; 'zh-Hant': string }>> = {
  xinjiang: { en: 'Xinjiang', 'zh-Hant': '新疆' },
  jiangsu: { en: 'Jiangsu', 'zh-Hant': '江蘇' },
  shaanxi: { en: 'Shaanxi', 'zh-Hant': '陝西' },
  shanxi: { en: 'Shanxi', 'zh-Hant': '山西' },
  anhui: { en: 'Anhui', 'zh-Hant': '安徽' },
  liaoning: { en: 'Liaoning', 'zh-Hant': '遼寧' },
  sichuan: { en: 'Sichuan', 'zh-Hant': '四川' },
  gansu: { en: 'Gansu', 'zh-Hant': '甘肅' },
  qinghai: { en: 'Qinghai', 'zh-Hant': '青海' },
  ningxia: { en: 'Ningxia', 'zh-Hant': '寧夏' },
  'inner-mongolia': { en: 'Inner Mongolia', 'zh-Hant': '內蒙古' },
  beijing: { en: 'Beijing', 'zh-Hant': '北京' },
  tianjin: { en: 'Tianjin', 'zh-Hant': '天津' },
  shanghai: { en: 'Shanghai', 'zh-Hant': '上海' },
  chongqing: { en: 'Chongqing', 'zh-Hant': '重慶' },
  hebei: { en: 'Hebei', 'zh-Hant': '河北' },
  henan: { en: 'Henan', 'zh-Hant': '河南' },
  hubei: { en: 'Hubei', 'zh-Hant': '湖北' },
  hunan: { en: 'Hunan', 'zh-Hant': '湖南' },
  shandong: { en: 'Shandong', 'zh-Hant': '山東' },
  zhejiang: { en: 'Zhejiang', 'zh-Hant': '浙江' },
  fujian: { en: 'Fujian', 'zh-Hant': '福建' },
  jiangxi: { en: 'Jiangxi', 'zh-Hant': '江西' },
  guangdong: { en: 'Guangdong', 'zh-Hant': '廣東' },
  guangxi: { en: 'Guangxi', 'zh-Hant': '廣西' },
  hainan: { en: 'Hainan', 'zh-Hant': '海南' },
  yunnan: { en: 'Yunnan', 'zh-Hant': '雲南' },
  guizhou: { en: 'Guizhou', 'zh-Hant': '貴州' },
  jilin: { en: 'Jilin', 'zh-Hant': '吉林' },
  heilongjiang: { en: 'Heilongjiang', 'zh-Hant': '黑龍江' },
  tibet: { en: 'Tibet', 'zh-Hant': '西藏' },
  'hong-kong': { en: 'Hong Kong', 'zh-Hant': '香港' },
  overseas: { en: 'Outside mainland China', 'zh-Hant': '境外' },
  'raw-materials': { en: 'Raw materials', 'zh-Hant': '原材料' },
  reagents: { en: 'Reagents', 'zh-Hant': '化工試劑' },
  equipment: { en: 'Equipment', 'zh-Hant': '設備' },
  logistics: { en: 'Logistics', 'zh-Hant': '物流運輸' },
  explosives: { en: 'Blasting supplies', 'zh-Hant': '民爆器材' },
  services: { en: 'Services', 'zh-Hant': '服務' },
  energy: { en: 'Energy', 'zh-Hant': '能源' },
  construction: { en: 'Construction', 'zh-Hant': '工程建設' },
};
