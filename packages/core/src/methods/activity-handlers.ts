/** Which method handles each activity type: an exhaustive table, so a new type must be mapped. */
import type { ActivityLine, ActivityType } from '../model/fact.js';
import type { ActivityContext } from './activity-context.js';
import { purchasedElectricityLine, purchasedHeatLine, selfGeneratedLine } from './activity-energy.js';
import { fuelLine } from './activity-fuel.js';
import { processLine, recordOnly } from './activity-other.js';
import { scope3Line } from './scope3/scope3-line.js';
import { clinkerLine, coalMinedLine } from './sector-lines.js';

type Handler = (ctx: ActivityContext, line: ActivityLine) => void;

export const ACTIVITY_HANDLERS: { readonly [K in ActivityType]: Handler } = {
  fuel: fuelLine,
  'electricity-purchased': purchasedElectricityLine,
  'electricity-green-trade': recordOnly, // in market-based Scope 2 and renewables (scope2-market.ts)
  'green-certificate': recordOnly, // idem
  'electricity-self-generated': selfGeneratedLine,
  'electricity-exported': recordOnly,
  'heat-purchased': purchasedHeatLine,
  'steam-purchased': purchasedHeatLine,
  'heat-exported': recordOnly,
  'waste-heat-recovered': recordOnly, // GB/T 2589: recovered energy used on site is not counted again
  carbonate: processLine,
  'oxalic-acid': processLine,
  scope3: scope3Line,
  'carbon-balance': recordOnly, // summed per entity and year by carbon-balance.ts (iron-steel pack)
  'coal-mined': coalMinedLine, // coal-mining pack
  clinker: clinkerLine, // cement pack
};
