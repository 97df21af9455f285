/**
 * Entering Scope 3 lines through the application layer (issue #21), over the in-memory workspace
 * on examples/scope3-demo (DEMONSTRATION DATA): a line is checked against the bundle's own
 * factor set (factors.csv) as well as the library, and its `supplier` against the supplier
 * register the bundle keeps.
 */
import { join } from 'node:path';
import type { Bundle, Supplier } from '@assay/core';
import { loadBundle } from '@assay/io';
import { describe, expect, it } from 'vitest';
import { MemoryWorkspace } from '../workspace/memory-workspace.js';
import { type ActivityLineFields, createActivityLines } from './write-activity-line.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'scope3-demo'));
if (!loaded.ok) throw new Error('examples/scope3-demo should load');
const SUPPLIER: Supplier = {
  id: 'demo-coke-co',
  name: { 'zh-Hant': '示範焦炭公司（示範數據）', en: 'Demo Coke Co. (demonstration data)' },
  creditCode: '91652302MA78DEM01W',
  entityId: 'smelter',
  region: 'xinjiang',
  category: 'raw-materials',
  status: 'approved',
  isDemonstration: true,
};
const bundle: Bundle = {
  ...loaded.bundle,
  registers: { ...loaded.bundle.registers, suppliers: [SUPPLIER] },
};
const AT = () => '2026-02-05T08:00:00.000Z';
const WHO = { reason: 'value chain', author: 'Ann Lee <ann@example.com>' };

const s3 = (subject: string, amount: string, unit: string, attributes: string): ActivityLineFields => ({
  entity: 'smelter',
  period: '2025',
  activity: 'scope3',
  subject,
  use: '',
  amount,
  unit,
  attributes,
  source: 'logistics records',
  evidence: '',
  comment: 'DEMONSTRATION DATA',
});

async function enter(fields: ActivityLineFields) {
  const ws = new MemoryWorkspace(bundle, AT);
  const before = ws.snapshot().bundle.activityLines.length;
  const out = await createActivityLines({ ws, lines: [{ fields }], ...WHO });
  return { out, written: ws.snapshot().bundle.activityLines.length - before };
}

describe('Scope 3 lines entered through the app', () => {
  it('are checked against the bundle’s own factor set: concentrate in kWh is refused, naming the factor', async () => {
    const { out, written } = await enter(
      s3('cat-1', '12000', 'kWh', 'method=average-data;item=nickel-concentrate'),
    );
    expect(out.ok ? 'written' : out.error.code).toBe('invalid-data');
    if (!out.ok) {
      expect(out.error.field).toBe('lines.0.unit');
      expect(out.error.message).toContain('the factor demo/avg/nickel-concentrate (tCO2e/t) is per mass');
    }
    expect(written).toBe(0);
    const ok = await enter(s3('cat-1', '12000', 't', 'method=average-data;item=nickel-concentrate'));
    expect(ok.out.ok).toBe(true);
    expect(ok.written).toBe(1);
  });

  it('link a supplier by id or credit code, and refuse one the register does not hold', async () => {
    const line = (supplier: string) =>
      s3('cat-1', '300', 't', `method=supplier-specific;factor=0.42 tCO2e/t;supplier=${supplier}`);
    expect((await enter(line('demo-coke-co'))).written).toBe(1);
    expect((await enter(line('91652302MA78DEM01W'))).written).toBe(1);
    const { out, written } = await enter(line('acme-coke'));
    expect(written).toBe(0);
    expect(out.ok ? '' : `${out.error.field}: ${out.error.message}`).toContain(
      'supplier=acme-coke is not in the supplier register',
    );
  });
});
