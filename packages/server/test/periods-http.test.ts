/**
 * GET /api/periods: the reporting years and every period holding data, activity lines included.
 * The Restatements page, the Cycle page and the data page offer these periods; a month that held
 * only activity lines (January 2026's diesel, entered per site and per month) was missing, so
 * the Restatements page could not pick the line of a locked month to restate it (found by the
 * issue #17 journey, collection-journey-browser.test.ts; this test failed before: withData was
 * ["2024", "2025"]).
 */
import { join } from 'node:path';
import { MemoryWorkspace } from '@assay/app';
import { loadBundle } from '@assay/io';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');

describe('GET /api/periods', () => {
  it('lists the periods of activity lines among the periods with data', async () => {
    const app = createApp({
      workspace: new MemoryWorkspace({
        ...loaded.bundle,
        reporting: { current: '2026', prior: ['2025', '2024'] },
      }),
    });
    const periods = async () => (await (await app.request('/api/periods')).json()) as Record<string, unknown>;
    // examples/minimal: data points of 2024 and 2025, activity lines of 2025.
    expect(await periods()).toEqual({ current: '2026', prior: ['2025', '2024'], withData: ['2024', '2025'] });

    const entered = await app.request('/api/activity-lines', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        reason: 'January fuel',
        lines: [
          {
            entity: 'smelter',
            period: '2026-01',
            activity: 'fuel',
            subject: 'diesel',
            amount: '12',
            unit: 't',
            source: 'invoice',
          },
          {
            entity: 'mine',
            period: '2026-Q1',
            activity: 'electricity-purchased',
            subject: 'grid',
            amount: '900',
            unit: 'MWh',
            source: 'bills',
          },
        ],
      }),
    });
    expect(entered.status, await entered.text()).toBe(201);
    expect((await periods()).withData).toEqual(['2024', '2025', '2026-01', '2026-Q1']);
  });
});
