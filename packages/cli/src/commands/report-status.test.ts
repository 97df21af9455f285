/**
 * `assay report` on the store reads the store's workflow records (issue #17): a store with
 * examples/minimal and no approvals prints a draft; once every unit of 2025 holding data is
 * approved in the store (transitions decided by core's rule and recorded by the store, as the
 * workflow use cases do), the units no longer block it (it stays a draft for its error-level
 * findings, the publication gate's other item; core publication-gate.test.ts tests final). A bundle folder has no records:
 * always a draft (report.test.ts checks that on the reference dataset).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportUnits } from '@assay/app';
import { type Capability, transition } from '@assay/core';
import { loadBundle } from '@assay/io';
import { applyWorkflowTransition, importBundle, migrate, openPgliteStore } from '@assay/store';
import { expect, it } from 'vitest';
import { main } from '../main.js';

const AT = '2026-01-01T00:00:00.000Z';
const quiet = { out: () => {}, err: (t: string) => console.error(t) };

it('is a draft until every unit is approved in the store, then blocked only by its error findings', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'assay-report-status-'));
  const saved = { data: process.env.ASSAY_DATA_DIR, url: process.env.DATABASE_URL };
  process.env.ASSAY_DATA_DIR = join(dir, 'data');
  delete process.env.DATABASE_URL;
  try {
    const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal'));
    if (!loaded.ok) throw new Error('examples/minimal should load');
    let store = await openPgliteStore(join(dir, 'data'));
    await migrate(store, AT);
    await importBundle(store, loaded.bundle, { author: 'a', reason: 'r', at: AT });
    await store.close();

    const status = async (name: string) => {
      const out = join(dir, name);
      expect(await main(['report', '--out', out, '--lang', 'en', '--format', 'json,html'], quiet)).toBe(0);
      const json = JSON.parse(await readFile(join(out, 'figures.json'), 'utf8'));
      const html = await readFile(join(out, 'report.en.html'), 'utf8');
      return { ...json, marked: html.includes('class="draft-mark"') };
    };
    expect(await status('before')).toMatchObject({ status: 'draft', unapproved: 6, units: 6, marked: true });

    const units = reportUnits(loaded.bundle);
    store = await openPgliteStore(join(dir, 'data'));
    const step = async (
      key: (typeof units)[number],
      event: 'submit' | 'review' | 'approve',
      version: number,
      who: string,
      can: Capability,
    ) => {
      const out = await applyWorkflowTransition(store, {
        key,
        expectedVersion: version,
        event,
        comment: null,
        exceptionFor: null,
        userId: who,
        actor: who,
        at: AT,
        decide: (unit) => transition(unit, { kind: event }, { id: who, can: new Set([can]) }),
      });
      expect(out, `${event} ${key.entityId} ${key.topic}`).toMatchObject({ ok: true });
    };
    for (const [i, key] of units.entries()) {
      await step(key, 'submit', 0, 'u-pia', 'prepare');
      await step(key, 'review', 1, 'u-rita', 'review');
      // The last unit stays reviewed for the middle check.
      if (i < units.length - 1) await step(key, 'approve', 2, 'u-alex', 'approve');
    }
    await store.close();
    expect(await status('one-left')).toMatchObject({ status: 'draft', unapproved: 1, marked: true });

    store = await openPgliteStore(join(dir, 'data'));
    const last = units.at(-1);
    if (last) await step(last, 'approve', 2, 'u-alex', 'approve');
    await store.close();
    // All units approved: only the publication gate's other items remain (examples/minimal has
    // error-level completeness findings), so the report stays a draft naming just those.
    const after = await status('after');
    expect(after).toMatchObject({ status: 'draft', unapproved: 0, units: 6, marked: true });
    // …and its issuer sections, which it does not have (core report/issuer-sections.ts)
    expect(after.blockers.map((b: { kind: string }) => b.kind)).toEqual(['errors', 'issuer']);
  } finally {
    if (saved.data === undefined) delete process.env.ASSAY_DATA_DIR;
    else process.env.ASSAY_DATA_DIR = saved.data;
    if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
    await rm(dir, { recursive: true, force: true });
  }
}, 120_000);
