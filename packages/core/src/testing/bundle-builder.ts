/**
 * Test vocabulary: build a small in-memory bundle in a few lines.
 *   bundle({ entities: [sub('smelter')], lines: [fuel('smelter', 'diesel', '100 t')] })
 */
import { Decimal } from '../decimal.js';
import type { Bundle } from '../model/bundle.js';
import type { ActivityLine, ActivityType, DataPoint, FuelUse } from '../model/fact.js';
import { defaultMethods, type Methods } from '../model/methods.js';
import type { ConsolidationApproach, ControlType, Entity } from '../model/organisation.js';
import { emptyRegisters } from '../model/registers.js';
import { q } from '../units/quantity.js';

const GROUP: Entity = {
  id: 'group',
  name: { 'zh-Hant': '集團', en: 'Group' },
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
  o: { ownership?: string; control?: ControlType; parent?: string; province?: string; region?: string } = {},
): Entity {
  return {
    id,
    name: { 'zh-Hant': id, en: id },
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

export function bundle(o: {
  entities?: Entity[];
  lines?: ActivityLine[];
  data?: DataPoint[];
  methods?: Partial<Methods>;
  consolidation?: ConsolidationApproach;
}): Bundle {
  const consolidation = o.consolidation ?? 'operational-control';
  return {
    schemaVersion: 1,
    organisation: {
      id: 't',
      name: { 'zh-Hant': '測試', en: 'Test' },
      issuerType: 'main-board',
      consolidation,
      entities: [GROUP, ...(o.entities ?? [])],
    },
    reporting: { current: '2025', prior: ['2024'] },
    methods: { ...defaultMethods, consolidation, ...o.methods },
    frameworks: { frameworks: ['hkex'] },
    indicators: [],
    dataPoints: o.data ?? [],
    activityLines: o.lines ?? [],
    published: [],
    factors: [],
    registers: emptyRegisters,
    narrative: [],
  };
}
