/**
 * Sector method packs as data (issue #24): which guideline an entity's Scope 1 follows, what it
 * covers, and what it does not. Chosen per entity in assay.yaml (`methods.sectorPacks`); an entity
 * not listed takes its nearest listed ancestor's pack, else `non-ferrous` (the behaviour before
 * packs existed). Fuel combustion outside a mass balance keeps the bundle's factor set
 * (`methods.ghg`: NDRC 2015-batch defaults or IPCC 2006).
 */
import type { ActivityType } from '../model/fact.js';
import type { Methods, SectorPackId } from '../model/methods.js';
import type { Organisation } from '../model/organisation.js';
import type { LocalisedText } from '../model/text.js';

const t = (zh: string, en: string): LocalisedText => ({ 'zh-Hant': zh, en });

export type SectorPack = {
  readonly id: SectorPackId;
  /** The guideline as a report names it. */
  readonly guideline: LocalisedText;
  /** Short name for method notes on figures (English, as every method note). */
  readonly note: string;
  /**
   * Fuels that are by-products of the pack's own process: burned on site they are recorded, not
   * counted (their carbon is inside the balance, at the coke it came from; GB/T 2589 does not count
   * recovered energy twice). Exported, they are a carbon output of the balance.
   */
  readonly byProductFuels: readonly string[];
  /** Whether `carbon-balance` lines are the pack's Scope 1 method. */
  readonly carbonBalance: boolean;
  /**
   * Activity types only this pack calculates (methods/sector-lines.ts): a line of one in an entity
   * following another pack makes its figure an error naming the setting to add.
   */
  readonly activities: readonly ActivityType[];
  /** How the method note names the bundle's factor set for fuel combustion beside the pack. */
  readonly fuelsLabel: string;
  /** Fuels the pack names: IPCC 2006 Tier 1 must have NCV, CO2 EF and oxidation for each (tested). */
  readonly fuels: readonly string[];
  /**
   * The pack's own factor for purchased electricity, replacing the MEE/NBS grid factor in both
   * Scope 2 figures (a Hong Kong building is not on a mainland grid); absent: the grid factor.
   */
  readonly electricityFactor?: {
    readonly kind: string;
    readonly method: string;
    readonly keys: Readonly<Record<string, string>>;
    readonly label: string;
  };
};

