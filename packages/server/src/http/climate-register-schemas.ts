/**
 * Request schemas (zod) of the climate register routes (routes/site-registers.ts, issue #18;
 * docs/registers.md "Climate risks and opportunities"): the form of each field (400 naming it,
 * e.g. `risk.horizon`); what a row needs against the registers (a known site, a level of the
 * company's scales, a hazard only on a physical risk) is core's rules in the use case (422).
 */
import {
  CLIMATE_HORIZONS,
  CLIMATE_RISK_KINDS,
  CLIMATE_SCALE_AXES,
  PHYSICAL_HAZARDS,
  SUPPLIER_PRACTICE_PROVISIONS,
} from '@assay/core';
import { z } from 'zod';

const reason = z.string().trim().min(1, 'say why').max(500);
const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, 'lower-case letters, digits, ".", "_" or "-", at most 100');
const short = z.string().trim().min(1).max(200);
const long = z.string().trim().min(1).max(4000);
const oneOf = <T extends readonly [string, ...string[]]>(v: T) =>
  z.enum(v, { message: `one of ${v.join(', ')}` });
const localised = z.object({ en: long, 'zh-Hant': long }).strict();
const version = z.number().int().positive().optional();
const whole = z.number().int().min(0).max(1000);
const optionalText = z.string().trim().max(500).optional();
const demo = z.boolean().optional();

export const ClimateRiskInput = z
  .object({
    id,
    kind: oneOf(CLIMATE_RISK_KINDS),
    name: localised,
    description: localised,
    horizon: oneOf(CLIMATE_HORIZONS),
    financialEffect: localised,
    response: localised,
    likelihood: short.optional(),
    impact: short.optional(),
    entityIds: z.array(short).max(500).optional(),
    hazard: oneOf(PHYSICAL_HAZARDS).optional(),
    financialAmount: z
      .object({ value: z.string().trim().min(1).max(60), currency: short, basis: localised.optional() })
      .strict()
      .optional(),
    scenarios: z.array(short).max(50).optional(),
    owner: optionalText,
    source: optionalText,
    isDemonstration: demo,
  })
  .strict();

export const ClimateScaleInput = z
  .object({
    id,
    axis: oneOf(CLIMATE_SCALE_AXES),
    name: localised,
    description: localised.optional(),
    rank: whole.optional(),
    fromYears: whole.optional(),
    toYears: whole.optional(),
    needsRisk: z.boolean().optional(),
    isDemonstration: demo,
  })
  .strict();

export const HazardScreeningInput = z
  .object({
    id,
    entityId: short,
    hazard: oneOf(PHYSICAL_HAZARDS),
    score: whole,
    scenario: short.optional(),
    source: optionalText,
    isDemonstration: demo,
  })
  .strict();

export const SupplierPracticeInput = z
  .object({
    id,
    provision: oneOf(SUPPLIER_PRACTICE_PROVISIONS),
    text: localised,
    source: optionalText,
    isDemonstration: demo,
  })
  .strict();

export const ClimateRiskWrite = z
  .object({ risk: ClimateRiskInput, version, reason: reason.optional() })
  .strict();
export const ClimateScaleWrite = z
  .object({ level: ClimateScaleInput, version, reason: reason.optional() })
  .strict();
export const HazardScreeningWrite = z
  .object({ score: HazardScreeningInput, version, reason: reason.optional() })
  .strict();
export const SupplierPracticeWrite = z
  .object({ practice: SupplierPracticeInput, version, reason: reason.optional() })
  .strict();

/** Filters of the climate lists; each applies where the register has the field. */
export const ClimateQuery = z
  .object({
    entity: short.optional(),
    kind: oneOf(CLIMATE_RISK_KINDS).optional(),
    horizon: oneOf(CLIMATE_HORIZONS).optional(),
    hazard: oneOf(PHYSICAL_HAZARDS).optional(),
    axis: oneOf(CLIMATE_SCALE_AXES).optional(),
    provision: oneOf(SUPPLIER_PRACTICE_PROVISIONS).optional(),
  })
  .strict();
