/**
 * Method choices a group makes for a reporting year. Each choice is recorded on the figures it
 * affects and shown in lineage (HKEX Part B "Quantitative" principle).
 */
import type { ConsolidationApproach } from './organisation.js';
import type { LocalisedText } from './text.js';

export type GhgMethod = 'ndrc-nf-2015' | 'ipcc-2006';
export type GridLevel = 'provincial' | 'regional' | 'national';
/** MEE/NBS calibres: all-generation average; excluding market-traded non-fossil; fossil only; ETS administrative. */
export type GridCalibre = 'average' | 'excl-market-nonfossil' | 'fossil' | 'ets-admin';
/** GB/T 2589 electricity to tce: equivalent value (当量值, 0.1229 kgce/kWh) or equal value (等价值). */
export type ElectricityTceBasis = 'equivalent' | 'equal';
/**
 * Sector method packs (methods/sector-packs.ts), chosen per entity: the NDRC non-ferrous smelting
 * guideline (the default, as before packs existed), the iron-and-steel carbon mass balance, coal
 * mining (fugitive methane), cement and lime (clinker), power and heat generation, and the general
 * industrial guideline GB/T 32150, and Hong Kong offices and properties (EPD/EMSD building guidelines).
 */
export const SECTOR_PACK_IDS = [
  'non-ferrous',
  'iron-steel',
  'coal-mining',
  'cement',
  'power-heat',
  'general',
  'hk-building',
] as const;
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
  readonly scope3?: {
    readonly factorSets: Readonly<Record<string, string>>;
    /** The screening of the 15 categories (methods/scope3/screening.ts); absent: no screening recorded. */
    readonly screening?: Scope3ScreeningSettings;
  };
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

/**
 * The criteria of relevance the GHG Protocol Scope 3 Standard (2011) lists for identifying
 * relevant categories (its Table 6.1, named here in our own words): size, influence, risk,
 * stakeholders, outsourcing, sector guidance, other.
 */
export const SCOPE3_CRITERIA = [
  'size',
  'influence',
  'risk',
  'stakeholders',
  'outsourcing',
  'sector-guidance',
  'other',
] as const;
export type Scope3Criterion = (typeof SCOPE3_CRITERIA)[number];

/** assay.yaml methods.scope3.screening (docs/methods.md, "Scope 3 screening"). */
export type Scope3ScreeningSettings = {
  /** Per cent, exact decimal text ("5"): a category screened at this share of the screened total or more is relevant by size. */
  readonly thresholdPercent: string;
  /** Categories relevant by the Standard's other criteria, each with the criteria that apply. */
  readonly relevant?: Readonly<Record<string, readonly Scope3Criterion[]>>;
  /** Why a category is left out of the inventory, in both report languages (the content index's explanation). */
  readonly excluded?: Readonly<Record<string, LocalisedText>>;
};
