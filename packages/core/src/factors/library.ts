/**
 * The standard factor library: versioned data in ./data/*.json, one file per family, each value
 * with its document, vintage, calibre and status as shared/reference/factors.json and
 * domain-reference.md give them. Code here only loads and merges; it holds no values.
 */

import gbt2589 from './data/gb-t-2589-2020.json' with { type: 'json' };
import gec from './data/gec.json' with { type: 'json' };
import ipcc2006 from './data/ipcc-2006.json' with { type: 'json' };
import grid from './data/mee-nbs-grid.json' with { type: 'json' };
import ndrc from './data/ndrc-nf-2015.json' with { type: 'json' };
// Scope 3 (issue #21): two well-to-tank factors of the UK 2025 conversion factors, UNVERIFIED (third-party quotation)
import scope3UkDesnz from './data/scope3-uk-desnz-2025.json' with { type: 'json' };
// sector packs (issue #24): IPCC 2006 coal-mine methane, clinker, raw coal, LNG, converter gas; AR5 GWP of CH4
import sectorPacks from './data/sector-packs.json' with { type: 'json' };
import stoichiometric from './data/stoichiometric.json' with { type: 'json' };
import type { FactorRecord } from './factor.js';

type FactorFile = { readonly version: string; readonly records: readonly FactorRecord[] };

/** JSON imports widen `status` to string; the library test checks every status is a FactorStatus. */
const FILES = [
  ndrc,
  ipcc2006,
  grid,
  gbt2589,
  stoichiometric,
  gec,
  sectorPacks,
  scope3UkDesnz,
] as readonly FactorFile[];

/** Version of the bundled data; every file carries the same one (tested). */
export const factorLibraryVersion: string = FILES[0]?.version ?? '';

/** Per-file versions, for the consistency test and for lineage. */
export const factorFileVersions: readonly string[] = FILES.map((f) => f.version);

/** Frozen, records and keys included: the library is shared by every caller. */
const LIBRARY: readonly FactorRecord[] = Object.freeze(
  FILES.flatMap((f) => f.records).map((r) => Object.freeze({ ...r, keys: Object.freeze({ ...r.keys }) })),
);

/** The standard library, in file order (NDRC, IPCC, grid, GB/T 2589, stoichiometric, GEC, sector packs). */
export function factorLibrary(): readonly FactorRecord[] {
  return LIBRARY;
}

/**
 * A bundle's factors (factors.csv) over a library: a factor whose id is in the library replaces
 * it in place; a new id is added at the end, so on a tie selectFactor prefers the bundle's.
 */
export function withOverrides(
  library: readonly FactorRecord[],
  bundleFactors: readonly FactorRecord[],
): readonly FactorRecord[] {
  const byId = new Map(bundleFactors.map((f) => [f.id, f]));
  const replaced = library.map((f) => byId.get(f.id) ?? f);
  const known = new Set(library.map((f) => f.id));
  return [...replaced, ...bundleFactors.filter((f) => !known.has(f.id))];
}
