/**
 * Method choices a group makes for a reporting year. Each choice is recorded on the figures it
 * affects and shown in lineage (HKEX Part B "Quantitative" principle).
 */
import type { ConsolidationApproach } from './organisation.js';

export type GhgMethod = 'ndrc-nf-2015' | 'ipcc-2006';
export type GridLevel = 'provincial' | 'regional' | 'national';
/** MEE/NBS calibres: all-generation average; excluding market-traded non-fossil; fossil only; ETS administrative. */
export type GridCalibre = 'average' | 'excl-market-nonfossil' | 'fossil' | 'ets-admin';
/** GB/T 2589 electricity to tce: equivalent value (当量值, 0.1229 kgce/kWh) or equal value (等价值). */
export type ElectricityTceBasis = 'equivalent' | 'equal';
/**
 * Sector method packs (methods/sector-packs.ts), chosen per entity: the NDRC non-ferrous smelting
 * guideline (the default, as before packs existed) or the iron-and-steel carbon mass balance.
 */
export const SECTOR_PACK_IDS = ['non-ferrous', 'iron-steel'] as const;
export type SectorPackId = (typeof SECTOR_PACK_IDS)[number];

export type Methods = {
  readonly ghg: GhgMethod;
  readonly gridFactor: { readonly vintage: number; readonly level: GridLevel; readonly calibre: GridCalibre };
  readonly electricityTce: ElectricityTceBasis;
  readonly consolidation: ConsolidationApproach;
  /**
   * Scope 3: the factor set (a factor record's `method`, e.g. from factors.csv) chosen per
   * category ("cat-1" → "my-eeio-2024"); a line's attribute `factor-set` overrides it.
   */
  readonly scope3?: { readonly factorSets: Readonly<Record<string, string>> };
  /**
   * Sector pack per entity id ("iron-works" → "iron-steel"); an entity not listed takes its
   * nearest listed ancestor's, else "non-ferrous" (methods/sector-packs.ts packOf).
   */
  readonly sectorPacks?: Readonly<Record<string, SectorPackId>>;
};

export const defaultMethods: Methods = {
  ghg: 'ndrc-nf-2015',
  gridFactor: { vintage: 2023, level: 'provincial', calibre: 'average' },
  electricityTce: 'equivalent',
  consolidation: 'operational-control',
};
