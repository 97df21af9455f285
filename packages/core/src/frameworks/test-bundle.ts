/** Test vocabulary: a small validated bundle and figures at the group entity (used by *.test.ts only). */
import type { RawBundle } from '../bundle/raw.js';
import { validateBundle } from '../bundle/validate-bundle.js';
import { type Figure, figureId } from '../calc/figure.js';
import type { Bundle } from '../model/bundle.js';
import type { IssuerType } from '../model/organisation.js';
import { q } from '../units/quantity.js';

const t = (s: string) => ({ 'zh-Hant': s, en: s });

export type TestBundleOptions = {
  issuerType?: IssuerType;
  year?: string;
  sections?: readonly string[];
  explanations?: readonly { subject: string; text: string }[];
  registers?: Record<string, unknown>;
};

export function testBundle(o: TestBundleOptions = {}): Bundle {
  const raw: RawBundle = {
    settings: {
      file: 'assay.yaml',
      data: {
        schemaVersion: 1,
        organisation: {
          id: 'demo',
          name: t('Demo'),
          issuerType: o.issuerType ?? 'main-board',
          entities: [{ id: 'group', kind: 'group', name: t('Demo Group') }],
        },
        reporting: { current: o.year ?? '2025', prior: [] },
      },
    },
    narrative: {
      file: 'narrative.yaml',
      data: { sections: (o.sections ?? []).map((id) => ({ id, title: t(id), body: t(`About ${id}.`) })) },
    },
    registers: {
      file: 'registers.yaml',
      data: {
        ...o.registers,
        explanations: (o.explanations ?? []).map((e) => ({ subject: e.subject, text: t(e.text) })),
      },
    },
  };
  const r = validateBundle(raw);
  if (!r.ok) throw new Error(`test bundle invalid: ${JSON.stringify(r.issues)}`);
  return r.bundle;
}

/** A figure at the group entity: fig('ghg.scope1', '100 tCO2e'), fig('x', '5 person', { gender: 'male' }). */
export function fig(
  indicatorId: string,
  value: string,
  d: Record<string, string> = {},
  period = '2025',
): Figure {
  return {
    id: figureId(indicatorId, 'group', period, d),
    indicatorId,
    entityId: 'group',
    periodId: period,
    disaggregation: d,
    value: q(value),
    precision: 2,
  };
}
