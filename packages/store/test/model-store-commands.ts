/**
 * Store steps of the model-based tests: `assay retract` (retractFacts, with the server stopped
 * and started again after it), a restart (close the workspace and the store, open the same
 * folder or database again), and tampering: a revision's value changed in the database behind
 * the append-only trigger, which `assay audit verify` must report (item 9 of issue #14), then
 * put back.
 */
import fc from 'fast-check';
import { verifyAudit } from '../src/audit.js';
import { retractFacts } from '../src/retract-facts.js';
import { verifyDigests } from '../src/verify-digests.js';
import { verifyRevisions } from '../src/verify-revisions.js';
import { Divergence } from './model-check.js';
import { applyRetraction, type FactKindName, isLive, type Model } from './model-reference.js';
import { dpSlot, sometimes, who } from './model-rows.js';
import { type Real, reopenWorkspace, restart } from './model-system.js';
import { DATA_POINT_SLOTS, dataPointKey } from './model-universe.js';

const json = (x: unknown) => JSON.stringify(x);

const sortedKeys = (m: Model, kind: FactKindName) => [...m.facts[kind].keys()].sort();

/** `assay retract --data-point … --activity-line … --reason …` on live facts, sometimes naming one that is not. */
export function cliRetract() {
  return fc
    .record({
      dps: fc.uniqueArray(fc.nat(DATA_POINT_SLOTS.length - 1), { maxLength: 3 }),
      als: fc.uniqueArray(fc.nat(60), { maxLength: 3 }),
      byKey: fc.boolean(),
      bad: sometimes(fc.constantFrom('unknown', 'retracted'), 'none', 4),
      who,
    })
    .map((p) => ({
      label: `cliRetract ${json(p)}`,
      step: async (m: Model, real: Real) => {
        const dpKeys = p.dps.map((i) => dataPointKey(dpSlot(i))).filter((k) => isLive(m.facts.dp.get(k)));
        const alAll = sortedKeys(m, 'al');
        const alKeys = [
          ...new Set(p.als.map((i) => alAll[i % Math.max(1, alAll.length)] as string).filter(Boolean)),
        ].filter((k) => isLive(m.facts.al.get(k)));
        const dpNames = dpKeys.map((k) =>
          p.byKey ? k : (m.facts.dp.get(k)?.revisions.at(-1)?.fields.id as string),
        );
        const alNames = [...alKeys];
        let problem: string | undefined;
        if (p.bad === 'retracted') {
          const gone = [
            ...sortedKeys(m, 'dp').filter((k) => !isLive(m.facts.dp.get(k))),
            ...sortedKeys(m, 'al').filter((k) => !isLive(m.facts.al.get(k))),
          ];
          const k = gone[0];
          if (k !== undefined) {
            (m.facts.dp.has(k) ? dpNames : alNames).push(k);
            problem = 'already-retracted';
          }
        }
        if (p.bad === 'unknown' || (p.bad === 'retracted' && !problem)) {
          alNames.push('no-such-line');
          problem = 'unknown';
        }
        if (dpNames.length + alNames.length === 0) problem = 'invalid-request';
        const meta = { ...p.who, at: real.at };
        const r = await retractFacts(
          real.store,
          { dataPoints: dpNames, activityLines: alNames },
          { ...meta, subject: 'assay retract' },
        );
        const actual = r.ok
          ? { ok: true, dataPoints: r.dataPoints, activityLines: r.activityLines }
          : { ok: false, codes: [...new Set(r.problems.map((x) => x.code))] };
        const expected = problem
          ? { ok: false, codes: [problem] }
          : { ok: true, dataPoints: dpKeys, activityLines: alKeys };
        if (json(actual) !== json(expected))
          throw new Divergence(`retractFacts answered ${json(actual)}, the model ${json(expected)}`);
        if (!problem)
          applyRetraction(
            m,
            [
              ...dpKeys.map((key) => ({ kind: 'dp' as const, key })),
              ...alKeys.map((key) => ({ kind: 'al' as const, key })),
            ],
            meta,
          );
        await reopenWorkspace(real);
        m.wsVersion = 1;
        return dpKeys;
      },
    }));
}

/** Close the workspace and the store and open them again: everything must read back as the model says. */
export function restartCommand() {
  return fc.constant({
    label: 'restart',
    step: async (m: Model, real: Real) => {
      await restart(real);
      m.wsVersion = 1;
      return sortedKeys(m, 'dp');
    },
  });
}

const TABLE = {
  dp: { table: 'data_point_revision', column: 'value' },
  al: { table: 'activity_line_revision', column: 'amount' },
} as const;

/**
 * Change one revision behind the append-only trigger (its value + 1, or its retracted flag
 * flipped); `assay audit verify` (verifyAudit, verifyRevisions, verifyDigests) must name the
 * change set that wrote it; then put it back.
 */
export function tamper() {
  return fc
    .record({ kind: fc.constantFrom('dp', 'al'), what: fc.constantFrom('value', 'flag'), pick: fc.nat() })
    .map((p) => ({
      label: `tamper ${json(p)}`,
      step: async (m: Model, real: Real) => {
        const kind = p.kind as FactKindName;
        const t = TABLE[kind];
        const revisions = sortedKeys(m, kind).flatMap((key) =>
          (m.facts[kind].get(key)?.revisions ?? []).map((r, i) => ({
            key,
            rev: i + 1,
            value: r.fields[t.column] as string,
          })),
        );
        const target = revisions[p.pick % Math.max(1, revisions.length)];
        if (!target) return [];
        const column = p.what === 'value' ? t.column : 'retracted';
        const set = (expr: string) =>
          real.store.transaction(async (tx) => {
            // As the table owner could, bypassing the append-only trigger (002-append-only.sql).
            await tx.exec('set local session_replication_role = replica');
            return tx.query<{ change_set: string }>(
              `update ${t.table} set ${column} = ${expr} where fact_key = $1 and rev = $2
               returning change_set::text as change_set`,
              [target.key, target.rev],
            );
          });
        const [row] = await set(p.what === 'value' ? `${t.column} + 1` : 'not retracted');
        const changeSet = Number(row?.change_set);
        const audit = await verifyAudit(real.store);
        const problems = await verifyRevisions(real.store);
        const digests = await verifyDigests(real.store);
        const named = digests.problems.some((d) => d.changeSet === changeSet);
        if (!named)
          throw new Divergence(
            `revision ${target.rev} of "${target.key}" (change set ${changeSet}) was changed in the database ` +
              `(${p.what === 'value' ? `${t.column} ${target.value} + 1` : 'retracted flag flipped'}), ` +
              `but verify does not name its change set (issue #14 item 9): ${json({ audit, problems, digests: digests.problems })}`,
          );
        await set(p.what === 'value' ? `${t.column} - 1` : 'not retracted');
        return [];
      },
    }));
}
