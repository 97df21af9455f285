/**
 * Narrative sections (issue #19) through the use cases, on the in-memory workspace, PGlite and
 * PostgreSQL: list with versions, unbound numbers and the figures to pick; a preview printing a
 * placeholder as the report does; a save naming its version (a stale one changes nothing); the
 * saved text in the snapshot's bundle and so in the report; the audit entry in the store.
 * examples/minimal's revenue of the group for 2025 is 1,000 CNY million (its data-points.csv).
 */
import { join } from 'node:path';
import { narrativeRefs } from '@assay/core';
import { loadBundle } from '@assay/io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, cycleBackends } from '../../test/cycle-backends.js';
import type { Workspace } from '../workspace/workspace.js';
import { listNarrative, previewNarrative, writeNarrativeSection } from './narrative.js';
import { renderReport } from './render-report.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const bundle = {
  ...loaded.bundle,
  narrative: [
    {
      id: 'energy',
      title: { en: 'Energy', 'zh-Hant': '能源' },
      body: { en: 'Revenue was 1,000 in 2025.', 'zh-Hant': '2025年收入為1,000。' },
    },
  ],
};
const at = () => '2026-02-06T09:00:00.000Z';

describe.each(cycleBackends(bundle, at))('narrative on %s', (_name, open) => {
  let b: Backend;
  let ws: Workspace;
  beforeAll(async () => {
    b = await open();
    ws = b.ws;
  }, 60_000);
  afterAll(() => b?.close());

  it('lists the sections at version 1 with their unbound numbers, and the figures to pick', async () => {
    const l = await listNarrative({ ws });
    if (!l.ok) throw new Error(l.error.message);
    expect(l.value.sections.map((s) => [s.section.id, s.version, s.unbound])).toEqual([
      ['energy', 1, { en: ['1,000'], 'zh-Hant': ['1,000'] }],
    ]);
    const revenue = l.value.figures.find((f) => f.figureId === 'revenue@group/2025');
    expect(revenue).toMatchObject({
      placeholder: '{{figure:revenue|unit}}',
      periodId: '2025',
      entity: { en: expect.any(String) },
    });
    // every placeholder the picker inserts names its own figure again
    for (const f of l.value.figures)
      expect(narrativeRefs(f.placeholder, 'group', '2025')[0]?.figureId, f.placeholder).toBe(f.figureId);
  });

  it('previews a text as the report prints it: the figure, or a marker', async () => {
    const l = await listNarrative({ ws });
    const revenue = l.ok ? l.value.figures.find((f) => f.figureId === 'revenue@group/2025') : undefined;
    if (!revenue) throw new Error('no revenue figure');
    const p = await previewNarrative({
      ws,
      body: {
        en: `Revenue was ${revenue.placeholder}; {{figure:nope}}.`,
        'zh-Hant': `收入${revenue.placeholder}。`,
      },
    });
    if (!p.ok) throw new Error(p.error.message);
    expect(p.value.text.en).toBe(`Revenue was ${revenue.printed.en}; ⟦unresolved figure: figure:nope⟧.`);
    expect(p.value.text['zh-Hant']).toBe(`收入${revenue.printed['zh-Hant']}。`);
    expect(p.value.unbound).toEqual({ en: [], 'zh-Hant': [] });
  });

  it('saves a text naming its version; a stale version changes nothing; the report prints the new text', async () => {
    const body = {
      en: 'Revenue reached {{figure:revenue|unit}}.',
      'zh-Hant': '收入達{{figure:revenue|unit}}。',
    };
    const w = await writeNarrativeSection({ ws, id: 'energy', body, version: 1, author: 'ada' });
    expect(w).toMatchObject({ ok: true, value: { id: 'energy', version: 2 } });
    const stale = await writeNarrativeSection({
      ws,
      id: 'energy',
      body: { en: 'lost', 'zh-Hant': 'lost' },
      version: 1,
      author: 'bob',
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'stale-version', field: 'version' } });
    expect(ws.snapshot().bundle.narrative[0]?.body).toEqual(body);
    expect(await writeNarrativeSection({ ws, id: 'nope', body, version: 1, author: 'ada' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    const l = await listNarrative({ ws });
    expect(l.ok && l.value.sections[0]?.version).toBe(2);
    const printed = l.ok ? l.value.figures.find((f) => f.figureId === 'revenue@group/2025')?.printed.en : '';
    const html = await renderReport(ws, 'html', 'en');
    expect(String(html.body).includes(`Revenue reached ${printed}.`), `Revenue reached ${printed}.`).toBe(
      true,
    );
  }, 60_000);

  it('records the save in the audit log (store)', async () => {
    if (!b.store) return;
    const rows = await b.store.query<{ subject: string; reason: string }>(
      "select subject, reason from audit_log where subject like 'narrative %' order by seq",
    );
    expect(rows).toEqual([{ subject: 'narrative energy', reason: 'narrative energy changed' }]);
  });
});
