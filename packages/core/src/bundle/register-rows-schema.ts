/** Shapes of the supplier, hazard and project registers in registers.yaml (model/register-rows.ts). */
import { z } from 'zod';
import { localisedTextSchema } from './settings-schema.js';

const savings = z.strictObject({
  tce: z.string().optional(),
  MWh: z.string().optional(),
  tCO2e: z.string().optional(),
});
const demo = z.boolean().optional();

export const supplierSchema = z.strictObject({
  id: z.string(),
  name: localisedTextSchema,
  creditCode: z.string(),
  entityId: z.string(),
  region: z.string(),
  category: z.string(),
  esgResult: z.enum(['pass', 'conditional', 'fail']).optional(),
  esgAssessedOn: z.string().optional(),
  status: z.enum(['approved', 'suspended', 'blacklisted']),
  isDemonstration: demo,
});

export const hazardSchema = z.strictObject({
  id: z.string(),
  foundOn: z.string(),
  entityId: z.string(),
  grade: z.enum(['general', 'major']),
  description: localisedTextSchema,
  owner: z.string(),
  dueOn: z.string(),
  rectifiedOn: z.string().optional(),
  evidence: z.string().optional(),
  isDemonstration: demo,
});

export const projectSchema = z.strictObject({
  id: z.string(),
  name: localisedTextSchema,
  entityId: z.string(),
  measure: localisedTextSchema,
  status: z.enum(['planned', 'in-progress', 'completed', 'cancelled']),
  estimated: savings.optional(),
  verified: savings.optional(),
  isDemonstration: demo,
});
