/**
 * `assay validate` refuses an activity line its method cannot convert (issue #24: diesel in
 * litres validated, then failed in the calculation and blanked every dependent figure; issue #21:
 * a Scope 3 line in kWh, an unknown category "cat-99").
 */
import { appendFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Output } from '../src/command.js';
import { main } from '../src/main.js';

const root = join(import.meta.dirname, '..', '..', '..');
function capture(): Output & { text: () => string } {
  const lines: string[] = [];
  return { out: (t) => lines.push(t), err: (t) => lines.push(t), text: () => lines.join('\n') };
}

/** examples/minimal with these rows added to activity-lines.csv. */
function minimalWith(rows: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'assay-units-'));
  cpSync(join(root, 'examples/minimal'), dir, { recursive: true });
  appendFileSync(join(dir, 'activity-lines.csv'), `${rows.join('\n')}\n`);
  return dir;
}

describe('assay validate on activity lines its method cannot use', () => {
  it('exits 1 for diesel in litres without a density, naming row, column and what is missing', async () => {
    const io = capture();
    const dir = minimalWith(['x1,smelter,2025,fuel,diesel,combustion,2000,L,,fuel card,,']);
    expect(await main(['validate', dir, '--format', 'json'], io)).toBe(1);
    expect(io.text()).toContain(
      "'L' needs a density: give the amount in t, or add the attribute density=<value> <unit>",
    );
    expect(io.text()).toContain('"column": "unit"');
  });

  it('exits 0 once the line states its density', async () => {
    const dir = minimalWith(['x1,smelter,2025,fuel,diesel,combustion,2000,L,density=0.84 kg/L,fuel card,,']);
    expect(await main(['validate', dir], capture())).toBe(0);
  });

  it('exits 1 for a Scope 3 line in kWh and for category cat-99', async () => {
    const io = capture();
    const dir = minimalWith([
      's1,group,2025,scope3,cat-1,,500,kWh,,supplier,,',
      's2,group,2025,scope3,cat-99,,5,tCO2e,,supplier,,',
    ]);
    expect(await main(['validate', dir], io)).toBe(1);
    expect(io.text()).toContain(
      '"kWh" measures energy, but a cat-1 line by the given method is entered as emissions in CO2e',
    );
    expect(io.text()).toContain(
      '"cat-99" is not a Scope 3 category of the GHG Protocol; use one of cat-1 (Purchased goods and services)',
    );
  });
});
