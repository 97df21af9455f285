/**
 * Checker benchmark (issue #7): `assay check` of the reference bundle (examples/xinxin-2025)
 * and of a generated clean group of 2,000 entities (evaluation included, as the CLI does it).
 * Targets: reference < 1 s, 2,000 entities < 10 s. Run: `npx tsx bench/check-bench.ts`.
 */
import { checkBundle } from '@assay/core';
import { generateCleanBundle } from '@assay/core/testing';
import { loadBundle } from '@assay/io';

export type BenchResult = { name: string; value: number; unit: string; target?: string; note?: string };

const ms = (t0: number) => Math.round(performance.now() - t0);

export async function benchCheck(entities = 2000): Promise<BenchResult[]> {
  const loaded = await loadBundle('examples/xinxin-2025');
  if (!loaded.ok) throw new Error('examples/xinxin-2025 does not load');
  let t0 = performance.now();
  const cold = checkBundle(loaded.bundle);
  const coldMs = ms(t0);
  t0 = performance.now();
  checkBundle(loaded.bundle);
  const warmMs = ms(t0);
  const big = generateCleanBundle(entities);
  t0 = performance.now();
  const generated = checkBundle(big);
  const bigMs = ms(t0);
  return [
    {
      name: 'check xinxin-2025 (first run)',
      value: coldMs,
      unit: 'ms',
      target: '< 1000',
      note: `${cold.findings.length} findings`,
    },
    { name: 'check xinxin-2025 (second run)', value: warmMs, unit: 'ms', target: '< 1000' },
    {
      name: `check generated group, ${entities} entities`,
      value: bigMs,
      unit: 'ms',
      target: '< 10000',
      note: `${big.published.length} printed figures, ${generated.findings.length} findings`,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchCheck(Number(process.argv[2] ?? 2000)))
    console.log(
      `${r.name}: ${r.value} ${r.unit}${r.target ? ` (target ${r.target})` : ''}${r.note ? ` — ${r.note}` : ''}`,
    );
}
