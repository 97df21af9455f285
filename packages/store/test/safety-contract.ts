/**
 * Data-safety cases of the store contract (issue #14), run on PGlite and PostgreSQL by
 * store-contract.ts on the store it has filled with examples/minimal (after the retraction
 * cases: rev-24 is retracted, every other fact current). Each case leaves the store as valid as
 * it found it.
 */
import { createHash } from 'node:crypto';
import type { Bundle, DataPoint } from '@assay/core';
import { q } from '@assay/core';
import { expect, it } from 'vitest';
import { appendAudit, auditEntries, verifyAudit } from '../src/audit.js';
import { importFacts } from '../src/import-facts.js';
import type { FactBatch } from '../src/import-run.js';
import { retractFacts } from '../src/retract-facts.js';
import type { Store } from '../src/store.js';
import { type DigestVerification, verifyDigests, verifyDigestsIn } from '../src/verify-digests.js';

const AT = '2026-04-01T08:00:00.000Z';
const WHO = { author: 'analyst@example.com', reason: 'monthly upload', at: AT };

/** Rows of every table an import writes, to show that a refused one wrote nothing. */
export async function footprint(store: Store): Promise<number[]> {
  const [r] = await store.query<Record<string, string>>(
    `select (select count(*) from data_point_revision)::text as dp,
            (select count(*) from activity_line_revision)::text as al,
            (select count(*) from change_set)::text as cs`,
  );
  return [Number(r?.dp), Number(r?.al), Number(r?.cs), await auditEntries(store)];
}

export function dataPointBatch(file: string, dataPoints: DataPoint[]): FactBatch {
  return {
    file,
    dataPoints,
    dataPointLines: dataPoints.map((_, i) => i + 2),
    activityLines: [],
    activityLineLines: [],
    issues: [],
  };
}

