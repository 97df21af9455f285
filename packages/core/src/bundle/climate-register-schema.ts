/**
 * Shapes of the climate register's fields in registers.yaml (model/climate-register.ts): the
 * optional fields of a climate risk, the scales and the hazard screening. Enumerations and
 * references are checked by bundle/validate-climate-register.ts, which names the field.
 */
import { z } from 'zod';
import { localisedTextSchema } from './settings-schema.js';

const demo = z.boolean().optional();

export const climateRiskExtras = {
  likelihood: z.string().optional(),
  impact: z.string().optional(),
  entityIds: z.array(z.string()).optional(),
  hazard: z.string().optional(),
  financialAmount: z
    .strictObject({ value: z.string(), currency: z.string(), basis: localisedTextSchema.optional() })
    .optional(),
  scenarios: z.array(z.string()).optional(),
  owner: z.string().optional(),
  source: z.string().optional(),
  isDemonstration: demo,
};

export const climateScaleSchema = z.strictObject({
  id: z.string(),
  axis: z.string(),
  name: localisedTextSchema,
  description: localisedTextSchema.optional(),
  rank: z.number().optional(),
  fromYears: z.number().optional(),
  toYears: z.number().optional(),
  needsRisk: z.boolean().optional(),
  isDemonstration: demo,
});

export const hazardScreeningSchema = z.strictObject({
  id: z.string(),
  entityId: z.string(),
  hazard: z.string(),
  score: z.number(),
  scenario: z.string().optional(),
  source: z.string().optional(),
  isDemonstration: demo,
});

export const supplierPracticeSchema = z.strictObject({
  id: z.string(),
  provision: z.string(),
  text: localisedTextSchema,
  source: z.string().optional(),
  isDemonstration: demo,
});
