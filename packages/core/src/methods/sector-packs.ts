/**
 * Sector method packs as data (issue #24): which guideline an entity's Scope 1 follows, what it
 * covers, and what it does not. Chosen per entity in assay.yaml (`methods.sectorPacks`); an entity
 * not listed takes its nearest listed ancestor's pack, else `non-ferrous` (the behaviour before
 * packs existed). Fuel combustion outside a mass balance keeps the bundle's factor set
 * (`methods.ghg`: NDRC 2015-batch defaults or IPCC 2006).
 */
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
  },
};

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
