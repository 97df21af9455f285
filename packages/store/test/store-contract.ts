/**
 * The store contract: one suite run against every implementation (PGlite, PostgreSQL).
 * Each suite gets one migrated, empty store; tests run in order and build on each other's data
 * where noted (opening PGlite takes seconds, so it is shared).
 */
import { type ActivityLine, type Bundle, parseUnit, quantity, serializeBundle } from '@assay/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, verifyAudit } from '../src/audit.js';
import { getEvidence, putEvidence } from '../src/evidence.js';
import { currentFactRows, factTableHeader } from '../src/fact-rows-stream.js';
import { dataPointHistory } from '../src/history.js';
import { importBundle } from '../src/import-bundle.js';
import { importFacts } from '../src/import-facts.js';
import type { FactBatch } from '../src/import-run.js';
import { migrate, migrationFiles } from '../src/migrate.js';
import { readBundle } from '../src/read-bundle.js';
import type { Store } from '../src/store.js';
import { type RevisionProblem, verifyRevisions } from '../src/verify-revisions.js';
import { minimalBundle } from './fixtures-bundle.js';
import { retractionContract } from './retraction-contract.js';
import { safetyContract } from './safety-contract.js';

export type StoreFactory = () => Promise<{ store: Store; cleanup: () => Promise<void> }>;

const AT = '2026-01-15T09:00:00.000Z';
const who = { author: 'analyst@example.com', reason: 'FY2025 data collection', at: AT };

async function count(store: Store, table: string): Promise<number> {
  const [r] = await store.query<{ n: string }>(`select count(*)::text as n from ${table}`);
  return Number(r?.n);
}

