/**
 * Test vocabulary, the one way core tests build bundles: a small in-memory bundle in a few lines.
 *   bundle({ entities: [sub('smelter')], lines: [fuel('smelter', 'diesel', '100 t')] })
 *   bundle({ issuerType: 'gem', registers: { explanations: [explanation('hkex:A2.5', 'n/a')] } })
 * and figures at the group entity for tests that start after evaluation: fig('ghg.scope1', '1 tCO2e').
 */
import { type Figure, figureId } from '../calc/figure.js';
import { Decimal } from '../decimal.js';
import type { Bundle } from '../model/bundle.js';
import type { ActivityLine, ActivityType, DataPoint, FuelUse } from '../model/fact.js';
import { defaultMethods, type Methods } from '../model/methods.js';
import type { ConsolidationApproach, ControlType, Entity, IssuerType } from '../model/organisation.js';
import type { ReportingYear } from '../model/period.js';
import {
  type Explanation,
  emptyRegisters,
  type NarrativeSection,
  type Registers,
} from '../model/registers.js';
import type { LocalisedText } from '../model/text.js';
import { q } from '../units/quantity.js';

/** Localised text; the English defaults to the Chinese (ids as names in tests). */
export const text = (zhHant: string, en = zhHant): LocalisedText => ({ 'zh-Hant': zhHant, en });

const GROUP: Entity = {
  id: 'group',
  name: text('集團', 'Group'),
  kind: 'group',
  ownership: new Decimal(1),
  control: 'operational',
  status: 'operating',
  aliases: [],
  province: 'xinjiang',
  gridRegion: 'northwest',
};

export function sub(
  id: string,
  o: {
    name?: LocalisedText;
    ownership?: string;
    control?: ControlType;
    parent?: string;
    province?: string;
    region?: string;
  } = {},
): Entity {
  return {
    id,
    name: o.name ?? text(id),
    kind: 'subsidiary',
    parentId: o.parent ?? 'group',
    ownership: new Decimal(o.ownership ?? '1'),
    control: o.control ?? 'operational',
    status: 'operating',
    aliases: [],
    province: o.province ?? 'xinjiang',
    gridRegion: o.region ?? 'northwest',
  };
}

let seq = 0;
export function line(
  entityId: string,
  activity: ActivityType,
  subject: string,
  amount: string,
  extra: { use?: FuelUse; attributes?: Record<string, string>; period?: string } = {},
): ActivityLine {
  seq += 1;
  return {
    id: `l${seq}`,
    entityId,
    periodId: extra.period ?? '2025',
    activity,
    subject,
    ...(activity === 'fuel' ? { use: extra.use ?? 'combustion' } : {}),
    amount: q(amount),
    attributes: extra.attributes ?? {},
    source: 'test',
  };
}

export const fuel = (e: string, f: string, amount: string, use: FuelUse = 'combustion') =>
  line(e, 'fuel', f, amount, { use });

export function dp(
  entityId: string,
  indicatorId: string,
  amount: string,
  disaggregation: Record<string, string> = {},
  periodId = '2025',
): DataPoint {
  seq += 1;
  return {
    id: `d${seq}`,
    entityId,
    periodId,
    indicatorId,
    disaggregation,
    quantity: q(amount),
    source: 'test',
  };
}

/** A narrative section; title and body default to the id and "About <id>.". */
export const section = (id: string, title = text(id), body = text(`About ${id}.`)): NarrativeSection => ({
  id,
  title,
  body,
});

/** An explanation of an omission or a change: explanation('hkex:D.MT.GHG.e', 'Not yet measured.'). */
export const explanation = (subject: string, en: string): Explanation => ({ subject, text: text(en) });

/** A figure at the group entity: fig('ghg.scope1', '100 tCO2e'), fig('x', '5 person', { gender: 'male' }). */
export function fig(
  indicatorId: string,
  value: string,
  d: Record<string, string> = {},
  period = '2025',
): Figure {
  return {
    id: figureId(indicatorId, 'group', period, d),
    indicatorId,
    entityId: 'group',
    periodId: period,
    disaggregation: d,
    value: q(value),
    precision: 2,
  };
}

export type BundleOptions = {
  entities?: Entity[];
  lines?: ActivityLine[];
  data?: DataPoint[];
  methods?: Partial<Methods>;
  consolidation?: ConsolidationApproach;
  /** Names the organisation and its group entity alike (default 測試/Test and 集團/Group). */
  name?: LocalisedText;
  stockCode?: string;
  issuerType?: IssuerType;
  /** Default: 2025 with prior year 2024, the period dp() and line() default to. */
  reporting?: ReportingYear;
  /** Framework ids; default ["hkex"], as validation defaults a bundle without any. */
  frameworks?: readonly string[];
  /** Lists given replace the empty ones. */
  registers?: Partial<Registers>;
  narrative?: readonly NarrativeSection[];
};

export function bundle(o: BundleOptions = {}): Bundle {
  const consolidation = o.consolidation ?? 'operational-control';
  const group = o.name ? { ...GROUP, name: o.name } : GROUP;
  return {
    schemaVersion: 1,
    organisation: {
      id: 't',
      name: o.name ?? text('測試', 'Test'),
      ...(o.stockCode === undefined ? {} : { stockCode: o.stockCode }),
      issuerType: o.issuerType ?? 'main-board',
      consolidation,
      entities: [group, ...(o.entities ?? [])],
    },
    reporting: o.reporting ?? { current: '2025', prior: ['2024'] },
    methods: { ...defaultMethods, consolidation, ...o.methods },
    frameworks: { frameworks: o.frameworks ?? ['hkex'] },
    indicators: [],
    dataPoints: o.data ?? [],
    activityLines: o.lines ?? [],
    published: [],
    factors: [],
    registers: { ...emptyRegisters, ...o.registers },
    narrative: o.narrative ?? [],
  };
}
