/** A Scope 3 line's `supplier` is linked to the supplier register where the bundle has one (issue #21). */
import { describe, expect, it } from 'vitest';
import type { RawBundle } from '../../bundle/raw.js';
import type { Supplier } from '../../model/register-rows.js';
import { line as activity, bundle, sub } from '../../testing/bundle-builder.js';
import { issuesOf, rawSettings, rawTable } from '../../testing/raw-bundle.js';
import { validateBundle } from '../../validate/validate-bundle.js';
import { evaluateBundle } from '../evaluate-bundle.js';

const HEADER = ['entity', 'period', 'activity', 'subject', 'amount', 'unit', 'attributes', 'source'];
/** Demonstration supplier (examples/xinxin-2025 registers.yaml): a credit code with a valid check character. */
const SUPPLIER = {
  id: 'demo-coke',
  name: { 'zh-Hant': '示範焦炭公司（示範數據）', en: 'Demo Coke Co. (demonstration data)' },
  creditCode: '91652302MA78DEM01W',
  entityId: 'smelter',
  region: 'xinjiang',
  category: 'raw-materials',
  status: 'approved',
};

function raw(attributes: string[], suppliers?: unknown[]): RawBundle {
  return {
    settings: { file: 'assay.yaml', data: rawSettings() },
    activityLines: rawTable(
      'activity-lines.csv',
      HEADER,
      attributes.map((a) => ['smelter', '2025', 'scope3', 'cat-1', '300', 't', a, 'supplier footprint']),
    ),
    ...(suppliers === undefined ? {} : { registers: { file: 'registers.yaml', data: { suppliers } } }),
  };
}
const line = (supplier: string) => `method=supplier-specific;factor=0.42 tCO2e/t;supplier=${supplier}`;

describe('supplier-specific lines and the supplier register', () => {
  it('accepts a supplier named by its id or by its credit code', () => {
    const v = validateBundle(raw([line('demo-coke'), line('91652302MA78DEM01W')], [SUPPLIER]));
    expect(v.ok ? [] : v.issues).toEqual([]);
  });

  it('refuses an unknown supplier, naming the file, row and column', () => {
    expect(issuesOf(raw([line('demo-coke'), line('acme-coke')], [SUPPLIER]))).toEqual([
      {
        file: 'activity-lines.csv',
        row: 3,
        column: 'attributes',
        reason:
          'supplier=acme-coke is not in the supplier register (registers.yaml suppliers): name a supplier by its id or its credit code',
      },
    ]);
  });

  it('does not check a supplier where the bundle keeps no register', () => {
    expect(issuesOf(raw([line('acme-coke')]))).toEqual([]);
  });

  it('refuses a screening attribute other than "yes"', () => {
    expect(issuesOf(raw(['method=supplier-specific;factor=0.42 tCO2e/t;screening=maybe']))[0]).toMatchObject({
      row: 2,
      column: 'attributes',
      reason:
        'screening=maybe: a screening estimate says screening=yes; leave it out for a line of the inventory',
    });
  });
});

describe('the supplier in the lineage', () => {
  it('names the register’s supplier on the supplier’s factor (English label, Chinese name for the report)', () => {
    const l = activity('s', 'scope3', 'cat-1', '300 t', {
      attributes: { method: 'supplier-specific', factor: '0.42 tCO2e/t', supplier: '91652302MA78DEM01W' },
    });
    const b = bundle({
      entities: [sub('s')],
      lines: [l],
      registers: { suppliers: [{ ...SUPPLIER, entityId: 's' } as Supplier] },
    });
    const { graph } = evaluateBundle(b);
    const node = [...graph.nodes()].find((n) => n.id === `act:${l.id}:factor`);
    expect(node?.label).toBe(
      `supplier's factor for ${l.id} (stated on the line; Demo Coke Co. (demonstration data), credit code 91652302MA78DEM01W, supplier register)`,
    );
    expect(node?.labelKey).toEqual({
      key: 'scope3-supplier-factor',
      args: { zh: '示範焦炭公司（示範數據）' },
    });
    // 300 t × 0.42 tCO2e/t = 126 tCO2e
    const v = graph.value(`act:${l.id}:co2e`);
    expect(v?.kind === 'quantity' && v.value.toString()).toBe('126');
  });
});
