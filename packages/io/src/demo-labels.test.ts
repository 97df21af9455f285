/**
 * Every disaggregation code the demo group (examples/xinxin-2025) uses has a printed label in the
 * glossary, so the zh-Hant report never shows a raw code such as "（board）". Found by reading the
 * zh-Hant report as text: "治理會議次數（board）".
 */
import { join } from 'node:path';
import { AXIS_VALUES } from '@assay/core';
import { expect, it } from 'vitest';
import { loadBundle } from './bundle-folder.js';

const bundleDir = join(import.meta.dirname, '..', '..', '..', 'examples', 'xinxin-2025');

it('labels every disaggregation code of the demo group in both languages', async () => {
  const loaded = await loadBundle(bundleDir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues.slice(0, 5)));
  const codes = new Set(loaded.bundle.dataPoints.flatMap((d) => Object.values(d.disaggregation ?? {})));
  expect(codes.size).toBeGreaterThan(20);
  const unlabelled = [...codes].filter((c) => AXIS_VALUES[c] === undefined).sort();
  expect(unlabelled).toEqual([]);
});
