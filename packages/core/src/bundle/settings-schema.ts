/** Schema of assay.yaml (the bundle's settings). Strict: unknown keys are errors. */
import { z } from 'zod';
import { SCOPE3_CRITERIA, SECTOR_PACK_IDS } from '../model/methods.js';

export const localisedTextSchema = z.strictObject({
  'zh-Hant': z.string().min(1),
  en: z.string().min(1),
  'zh-Hans': z.string().min(1).optional(),
});

const decimalString = z
  .union([z.string(), z.number()])
  .transform((v) => String(v))
  .refine((v) => /^(0(\.\d+)?|1(\.0+)?)$/.test(v), { message: 'must be a decimal between 0 and 1' });

export const entitySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and hyphens'),
  name: localisedTextSchema,
  kind: z.enum(['group', 'subsidiary', 'site']),
  parent: z.string().optional(),
  ownership: decimalString.default('1'),
  control: z.enum(['operational', 'financial', 'none']).default('operational'),
  status: z.enum(['operating', 'under-construction', 'disposed']).default('operating'),
  aliases: z.array(z.string().min(1)).default([]),
  province: z.string().optional(),
  gridRegion: z.string().optional(),
  /** Calendar dates (load-settings.ts checks they exist and that disposal is not before acquisition). */
  acquiredOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as "2025-07-01"')
    .optional(),
  disposedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as "2025-07-01"')
    .optional(),
});

const yearId = z.string().regex(/^\d{4}$/, 'a year such as "2025"');

/** Per cent, exact decimal text, above 0 and at most 100 ("5", "2.5"). */
const percent = z
  .union([z.string(), z.number()])
  .transform((v) => String(v))
  .refine((v) => /^\d{1,3}(\.\d{1,6})?$/.test(v) && Number(v) > 0 && Number(v) <= 100, {
    message: 'a per cent above 0 and at most 100, such as "5"',
  });

/** The GHG base year and its recalculation policy (model/restatement.ts). */
export const baseYearSchema = z.strictObject({
  year: yearId,
  thresholdPercent: percent.default('5'),
  triggers: z
    .array(z.enum(['structural-change', 'methodology', 'error-correction']))
    .min(1)
    .default(['structural-change', 'methodology', 'error-correction']),
});

/** A Scope 3 category id, "cat-1" … "cat-15" (methods/scope3/categories.ts). */
const scope3Category = z.string().regex(/^cat-([1-9]|1[0-5])$/, 'a Scope 3 category, "cat-1" … "cat-15"');

export const settingsSchema = z.strictObject({
  schemaVersion: z.literal(1),
  organisation: z.strictObject({
    id: z.string().min(1),
    name: localisedTextSchema,
    stockCode: z.string().optional(),
    issuerType: z.enum(['main-board', 'largecap', 'gem']),
    entities: z.array(entitySchema).min(1),
    baseYear: baseYearSchema.optional(),
  }),
  reporting: z.strictObject({
    current: yearId,
    prior: z.array(yearId).default([]),
  }),
  methods: z
    .strictObject({
      ghg: z.enum(['ndrc-nf-2015', 'ipcc-2006']).default('ndrc-nf-2015'),
      gridFactor: z
        .strictObject({
          vintage: z.number().int().min(2010).max(2100),
          level: z.enum(['provincial', 'regional', 'national']),
          calibre: z.enum(['average', 'excl-market-nonfossil', 'fossil', 'ets-admin']),
        })
        .default({ vintage: 2023, level: 'provincial', calibre: 'average' }),
      electricityTce: z.enum(['equivalent', 'equal']).default('equivalent'),
      consolidation: z
        .enum(['operational-control', 'financial-control', 'equity-share'])
        .default('operational-control'),
      scope3: z
        .strictObject({
          factorSets: z.record(scope3Category, z.string().min(1)),
          /** Scope 3 screening (docs/methods.md, "Scope 3 screening"). */
          screening: z
            .strictObject({
              thresholdPercent: percent.default('5'),
              relevant: z.record(scope3Category, z.array(z.enum(SCOPE3_CRITERIA)).min(1)).optional(),
              excluded: z.record(scope3Category, localisedTextSchema).optional(),
            })
            .optional(),
        })
        .optional(),
      /** Sector method pack per entity id (docs/methods.md, "Sector packs"). */
      sectorPacks: z.record(z.string().min(1), z.enum(SECTOR_PACK_IDS)).optional(),
    })
    .default({
      ghg: 'ndrc-nf-2015',
      gridFactor: { vintage: 2023, level: 'provincial', calibre: 'average' },
      electricityTce: 'equivalent',
      consolidation: 'operational-control',
    }),
  frameworks: z.array(z.enum(['hkex', 'ifrs-s2', 'gri', 'sasb', 'sasac'])).default(['hkex']),
});

export type SettingsInput = z.input<typeof settingsSchema>;
export type Settings = z.output<typeof settingsSchema>;
