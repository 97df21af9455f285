/** The method statement shown on each figure: GHG method, grid factor choice, tce basis, consolidation. */
import type { Indicator } from '../model/indicator.js';
import type { Methods, SectorPackId } from '../model/methods.js';
import type { Organisation } from '../model/organisation.js';
import { packOf, SECTOR_PACKS } from './sector-packs.js';

const GHG: { readonly [K in Methods['ghg']]: string } = {
  'ndrc-nf-2015': 'NDRC non-ferrous smelting guideline (2015) defaults',
  'ipcc-2006': 'IPCC 2006 default factors',
};

/**
 * The note per indicator and entity. With an organisation, an emissions figure names the sector
 * packs of the entity and the entities below it (issue #24): an iron works' figure names the
 * iron-and-steel carbon mass balance, not the non-ferrous guideline; a group holding both names both.
 */
export function methodNoteFor(
  methods: Methods,
  org?: Organisation,
): (indicator: Indicator, entityId?: string) => string {
  const g = methods.gridFactor;
  const grid = `MEE/NBS ${g.vintage} grid factor, ${g.level}, calibre ${g.calibre}`;
  const tce = `GB/T 2589-2020, electricity at ${methods.electricityTce === 'equivalent' ? 'equivalent value (当量值)' : 'equal value (等价值)'}`;
  const packsBelow = (entityId: string): SectorPackId[] => {
    if (!org) return ['non-ferrous'];
    const below = new Set<string>([entityId]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const e of org.entities)
        if (e.parentId !== undefined && below.has(e.parentId) && !below.has(e.id)) {
          below.add(e.id);
          grew = true;
        }
    }
    return [...new Set([...below].map((id) => packOf(methods, org, id)))].sort();
  };
  const noPacks = !org || Object.keys(methods.sectorPacks ?? {}).length === 0; // every entity non-ferrous
  const memo = new Map<string, SectorPackId[]>(); // called for every figure: walk the tree once per entity
  const packsOf = (entityId: string | undefined): SectorPackId[] => {
    if (noPacks || entityId === undefined) return ['non-ferrous'];
    const packs = memo.get(entityId) ?? packsBelow(entityId);
    memo.set(entityId, packs);
    return packs;
  };
  // Hong Kong buildings (issue #24): purchased electricity at the EPD/EMSD default, not a mainland grid
  const gridNote = (entityId: string | undefined): string => {
    const packs = packsOf(entityId);
    const own = packs.filter((p) => SECTOR_PACKS[p].electricityFactor !== undefined);
    if (own.length === 0) return grid;
    const hk = 'Hong Kong: EPD/EMSD territory-wide default electricity factor';
    return own.length === packs.length ? hk : `${grid}; ${hk}`;
  };
  const ghgNote = (entityId: string | undefined): string[] => {
    const packs = packsOf(entityId);
    if (packs.length === 1 && packs[0] === 'non-ferrous') return [GHG[methods.ghg]];
    return packs.map((p) =>
      p === 'non-ferrous'
        ? GHG[methods.ghg]
        : `${SECTOR_PACKS[p].note} (${SECTOR_PACKS[p].fuelsLabel}: ${GHG[methods.ghg]})`,
    );
  };
  const inputNote = `input; ${methods.consolidation}`;
  // one string per entity and topic, shared by its figures (hundreds of thousands in a group)
  const notes = new Map<string | undefined, Map<string, string>>();
  return (indicator, entityId) => {
    if (indicator.kind === 'input') return inputNote;
    let byTopic = notes.get(entityId);
    if (byTopic === undefined) {
      byTopic = new Map();
      notes.set(entityId, byTopic);
    }
    let note = byTopic.get(indicator.topic);
    if (note === undefined) {
      const parts: string[] = [];
      if (indicator.topic === 'emissions') parts.push(...ghgNote(entityId), gridNote(entityId));
      if (indicator.topic === 'energy') parts.push('MWh on calorific basis (1 MWh = 3.6 GJ)', tce);
      parts.push(methods.consolidation);
      note = parts.join('; ');
      byTopic.set(indicator.topic, note);
    }
    return note;
  };
}