export function safetyContract(get: () => { store: Store; bundle: Bundle }): void {
  const point = (id: string): DataPoint => {
    const d = get().bundle.dataPoints.find((x) => x.id === id);
    if (!d) throw new Error(`no data point ${id} in examples/minimal`);
    return d;
  };

  it('keeps writing past the tenth audit entry: 25 imports, one entry each, numbered 1..n, chain intact', async () => {
    const { store } = get();
    const before = await auditEntries(store);
    const out = point('out-ni');
    for (let i = 1; i <= 25; i++) {
      const r = await importFacts(
        store,
        () => [dataPointBatch(`output-${i}.csv`, [{ ...out, quantity: q(`${10000 + i} t`) }])],
        { ...WHO, subject: `output-${i}.csv` },
      );
      expect(r).toMatchObject({ ok: true, changed: true });
    }
    expect(await auditEntries(store)).toBe(before + 25);
    const seqs = await store.query<{ s: string }>(
      'select seq::text as s from audit_log order by audit_log.seq',
    );
    expect(seqs.map((r) => Number(r.s))).toEqual(Array.from({ length: before + 25 }, (_, i) => i + 1));
    const v = await verifyAudit(store);
    expect(v).toMatchObject({ ok: true, entries: before + 25 });
    // Back to the bundle's value, so later cases find examples/minimal.
    expect(
      await importFacts(store, () => [dataPointBatch('output.csv', [out])], {
        ...WHO,
        subject: 'output.csv',
      }),
    ).toMatchObject({ ok: true, changed: true });
  });

  it('refuses a quarter next to a stored annual value (and the reverse), naming the row and the stored fact, and writes nothing', async () => {
    const { store } = get();
    const before = await footprint(store);
    const q1: DataPoint = {
      ...point('rev-25'),
      id: 'rev-25-q1',
      periodId: '2025-Q1',
      quantity: q('240 CNY million'),
    };
    const r = await importFacts(store, () => [dataPointBatch('revenue-q1.csv', [point('hc-s-m'), q1])], {
      ...WHO,
      subject: 'revenue-q1.csv',
    });
    expect(r).toEqual({
      ok: false,
      issueCount: 1,
      issues: [
        {
          file: 'revenue-q1.csv',
          row: 3,
          column: 'period',
          reason:
            '2025-Q1 overlaps the stored data point "rev-25" (period 2025, key "group|2025|revenue|"): a year must be given as one value or as its months or quarters, not both',
        },
      ],
    });
    // A month next to a stored annual value overlaps too.
    const monthly: DataPoint = { ...point('hc-s-m'), id: 'hc-s-m-01', periodId: '2025-01' };
    expect(
      await importFacts(store, () => [dataPointBatch('hc.csv', [monthly])], { ...WHO, subject: 'hc.csv' }),
    ).toMatchObject({ ok: false, issues: [{ file: 'hc.csv', row: 2, column: 'period' }] });
    // Another disaggregation, entity or year does not overlap.
    const other: DataPoint = { ...point('hc-s-f'), id: 'hc-s-f-q1', periodId: '2024-Q1' };
    expect(await footprint(store)).toEqual(before);
    expect(
      await importFacts(store, () => [dataPointBatch('hc-2024.csv', [other])], {
        ...WHO,
        subject: 'hc-2024.csv',
      }),
    ).toMatchObject({ ok: true, changed: true });
    // Now the quarter is stored: a 2024 annual value for it is refused the other way round.
    const annual: DataPoint = { ...other, id: 'hc-s-f-24', periodId: '2024' };
    expect(
      await importFacts(store, () => [dataPointBatch('hc-24.csv', [annual])], {
        ...WHO,
        subject: 'hc-24.csv',
      }),
    ).toMatchObject({
      ok: false,
      issues: [
        {
          file: 'hc-24.csv',
          row: 2,
          column: 'period',
          reason: expect.stringMatching(/^2024 overlaps the stored data point "hc-s-f-q1" \(period 2024-Q1/),
        },
      ],
    });
    expect(await verifyAudit(store)).toMatchObject({ ok: true });
  });

  it('lets a period stand next to a retracted one: only current facts count', async () => {
    const { store } = get();
    // rev-24 (group, 2024, revenue) is retracted by the retraction cases.
    const q4: DataPoint = {
      ...point('rev-24'),
      id: 'rev-24-q4',
      periodId: '2024-Q4',
      quantity: q('250 CNY million'),
    };
    expect(
      await importFacts(store, () => [dataPointBatch('rev-24-q4.csv', [q4])], {
        ...WHO,
        subject: 'rev-24-q4.csv',
      }),
    ).toMatchObject({ ok: true, changed: true });
    // Bringing the annual value back would now overlap the quarter.
    expect(
      await importFacts(store, () => [dataPointBatch('rev-24.csv', [point('rev-24')])], {
        ...WHO,
        subject: 'rev-24.csv',
      }),
    ).toMatchObject({
      ok: false,
      issues: [
        {
          row: 2,
          column: 'period',
          reason: expect.stringMatching(/^2024 overlaps the stored data point "rev-24-q4"/),
        },
      ],
    });
  });

  it('refuses a row that gives an existing id (current or retracted) to another fact, naming row, column id and the key', async () => {
    const { store } = get();
    const before = await footprint(store);
    const moved: DataPoint = { ...point('hc-s-m'), id: 'out-ni' };
    const r = await importFacts(store, () => [dataPointBatch('moved.csv', [moved])], {
      ...WHO,
      subject: 'moved.csv',
    });
    expect(r).toEqual({
      ok: false,
      issueCount: 1,
      issues: [
        {
          file: 'moved.csv',
          row: 2,
          column: 'id',
          reason:
            'id "out-ni" belongs to the data point "smelter|2025|production.output|product=nickel"; give this row another id (or none)',
        },
      ],
    });
    // rev-24 is retracted, but its history is still looked up by that id.
    const reused: DataPoint = { ...point('hc-m-m'), periodId: '2024', id: 'rev-24' };
    expect(
      await importFacts(store, () => [dataPointBatch('reused.csv', [reused])], {
        ...WHO,
        subject: 'reused.csv',
      }),
    ).toMatchObject({
      ok: false,
      issues: [
        {
          file: 'reused.csv',
          row: 2,
          column: 'id',
          reason: expect.stringMatching(/"group\|2024\|revenue\|"/),
        },
      ],
    });
    expect(await footprint(store)).toEqual(before);
    // The same id for the same fact is an ordinary revision.
    const same: DataPoint = { ...point('out-ni'), quantity: q('10001 t') };
    expect(
      await importFacts(store, () => [dataPointBatch('same.csv', [same])], { ...WHO, subject: 'same.csv' }),
    ).toMatchObject({ ok: true, changed: true, counts: { dataPoints: { added: 0, revised: 1 } } });
    expect(
      await importFacts(store, () => [dataPointBatch('same.csv', [point('out-ni')])], {
        ...WHO,
        subject: 'same.csv',
      }),
    ).toMatchObject({ ok: true, changed: true });
  });

  it('recognises a file imported before by its bytes, under any name: adds nothing and says so, unless imported as new data', async () => {
    const { store, bundle } = get();
    const d1 = bundle.activityLines.find((a) => a.id === 'd1');
    if (!d1) throw new Error('no d1');
    const sha256 = createHash('sha256').update('the bytes of fuel-march.csv').digest('hex');
    const lines = (file: string) => (): FactBatch[] => [
      {
        file,
        dataPoints: [],
        dataPointLines: [],
        // Generated ids come from the file name: another name, other ids.
        activityLines: [2, 3].map((line) => ({ ...d1, id: `al-${file}-${line}`, periodId: '2025-03' })),
        activityLineLines: [2, 3],
        issues: [],
      },
    ];
    const first = await importFacts(store, lines('fuel-march'), {
      ...WHO,
      subject: 'fuel-march.csv',
      file: { sha256 },
    });
    expect(first).toMatchObject({ ok: true, changed: true, counts: { activityLines: { added: 2 } } });
    const [entry] = await store.query<{ after: Record<string, unknown> }>(
      "select after from audit_log where action = 'import' order by audit_log.seq desc limit 1",
    );
    expect(entry?.after.fileSha256).toBe(sha256);
    const before = await footprint(store);
    const again = await importFacts(store, lines('fuel-march-copy'), {
      ...WHO,
      subject: 'fuel-march-copy.csv',
      file: { sha256 },
    });
    expect(again).toEqual({
      ok: true,
      changed: false,
      counts: { dataPoints: { added: 0, revised: 0 }, activityLines: { added: 0, revised: 0 }, other: 0 },
      alreadyImported: {
        changeSet: first.ok ? first.changeSet : -1,
        at: '2026-04-01T08:00:00Z',
        source: 'fuel-march.csv',
      },
    });
    expect(await footprint(store)).toEqual(before);
    const asNew = await importFacts(store, lines('fuel-march-copy'), {
      ...WHO,
      subject: 'fuel-march-copy.csv',
      file: { sha256, asNewData: true },
    });
    expect(asNew).toMatchObject({ ok: true, changed: true, counts: { activityLines: { added: 2 } } });
    // Without a digest (a bundle, a web edit) nothing is compared.
    expect(
      await importFacts(store, lines('fuel-march-other'), { ...WHO, subject: 'fuel-march-other.csv' }),
    ).toMatchObject({ ok: true, changed: true });
    expect(await verifyDigests(store)).toMatchObject({ problems: [] });
  });

  it('verify hashes text as the import wrote it: tabs, backslashes, line breaks and non-ASCII in fields', async () => {
    const { store } = get();
    const odd: DataPoint = {
      ...point('out-ni'),
      comment: 'tab\there, back\\slash, line\nbreak, return\r, 噸標準煤, \\N literally',
      evidence: '',
    };
    expect(
      await importFacts(store, () => [dataPointBatch('odd.csv', [odd])], { ...WHO, subject: 'odd.csv' }),
    ).toMatchObject({ ok: true, changed: true });
    expect((await verifyDigests(store)).problems).toEqual([]);
    expect(await retractFacts(store, { dataPoints: ['out-ni'] }, WHO)).toMatchObject({ ok: true });
    expect((await verifyDigests(store)).problems).toEqual([]);
    expect(
      await importFacts(store, () => [dataPointBatch('out.csv', [point('out-ni')])], {
        ...WHO,
        subject: 'out.csv',
      }),
    ).toMatchObject({ ok: true, changed: true });
  });

  it('verify recomputes every change set digest, and names a revision whose value was changed behind the trigger', async () => {
    const { store } = get();
    const intact = await verifyDigests(store);
    expect(intact.problems).toEqual([]);
    expect(intact.uncovered).toBe(0);
    expect(intact.checked).toBe(await count(store, "audit_log where action in ('import', 'retract')"));
    expect(intact.revisions).toBe(
      (await count(store, 'data_point_revision')) + (await count(store, 'activity_line_revision')),
    );
    const [first] = await store.query<{ cs: string }>(
      "select change_set::text as cs from data_point_revision where fact_key = 'group|2025|revenue|' and rev = 1",
    );
    await tampered(
      store,
      'data_point_revision',
      "update data_point_revision set value = 2000 where fact_key = 'group|2025|revenue|' and rev = 1",
      "update data_point_revision set value = 1000 where fact_key = 'group|2025|revenue|' and rev = 1",
      async () => {
        const v = await verifyDigests(store);
        expect(v.problems).toEqual([
          {
            changeSet: Number(first?.cs),
            reason: expect.stringContaining(
              `revision 1 of "group|2025|revenue|" (data_point_revision, change set ${first?.cs}) was changed after it was written`,
            ),
          },
        ]);
      },
    );
    // An activity line, and a row removed.
    await tampered(
      store,
      'activity_line_revision',
      "update activity_line_revision set amount = amount + 1 where fact_key = 'g1' and rev = 1",
      "update activity_line_revision set amount = amount - 1 where fact_key = 'g1' and rev = 1",
      async () => {
        expect((await verifyDigests(store)).problems).toMatchObject([
          { reason: expect.stringContaining('revision 1 of "g1" (activity_line_revision') },
        ]);
      },
    );
    expect((await verifyDigests(store)).problems).toEqual([]);
  });

  it('covers retractions too: a changed value or a cleared retracted flag is named; an old entry without a digest is counted, not failed', async () => {
    const { store } = get();
    const [entry] = await store.query<{ after: { changeSet: number; contentDigest?: string } }>(
      "select after from audit_log where action = 'retract' order by audit_log.seq limit 1",
    );
    const cs = entry?.after.changeSet;
    expect(entry?.after.contentDigest).toMatch(/^[0-9a-f]{64}$/);
    const where = `fact_key = 'e2' and change_set = ${cs}`;
    await tampered(
      store,
      'activity_line_revision',
      `update activity_line_revision set amount = 1 where ${where}`,
      `update activity_line_revision set amount = 5000 where ${where}`,
      async () => {
        expect((await verifyDigests(store)).problems).toEqual([
          {
            changeSet: cs,
            reason: expect.stringMatching(/revision 2 of "e2" .* was changed after it was written/),
          },
        ]);
      },
    );
    await tampered(
      store,
      'activity_line_revision',
      `update activity_line_revision set retracted = false where ${where}`,
      `update activity_line_revision set retracted = true where ${where}`,
      async () => {
        expect((await verifyDigests(store)).problems).toEqual([
          {
            changeSet: cs,
            reason: expect.stringMatching(
              /^revision 2 of "e2" .* is not marked retracted, but change set \d+ is a retraction/,
            ),
          },
        ]);
      },
    );
    // A retraction written before retractions recorded a digest: in a transaction rolled back.
    const found = await store
      .transaction(async (tx) => {
        const [c] = await tx.query<{ id: string }>(
          "insert into change_set (author, at, reason, source) values ('old', now(), 'old', 'retraction') returning id::text as id",
        );
        await tx.query(
          `insert into activity_line_revision (fact_key, rev, change_set, seq, retracted, entity_id, period_id, activity,
             subject, use, amount, unit, attributes, source)
           select fact_key, rev + 1, $1, 1, true, entity_id, period_id, activity, subject, use, amount, unit, attributes, source
           from activity_line_revision where fact_key = 'd1' and rev = 1`,
          [Number(c?.id)],
        );
        await appendAudit(tx, {
          at: AT,
          actor: 'old',
          action: 'retract',
          subject: 'retraction',
          before: null,
          after: { changeSet: Number(c?.id), dataPoints: [], activityLines: ['d1'] },
          reason: 'old',
        });
        throw Object.assign(new Error('roll back'), { v: await verifyDigestsIn(tx) });
      })
      .catch((e: { v?: DigestVerification }) => e.v);
    expect(found).toMatchObject({ problems: [], uncovered: 1 });
    expect((await verifyDigests(store)).problems).toEqual([]);
  });
}

async function count(store: Store, table: string): Promise<number> {
  const [r] = await store.query<{ n: string }>(`select count(*)::text as n from ${table}`);
  return Number(r?.n);
}

/** Change rows as a table owner can (triggers off), check, then put them back. */
async function tampered(
  store: Store,
  table: string,
  change: string,
  undo: string,
  check: () => Promise<void>,
) {
  const run = (sql: string) =>
    store.transaction((tx) =>
      tx.exec(`alter table ${table} disable trigger user; ${sql}; alter table ${table} enable trigger user`),
    );
  await run(change);
  try {
    await check();
  } finally {
    await run(undo);
  }
}