export const SECTOR_PACKS: { readonly [K in SectorPackId]: SectorPack } = {
  'non-ferrous': {
    id: 'non-ferrous',
    guideline: t(
      '國家發展和改革委員會發佈的有色金屬冶煉企業溫室氣體排放核算方法與報告指南（2015）',
      'NDRC accounting and reporting guideline for GHG emissions of non-ferrous metal smelters (2015)',
    ),
    note: 'NDRC non-ferrous smelting guideline (2015)',
    byProductFuels: [],
    carbonBalance: false,
    activities: [],
    fuelsLabel: 'fuel combustion',
    fuels: ['anthracite', 'bituminous-coal', 'coke', 'diesel', 'gasoline', 'fuel-oil', 'lpg', 'natural-gas'],
  },
  'iron-steel': {
    id: 'iron-steel',
    // The guideline's text and tables were not read in this work (none is in the shared
    // reference): the pack implements its carbon mass balance with every carbon content a stated
    // input of the bundle, never a default of ours (docs/methods.md, "Iron and steel").
    guideline: t(
      '中國鋼鐵生產企業溫室氣體排放核算方法與報告指南（試行）：碳質量平衡法',
      'Chinese iron and steel enterprise GHG accounting guideline (trial): carbon mass balance',
    ),
    note: 'iron and steel guideline, carbon mass balance',
    byProductFuels: ['blast-furnace-gas', 'converter-gas'],
    carbonBalance: true,
    activities: ['carbon-balance'],
    fuelsLabel: 'fuels outside it',
    fuels: [
      'coke',
      'bituminous-coal',
      'anthracite',
      'coke-oven-gas',
      'blast-furnace-gas',
      'converter-gas',
      'diesel',
    ],
  },
  'coal-mining': {
    id: 'coal-mining',
    // The NDRC coal-production guideline's own tables were not read in this work: the pack applies
    // the IPCC 2006 Tier 1 method, whose factors are in the library with their statuses.
    guideline: t(
      '煤炭開採逸散甲烷：《2006年IPCC國家溫室氣體清單指南》第二卷第四章第一層級方法',
      'coal mining fugitive methane: IPCC 2006 Guidelines, Vol. 2 Ch. 4, Tier 1',
    ),
    note: 'coal mining, fugitive CH4 by IPCC 2006 Vol. 2 Ch. 4 Tier 1',
    byProductFuels: [],
    carbonBalance: false,
    activities: ['coal-mined'],
    fuelsLabel: 'fuel combustion',
    fuels: ['raw-coal', 'diesel', 'gasoline'],
  },
  cement: {
    id: 'cement',
    guideline: t(
      '水泥及石灰：熟料煅燒排放按《2006年IPCC國家溫室氣體清單指南》第三卷第二章（以熟料產量計）',
      'cement and lime: clinker calcination by IPCC 2006 Guidelines, Vol. 3 Ch. 2 (clinker-based)',
    ),
    note: 'cement and lime, clinker calcination by IPCC 2006 Vol. 3 Ch. 2',
    byProductFuels: [],
    carbonBalance: false,
    activities: ['clinker'],
    fuelsLabel: 'fuel combustion',
    fuels: ['raw-coal', 'bituminous-coal', 'petroleum-coke', 'diesel', 'natural-gas'],
  },
  'power-heat': {
    id: 'power-heat',
    // Fuel combustion with the bundle's factor set and desulfurisation carbonates as carbonate
    // lines; the guideline's own default table was not read, so none of its values is used.
    guideline: t(
      '中國發電企業溫室氣體排放核算方法與報告指南（試行）：化石燃料燃燒及脫硫過程',
      'Chinese power generation enterprise GHG accounting guideline (trial): fuel combustion and desulfurisation',
    ),
    note: 'power and heat generation guideline (combustion and desulfurisation)',
    byProductFuels: [],
    carbonBalance: false,
    activities: [],
    fuelsLabel: 'fuel combustion',
    fuels: [
      'raw-coal',
      'bituminous-coal',
      'natural-gas',
      'fuel-oil',
      'diesel',
      'blast-furnace-gas',
      'coke-oven-gas',
    ],
  },
  general: {
    id: 'general',
    guideline: t(
      '《工業企業溫室氣體排放核算和報告通則》（GB/T 32150-2015）',
      'GB/T 32150-2015 general guideline for GHG accounting and reporting of industrial enterprises',
    ),
    note: 'GB/T 32150-2015 general industrial guideline',
    byProductFuels: [],
    carbonBalance: false,
    activities: [],
    fuelsLabel: 'fuel combustion',
    fuels: ['raw-coal', 'diesel', 'gasoline', 'natural-gas', 'lpg', 'fuel-oil'],
  },
  'hk-building': {
    id: 'hk-building',
    // Scope 1 by the bundle's factor set; Scope 2 electricity at the Guidelines' territory-wide
    // default (CORROBORATED, sector-packs.json). Towngas has no factor in the library.
    guideline: t(
      '環境保護署及機電工程署《香港建築物（商業、住宅或公共用途）的溫室氣體排放及減除的核算和報告指引》',
      'EPD and EMSD Guidelines to Account for and Report on GHG Emissions and Removals for Buildings in Hong Kong',
    ),
    note: 'Hong Kong building guidelines (EPD/EMSD), purchased electricity at the territory-wide default',
    byProductFuels: [],
    carbonBalance: false,
    activities: [],
    fuelsLabel: 'fuel combustion',
    fuels: ['diesel', 'gasoline', 'lpg'],
    electricityFactor: {
      kind: 'electricity-ef',
      method: 'hk-epd-emsd',
      keys: { territory: 'hong-kong' },
      label: 'Hong Kong territory-wide default for purchased electricity',
    },
  },
};

/** The pack that calculates an activity type, if only one does (coal-mined → coal-mining…). */
export function packForActivity(activity: ActivityType): SectorPackId | undefined {
  return (Object.keys(SECTOR_PACKS) as SectorPackId[]).find((p) =>
    SECTOR_PACKS[p].activities.includes(activity),
  );
}

/** The pack an entity follows: its own, else its nearest listed ancestor's, else non-ferrous. */
export function packOf(methods: Methods, org: Organisation, entityId: string): SectorPackId {
  if (!methods.sectorPacks) return 'non-ferrous'; // no packs chosen: nothing to walk
  const byId = new Map(org.entities.map((e) => [e.id, e]));
  const seen = new Set<string>();
  for (
    let id: string | undefined = entityId;
    id !== undefined && !seen.has(id);
    id = byId.get(id)?.parentId
  ) {
    seen.add(id);
    const pack = methods.sectorPacks?.[id];
    if (pack !== undefined) return pack;
  }
  return 'non-ferrous';
}

/** The packs the entities with activity lines follow, each with those entities, in pack order. */
export function packsInUse(
  methods: Methods,
  org: Organisation,
  entityIds: Iterable<string>,
): { pack: SectorPack; entities: string[] }[] {
  const by = new Map<SectorPackId, string[]>();
  for (const id of new Set(entityIds)) {
    const p = packOf(methods, org, id);
    by.set(p, [...(by.get(p) ?? []), id]);
  }
  return (Object.keys(SECTOR_PACKS) as SectorPackId[])
    .filter((p) => by.has(p))
    .map((p) => ({ pack: SECTOR_PACKS[p], entities: (by.get(p) ?? []).sort() }));
}
