/** The factor record type lives in the model (a bundle carries factor records); factors/ uses it. */
export type { FactorRecord, FactorStatus } from '../model/factor-record.js';
