/**
 * Scope 3 and volume lines entered through the application layer (issues #21, #24), over the
 * in-memory workspace: a line with a method and its attributes is accepted (the entry check
 * reads the attributes, not only the unit), diesel in litres needs a density, and cat-99 is refused.
 * The bundle is examples/minimal (2025).
 */
import { join } from 'node:path';
import { loadBundle } from '@assay/io';
import { describe, expect, it } from 'vitest';
import { MemoryWorkspace } from '../workspace/memory-workspace.js';
import { evaluated } from './evaluation.js';
import { type ActivityLineFields, createActivityLines } from './write-activity-line.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const AT = () => '2026-02-05T08:00:00.000Z';
const WHO = { reason: 'value chain', author: 'Ann Lee <ann@example.com>' };

const fields = (patch: Partial<ActivityLineFields>): ActivityLineFields => ({
  entity: 'group',
  period: '2025',
  activity: 'scope3',
  subject: 'cat-1',
  use: '',
  amount: '200',
  unit: 't',
  attributes: 'method=supplier-specific;factor=0.85 tCO2e/t;dq=2',
  source: 'supplier footprint',
  evidence: '',
  comment: '',
  ...patch,
});

describe('entering Scope 3 and volume lines', () => {
  it('accepts a supplier-specific line in tonnes and adds 200 t × 0.85 tCO2e/t = 170 tCO2e to cat-1', async () => {
    const ws = new MemoryWorkspace(loaded.bundle, AT);
    const out = await createActivityLines({ ws, lines: [{ fields: fields({}) }], ...WHO });
    expect(out.ok).toBe(true);
    const f = evaluated(ws.snapshot()).byId.get('ghg.scope3[category=cat-1]@group/2025');
    expect(f?.value.kind === 'quantity' && f.value.value.toString()).toBe('170');
  });

  it('refuses cat-99, a line in kWh by the given method, and diesel in litres without a density', async () => {
    const cases: [Partial<ActivityLineFields>, string, RegExp][] = [
      [
        { subject: 'cat-99', unit: 'tCO2e', attributes: '' },
        'lines.0.subject',
        /"cat-99" is not a Scope 3 category/,
      ],
      [
        { unit: 'kWh', attributes: '' },
        'lines.0.unit',
        /"kWh" measures energy, but a cat-1 line by the given method/,
      ],
      [
        {
          activity: 'fuel',
          subject: 'diesel',
          use: 'combustion',
          unit: 'L',
          attributes: '',
          entity: 'smelter',
        },
        'lines.0.unit',
        /'L' needs a density: give the amount in t, or add the attribute density=<value> <unit>/,
      ],
    ];
    for (const [patch, field, message] of cases) {
      const ws = new MemoryWorkspace(loaded.bundle, AT);
      const out = await createActivityLines({ ws, lines: [{ fields: fields(patch) }], ...WHO });
      expect(out.ok ? 'written' : out.error.code, field).toBe('invalid-data');
      if (out.ok) continue;
      expect(out.error.field).toBe(field);
      expect(out.error.message).toMatch(message);
    }
  });
});
