/** The method statement shown on each figure: GHG method, grid factor choice, tce basis, consolidation. */
import type { Indicator } from '../model/indicator.js';
import type { Methods } from '../model/methods.js';

const GHG: { readonly [K in Methods['ghg']]: string } = {
  'ndrc-nf-2015': 'NDRC non-ferrous smelting guideline (2015) defaults',
  'ipcc-2006': 'IPCC 2006 default factors',
};

export function methodNoteFor(methods: Methods): (indicator: Indicator) => string {
  const g = methods.gridFactor;
  const grid = `MEE/NBS ${g.vintage} grid factor, ${g.level}, calibre ${g.calibre}`;
  const tce = `GB/T 2589-2020, electricity at ${methods.electricityTce === 'equivalent' ? 'equivalent value (当量值)' : 'equal value (等价值)'}`;
  return (indicator) => {
    const parts: string[] = [];
    if (indicator.topic === 'emissions') parts.push(GHG[methods.ghg], grid);
    if (indicator.topic === 'energy') parts.push('MWh on calorific basis (1 MWh = 3.6 GJ)', tce);
    parts.push(methods.consolidation);
    return indicator.kind === 'input' ? `input; ${methods.consolidation}` : parts.join('; ');
  };
}
