/**
 * Query builders for the factor families. They only arrange keys and fallbacks; the values and
 * which fuels, regions and carriers exist live in the data (./data/*.json).
 */
import type { ElectricityTceBasis, GhgMethod, GridCalibre, GridLevel } from '../model/methods.js';
import type { FactorKeysStep, FactorQuery } from './select-factor.js';

/** Combustion parameter kinds: NDRC has ncv, carbon-content, oxidation-rate (and the reference combustion-ef); IPCC has ncv, co2-ef-per-energy, oxidation-rate. */
export type FuelParameterKind =
  | 'ncv'
  | 'carbon-content'
  | 'oxidation-rate'
  | 'combustion-ef'
  | 'co2-ef-per-energy';

/**
 * One frozen query object per distinct query: the methods ask for the same few factors once per
 * activity line (tens of thousands in a group), and FactorNodes recognises a query it has seen by
 * the object. Bounded as parseUnit's memo is, so that input naming ever new fuels cannot grow it
 * without limit (after a clear, FactorNodes still finds an equal query by its JSON text).
 */
const QUERIES = new Map<string, FactorQuery>();
const MAX_QUERIES = 10_000;
function shared(key: string, make: () => FactorQuery): FactorQuery {
  let q = QUERIES.get(key);
  if (q === undefined) {
    if (QUERIES.size >= MAX_QUERIES) QUERIES.clear();
    q = Object.freeze(make());
    QUERIES.set(key, q);
  }
  return q;
}

export function fuelParameterQuery(method: GhgMethod, kind: FuelParameterKind, fuel: string): FactorQuery {
  return shared(`fuel\u0000${method}\u0000${kind}\u0000${fuel}`, () => ({
    kind,
    method,
    keys: { fuel },
    label: `${method} ${kind} for ${fuel}`,
  }));
}

export type GridFactorSelector = {
  readonly vintage: number;
  readonly level: GridLevel;
  readonly calibre: GridCalibre;
  readonly province?: string;
  readonly region?: string;
};

/**
 * MEE/NBS grid factor with fallback provincial → regional → national (each step only when the
 * selector names it). The ETS-administrative 0.5703 answers only calibre "ets-admin".
 */
export function gridFactorQuery(s: GridFactorSelector): FactorQuery {
  const key = `grid\u0000${s.vintage}\u0000${s.level}\u0000${s.calibre}\u0000${s.province}\u0000${s.region}`;
  return shared(key, () => gridQuery(s));
}

function gridQuery(s: GridFactorSelector): FactorQuery {
  const what = `${s.vintage} ${s.calibre} factor`;
  const steps: FactorKeysStep[] = [];
  if (s.level === 'provincial' && s.province !== undefined)
    steps.push({
      keys: { level: 'provincial', province: s.province },
      label: `provincial ${what} for ${s.province}`,
    });
  if (s.level !== 'national' && s.region !== undefined)
    steps.push({ keys: { level: 'regional', region: s.region }, label: `${s.region} regional ${what}` });
  steps.push({ keys: { level: 'national' }, label: `national ${what}` });
  const [first, ...fallbacks] = steps as [FactorKeysStep, ...FactorKeysStep[]];
  return { kind: 'grid-ef', method: 'mee-nbs', vintage: s.vintage, calibre: s.calibre, ...first, fallbacks };
}

/** The constant 44/12 (tCO2 per tC). */
export function co2PerCarbonQuery(): FactorQuery {
  return shared('co2-per-carbon', () => ({
    kind: 'constant',
    keys: { constant: 'co2-per-carbon' },
    label: 'CO2 per carbon (44/12)',
  }));
}

/** Purchased heat EF (tCO2e/GJ); shared by the GHG methods. */
export function heatEfQuery(): FactorQuery {
  return { kind: 'heat-ef', keys: { carrier: 'heat' }, label: 'purchased heat' };
}

/** Stoichiometric process EF per t of pure mineral ("CaCO3", "H2C2O4", "H2C2O4.2H2O"…). */
export function processEfQuery(mineral: string): FactorQuery {
  return { kind: 'process-ef', keys: { mineral }, label: `mineral ${mineral}` };
}

/**
 * GB/T 2589-2020 standard-coal coefficient. The electricity basis is passed as the calibre; only
 * electricity records carry one, so fuels match whatever the basis.
 */
export function tceCoefficientQuery(carrier: string, electricityBasis: ElectricityTceBasis): FactorQuery {
  return shared(`tce\u0000${carrier}\u0000${electricityBasis}`, () => ({
    kind: 'tce-coefficient',
    method: 'gb-t-2589-2020',
    keys: { carrier },
    calibre: electricityBasis,
    label: `carrier ${carrier}`,
  }));
}

/** Energy per green electricity certificate (MWh/count). */
export function gecEnergyQuery(): FactorQuery {
  return { kind: 'gec-energy', keys: { instrument: 'green-certificate' }, label: 'green certificate' };
}