export function storeContract(name: string, makeStore: StoreFactory): void {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let bundle: Bundle;
    beforeAll(async () => {
      ({ store, cleanup } = await makeStore());
      bundle = await minimalBundle();
    });
    afterAll(async () => {
      await cleanup?.();
    });

    it('applies every migration once, in order, and is then up to date', async () => {
      expect(await migrate(store, AT)).toEqual(migrationFiles());
      expect(await migrate(store, AT)).toEqual([]);
    });

    it('imports a bundle and reads back the same bundle', async () => {
      const r = await importBundle(store, bundle, who);
      expect(r).toMatchObject({ ok: true, changed: true, counts: { dataPoints: { added: 7, revised: 0 } } });
      const back = await readBundle(store);
      expect(back.ok).toBe(true);
      if (back.ok) expect(serializeBundle(back.bundle)).toEqual(serializeBundle(bundle));
    });

    it('adds nothing when the same bundle is imported again', async () => {
      const before = [
        await count(store, 'data_point_revision'),
        await auditEntries(store),
        await count(store, 'change_set'),
      ];
      const r = await importBundle(store, bundle, who);
      expect(r).toMatchObject({ ok: true, changed: false });
      expect([
        await count(store, 'data_point_revision'),
        await auditEntries(store),
        await count(store, 'change_set'),
      ]).toEqual(before);
    });

    it('records a correction as a new revision that supersedes the old one, with author and reason', async () => {
      const corrected: Bundle = {
        ...bundle,
        dataPoints: bundle.dataPoints.map((d) =>
          d.id === 'rev-25' ? { ...d, quantity: quantity('1000.25', d.quantity.unit) } : d,
        ),
      };
      const r = await importBundle(store, corrected, {
        author: 'controller@example.com',
        reason: 'audited revenue',
        at: AT,
      });
      expect(r).toMatchObject({ ok: true, counts: { dataPoints: { added: 0, revised: 1 } } });
      const history = await dataPointHistory(store, 'group|2025|revenue|');
      expect(history.map((h) => [h.rev, h.value, h.author, h.reason])).toEqual([
        [1, '1000', 'analyst@example.com', 'FY2025 data collection'],
        [2, '1000.25', 'controller@example.com', 'audited revenue'],
      ]);
      expect(history.map((h) => h.supersedes)).toEqual([null, 1]);
      expect(history[1]?.changeSet).toBeGreaterThan(history[0]?.changeSet ?? Number.POSITIVE_INFINITY);
    });

    it('keeps values exact: NUMERIC text with the unit symbol, no float drift', async () => {
      const exact = '123456789012345678901234.000000000000000001';
      const b: Bundle = {
        ...bundle,
        dataPoints: bundle.dataPoints.map((d) =>
          d.id === 'out-ni' ? { ...d, quantity: quantity(exact, d.quantity.unit) } : d,
        ),
      };
      await importBundle(store, b, who);
      const [row] = await store.query<{ v: string; unit: string }>(
        "select value::text as v, unit from data_point_current where fact_id = 'out-ni'",
      );
      expect(row).toEqual({ v: exact, unit: 't' });
      expect(parseUnit(row?.unit ?? '').ok).toBe(true);
    });

    it('refuses UPDATE, DELETE and TRUNCATE on fact tables and the audit log', async () => {
      for (const sql of [
        "update data_point_revision set value = 0 where fact_id = 'rev-25'",
        'delete from activity_line_revision',
        'truncate data_point_revision cascade',
        'delete from audit_log',
      ]) {
        await expect(store.query(sql)).rejects.toThrow(/append-only/);
      }
    });

    it('names both lines of an activity line given twice in different batches, and stores nothing', async () => {
      const before = [await count(store, 'activity_line_revision'), await auditEntries(store)];
      const line = (id: string, amount: string): ActivityLine => ({
        id,
        entityId: bundle.organisation.entities[0]?.id ?? '',
        periodId: '2025',
        activity: 'fuel',
        subject: 'diesel',
        use: 'combustion',
        amount: quantity(amount, 't'),
        attributes: {},
        source: 'fuel card',
      });
      const batch = (lines: number[], ids: string[]): FactBatch => ({
        file: 'fuel.csv',
        dataPoints: [],
        dataPointLines: [],
        activityLines: ids.map((id, k) => line(id, `${k + 1}.5`)),
        activityLineLines: lines,
        issues: [],
      });
      // Once with a different amount (it must not pass as a revision), once identical (it must
      // not pass as unchanged).
      for (const second of [
        batch([4, 5], ['al-dup-c', 'al-dup-a']),
        batch([4, 5], ['al-dup-a', 'al-dup-c']),
      ]) {
        const r = await importFacts(store, () => [batch([2, 3], ['al-dup-a', 'al-dup-b']), second], {
          ...who,
          subject: 'fuel.csv',
        });
        expect(r).toMatchObject({
          ok: false,
          issueCount: 1,
          issues: [
            {
              file: 'fuel.csv',
              row: second.activityLineLines[second.activityLines.findIndex((a) => a.id === 'al-dup-a')],
              reason: 'duplicate activity line id, also on line 2',
            },
          ],
        });
      }
      expect([await count(store, 'activity_line_revision'), await auditEntries(store)]).toEqual(before);
    });

    it('verify names a revision in a missing change set and a gap in revision numbers', async () => {
      expect(await verifyRevisions(store)).toEqual([]);
      const cols = `(fact_key, rev, change_set, seq, entity_id, period_id, activity, subject, amount, unit,
        attributes, source)`;
      const problems = await store
        .transaction(async (tx) => {
          await tx.query(
            `insert into activity_line_revision ${cols}
             values ('al-x', 1, 999999, 1, 'e', '2025', 'fuel', 'diesel', 1, 't', '', 's'),
                    ('al-x', 3, 999999, 2, 'e', '2025', 'fuel', 'diesel', 2, 't', '', 's')`,
          );
          const found = await verifyRevisions(tx);
          throw Object.assign(new Error('roll back'), { found });
        })
        .catch((e: { found?: RevisionProblem[] }) => e.found);
      expect(problems?.map((p) => p.reason)).toEqual([
        'revision 1 of "al-x" names change set 999999, which does not exist',
        'revision 3 of "al-x" names change set 999999, which does not exist',
        '"al-x" has 2 revisions but the latest is numbered 3',
        'change set 999999 wrote revisions that no audit entry records',
      ]);
      expect(await verifyRevisions(store)).toEqual([]);
    });

    // Retracts and revives facts of the bundle above; the audit checks below then cover its entries.
    retractionContract(() => ({ store, bundle }));
    // Issue #14: audit past ten entries, overlapping periods, re-keyed ids, digests, file hashes.
    safetyContract(() => ({ store, bundle }));

    it('streams the current facts page by page, as readBundle lists them, and ends its transaction when the reader stops', async () => {
      const read = await readBundle(store);
      if (!read.ok) throw new Error('store should read');
      const expected = serializeBundle(read.bundle);
      for (const [name, raw] of [
        ['data-points', expected.dataPoints],
        ['activity-lines', expected.activityLines],
      ] as const) {
        expect(factTableHeader(name)).toEqual(raw?.header);
        const rows: string[][] = [];
        for await (const r of currentFactRows(store, name, 2)) rows.push(r); // pages of 2: several pages
        expect(rows).toEqual(raw?.rows.map((r) => r.cells));
        expect(rows.length).toBeGreaterThan(2);
      }
      // A reader that stops after one row: the cursor's transaction must end, or (on PGlite,
      // which runs one statement at a time) the next query would wait for ever.
      for await (const _ of currentFactRows(store, 'data-points', 2)) break;
      expect(await count(store, 'change_set')).toBeGreaterThan(0);
    });

    it('rolls back everything when a transaction fails part-way', async () => {
      const before = await count(store, 'change_set');
      await expect(
        store.transaction(async (tx) => {
          await tx.query("insert into change_set (author, at, reason, source) values ('x', now(), 'y', 'z')");
          throw new Error('disk on fire');
        }),
      ).rejects.toThrow('disk on fire');
      expect(await count(store, 'change_set')).toBe(before);
    });

    it('stores evidence once per content hash', async () => {
      const bytes = new TextEncoder().encode('electricity bill, March 2025');
      const e = { bytes, name: 'bill-2025-03.pdf', mediaType: 'application/pdf', uploader: 'clerk', at: AT };
      const a = await putEvidence(store, e);
      const b = await putEvidence(store, { ...e, name: 'copy.pdf' });
      expect(a).toEqual({ sha256: a.sha256, isNew: true });
      expect(b).toEqual({ sha256: a.sha256, isNew: false });
      const got = await getEvidence(store, a.sha256);
      expect(got?.name).toBe('bill-2025-03.pdf');
      expect(new TextDecoder().decode(got?.bytes)).toBe('electricity bill, March 2025');
    });

    it('verifies an intact audit chain', async () => {
      const v = await verifyAudit(store);
      expect(v).toEqual({
        ok: true,
        entries: await auditEntries(store),
        head: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(v.entries).toBeGreaterThanOrEqual(4);
    });

    describe('audit tampering (triggers disabled, as a database owner could)', () => {
      // Each test breaks the chain, checks the verdict, then restores the original rows.
      const tamper = async (sql: string) => {
        await store.transaction(async (tx) => {
          await tx.exec(
            `alter table audit_log disable trigger user; ${sql}; alter table audit_log enable trigger user`,
          );
        });
      };
      const restoring = async (sql: string, check: () => Promise<void>) => {
        await tamper(`create table audit_copy as select * from audit_log; ${sql}`);
        try {
          await check();
        } finally {
          await tamper(
            'delete from audit_log; insert into audit_log select * from audit_copy; drop table audit_copy',
          );
        }
        expect((await verifyAudit(store)).ok).toBe(true);
      };
      it('names an edited entry', () =>
        restoring("update audit_log set reason = 'nothing to see' where seq = 2", async () => {
          expect(await verifyAudit(store)).toMatchObject({
            ok: false,
            brokenAt: 2,
            reason: expect.stringMatching(/edited/),
          });
        }));
      it('names a removed entry', () =>
        restoring('delete from audit_log where seq = 3', async () => {
          expect(await verifyAudit(store)).toMatchObject({
            ok: false,
            brokenAt: 3,
            reason: expect.stringMatching(/removed/),
          });
        }));
      it('names reordered entries', () =>
        restoring(
          `update audit_log a set at = b.at, actor = b.actor, action = b.action, subject = b.subject, before = b.before,
             after = b.after, reason = b.reason, prev_hash = b.prev_hash, hash = b.hash
           from audit_copy b where (a.seq, b.seq) in ((2, 3), (3, 2))`,
          async () => {
            expect(await verifyAudit(store)).toMatchObject({ ok: false, brokenAt: 2 });
          },
        ));
    });
  });
}
