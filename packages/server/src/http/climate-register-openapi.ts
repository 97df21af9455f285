/**
 * The climate register routes' part of the OpenAPI document (routes/site-registers.ts; issue #18;
 * docs/registers.md "Climate risks and opportunities"): the seven routes of each of the climate
 * risks, the company's scales, the site hazard screening and the HKEX B5.2–B5.4 practices.
 */
import type { z } from 'zod';
import {
  ClimateRiskWrite,
  ClimateScaleWrite,
  HazardScreeningWrite,
  SupplierPracticeWrite,
} from './climate-register-schemas.js';
import { rowPaths } from './register-row-openapi.js';

const query = (name: string, description: string) => ({
  name,
  in: 'query',
  required: false,
  schema: { type: 'string' },
  description,
});
const LIST = {
  parameters: [
    query('entity', 'only rows of this site (a risk: naming it among its sites)'),
    query('kind', 'climate risks: one of the IFRS S2 kinds'),
    query('horizon', 'climate risks: short, medium or long'),
    query('hazard', 'risks and screening: one physical hazard'),
    query('axis', 'scales: horizon, likelihood, impact or hazard-score'),
    query('provision', 'practices: B5.2, B5.3 or B5.4'),
  ],
  responses: {
    200: {
      description: '{register, rows: [{row, version}], gaps: [{screening, threshold}], threshold}',
      content: { 'application/json': {} },
    },
  },
};

export function climateRegisterPaths() {
  const one = (base: string, noun: string, write: z.ZodType, summary: string) =>
    rowPaths(base, noun, 'the administrator', write, { summary, ...LIST });
  return {
    ...one(
      'climate-risks',
      'climate risk',
      ClimateRiskWrite,
      'Climate risks and opportunities (IFRS S2 §10)',
    ),
    ...one(
      'climate-scales',
      'climate scale level',
      ClimateScaleWrite,
      "The company's horizons (years), likelihood, impact and hazard-score levels",
    ),
    ...one(
      'hazard-screening',
      'hazard screening score',
      HazardScreeningWrite,
      'Physical hazard scores by site, and the scores that call for a risk',
    ),
    ...one('supplier-practices', 'supplier practice', SupplierPracticeWrite, 'HKEX B5.2–B5.4 practice texts'),
  };
}
