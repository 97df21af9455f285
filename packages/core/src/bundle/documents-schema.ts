/** Schemas of the bundle's YAML documents: indicators, registers and narrative. */
import { z } from 'zod';
import {
  climateRiskExtras,
  climateScaleSchema,
  hazardScreeningSchema,
  supplierPracticeSchema,
} from './climate-register-schema.js';
import { hazardSchema, projectSchema, supplierSchema } from './register-rows-schema.js';
import { localisedTextSchema } from './settings-schema.js';

const id = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/i, 'ids are letters, digits, ".", "_" and "-"');

export const indicatorSchema = z.strictObject({
  id,
  name: localisedTextSchema,
  topic: z.string().min(1),
  dimension: z.string().min(1),
  unit: z.string().min(1),
  axes: z
    .array(
      z.enum([
        'gender',
        'age-band',
        'employment-type',
        'rank',
        'region',
        'fuel',
        'scope',
        'category',
        'channel',
        'source',
        'hazard',
        'product',
        'material',
        'pollutant',
        'expertise',
      ]),
    )
    .default([]),
  aggregation: z.enum(['sum', 'weighted-average', 'latest', 'none']),
  weightBy: z.string().optional(),
  kind: z.enum(['input', 'derived']).default('input'),
  precision: z.number().int().min(0).max(10),
  signed: z.boolean().optional(),
  description: localisedTextSchema.optional(),
});

export const indicatorsDocumentSchema = z.strictObject({ indicators: z.array(indicatorSchema).default([]) });

const texts = z.array(localisedTextSchema).default([]);

export const registersSchema = z.strictObject({
  stakeholders: z
    .array(z.strictObject({ id, name: localisedTextSchema, expectations: texts, channels: texts }))
    .default([]),
  materialTopics: z
    .array(
      z.strictObject({
        id,
        name: localisedTextSchema,
        category: z.enum(['environmental', 'social', 'governance', 'economic']),
        stakeholderScore: z.number().min(0).max(5),
        businessScore: z.number().min(0).max(5),
        isPlaceholder: z.boolean(),
        hkex: z.array(z.string()).optional(),
        isDemonstration: z.boolean().optional(),
      }),
    )
    .default([]),
  climateRisks: z
    .array(
      z.strictObject({
        id,
        kind: z.enum([
          'physical-acute',
          'physical-chronic',
          'transition-policy',
          'transition-technology',
          'transition-market',
          'transition-reputation',
          'opportunity',
        ]),
        name: localisedTextSchema,
        description: localisedTextSchema,
        horizon: z.enum(['short', 'medium', 'long']),
        financialEffect: localisedTextSchema,
        response: localisedTextSchema,
        ...climateRiskExtras,
      }),
    )
    .default([]),
  targets: z
    .array(
      z.strictObject({
        id,
        name: localisedTextSchema,
        indicatorId: z.string().optional(),
        entityId: z.string().optional(),
        comparator: z.enum(['max', 'min', 'equal']).optional(),
        value: z.string().optional(),
        unit: z.string().optional(),
        baseYear: z.string().optional(),
        baseValue: z.string().optional(),
        targetYear: z.string().optional(),
        milestones: z.array(z.strictObject({ year: z.string(), value: z.string() })).optional(),
        source: z.string().optional(),
      }),
    )
    .default([]),
  policies: z
    .array(
      z.strictObject({
        id,
        topic: z.string(),
        name: localisedTextSchema,
        count: z.number().int().min(0).optional(),
        source: z.string().optional(),
      }),
    )
    .default([]),
  explanations: z
    .array(z.strictObject({ subject: z.string().min(1), text: localisedTextSchema }))
    .default([]),
  // Site registers (issue #18, model/site-registers.ts): optional, absent when a bundle has none.
  // Enumerations are checked by bundle/validate-site-registers.ts, which names the field.
  certifications: z
    .array(
      z.strictObject({
        id,
        standard: z.string(),
        entityId: z.string(),
        scope: localisedTextSchema,
        issuer: z.string(),
        certificateNumber: z.string(),
        issuedOn: z.string(),
        expiresOn: z.string().optional(),
        source: z.string().optional(),
        isDemonstration: z.boolean().optional(),
      }),
    )
    .optional(),
  tailingsFacilities: z
    .array(
      z.strictObject({
        id,
        name: localisedTextSchema,
        entityId: z.string(),
        status: z.string(),
        consequence: z.string(),
        monitoring: localisedTextSchema,
        emergencyPlan: localisedTextSchema,
        closurePlan: localisedTextSchema,
        source: z.string().optional(),
        isDemonstration: z.boolean().optional(),
      }),
    )
    .optional(),
  suppliers: z.array(supplierSchema).optional(),
  climateScales: z.array(climateScaleSchema).optional(),
  hazardScreening: z.array(hazardScreeningSchema).optional(),
  supplierPractices: z.array(supplierPracticeSchema).optional(),
  hazards: z.array(hazardSchema).optional(),
  projects: z.array(projectSchema).optional(),
});

export const narrativeSchema = z.strictObject({
  sections: z
    .array(
      z.strictObject({
        id,
        title: localisedTextSchema,
        body: localisedTextSchema,
        // issuer sections (core report/issuer-sections.ts)
        approvedOn: z.iso.date().optional(),
        tiles: z.array(z.strictObject({ figure: z.string().min(1), label: localisedTextSchema })).optional(),
        image: z
          .strictObject({
            dataUri: z
              .string()
              .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, 'a PNG as a data:image/png;base64 URI'),
            alt: localisedTextSchema,
          })
          .optional(),
        isDemonstration: z.boolean().optional(),
      }),
    )
    .default([]),
});
