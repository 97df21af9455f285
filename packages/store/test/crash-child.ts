/**
 * Child process of the crash trials (crash-trials.ts): opens the store, then repeats one kind
 * of write until it is killed, printing a line for each write the store acknowledged (the
 * commit returned), so the parent can SIGKILL it at any moment and check afterwards that every
 * acknowledged write is there.
 *
 *   node --import tsx crash-child.ts <pglite-dir | postgres-url> <import | save | approve> <tag> [rows]
 *
 * Lines: `ready` (set up, the first write starts); `begin import <file>` then `ack import <file> <rows>`; `ack save <fact-key>
 * <rev> <value>`; `ack approve <entity|period|topic> <version> <state>`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DataPoint, q, transition, type WorkflowEvent } from '@assay/core';
import { readFactsCsv } from '@assay/io';
import { importContext, importFacts } from '../src/import-facts.js';
import { migrate } from '../src/migrate.js';
import { openStore } from '../src/open-store.js';
import { readBundle } from '../src/read-bundle.js';
import { applyWorkflowTransition, workflowUnits } from '../src/workflow-units.js';
import { writeDataPointRevisions } from '../src/write-data-points.js';

const [, , where, kind, tagArg, rowsArg] = process.argv;
if (!where || !kind || !tagArg)
  throw new Error('usage: crash-child.ts <dir | url> <import | save | approve> <tag>');
const tag: string = tagArg;
const AT = '2026-05-01T00:00:00.000Z';
const store = await openStore(
  where.startsWith('postgres') ? { databaseUrl: where, dataDir: '' } : { dataDir: where },
);
await migrate(store, AT);
const say = (line: string) => process.stdout.write(`${line}\n`);

async function imports(dir: string, rows: number) {
  const ctx = await importContext(store);
  if (!ctx) throw new Error('no organisation in the store');
  for (let k = 1; ; k++) {
    const file = join(dir, `imp-${tag}-${k}.csv`);
    const lines = Array.from(
      { length: rows },
      (_, i) => `smelter,2025-0${(i % 9) + 1},fuel,diesel,combustion,${i}.25,t,${tag}-${k}`,
    );
    writeFileSync(file, `entity,period,activity,subject,use,amount,unit,source\n${lines.join('\n')}\n`);
    if (k === 1) say('ready');
    say(`begin import imp-${tag}-${k}`);
    const r = await importFacts(store, () => readFactsCsv(file, ctx), {
      subject: file,
      author: 'crash-child',
      reason: `crash trial ${tag}`,
      at: AT,
    });
    if (!r.ok) throw new Error(`import refused: ${JSON.stringify(r.issues.slice(0, 3))}`);
    say(`ack import imp-${tag}-${k} ${r.counts.activityLines.added}`);
  }
}

async function saves() {
  const read = await readBundle(store);
  if (!read.ok) throw new Error('the store cannot be read');
  const base = read.bundle.dataPoints.find((d) => d.id === 'rev-25') as DataPoint;
  const [cur] = await store.query<{ rev: number }>(
    'select max(rev)::int as rev from data_point_revision where fact_key = $1',
    ['group|2025|revenue|'],
  );
  let rev = Number(cur?.rev);
  say('ready');
  for (let i = 1; ; i++) {
    const value = `${1000 + i}.${tag.replace(/\D/g, '') || '0'}`;
    const r = await writeDataPointRevisions(
      store,
      [{ dataPoint: { ...base, quantity: q(`${value} CNY million`) }, expectedRev: rev }],
      { author: 'crash-child', reason: `crash trial ${tag}`, at: AT },
    );
    if (!r.ok) throw new Error(`save refused: ${JSON.stringify(r)}`);
    rev = r.revisions.get('rev-25') ?? Number.NaN;
    say(`ack save group|2025|revenue| ${rev} ${value}`);
  }
}

/** submit (alice) → review (bob) → approve (carol) → reopen (admin), round and round. */
const CYCLE: Record<string, [WorkflowEvent, string]> = {
  draft: [{ kind: 'submit' }, 'alice'],
  submitted: [{ kind: 'review' }, 'bob'],
  reviewed: [{ kind: 'approve' }, 'carol'],
  approved: [{ kind: 'reopen', comment: 'crash trial' }, 'admin'],
};
async function approvals() {
  const key = { entityId: 'group', periodId: '2025', topic: 'environment' };
  const can = new Set(['prepare', 'review', 'approve', 'administer'] as const);
  say('ready');
  for (;;) {
    const unit = (await workflowUnits(store, '2025')).find((u) => u.topic === key.topic);
    const state = unit?.state ?? 'draft';
    const [event, who] = CYCLE[state] as [WorkflowEvent, string];
    const r = await applyWorkflowTransition(store, {
      key,
      expectedVersion: unit?.version ?? 0,
      event: event.kind,
      comment: 'comment' in event ? event.comment : null,
      exceptionFor: null,
      userId: who,
      actor: who,
      at: AT,
      decide: (u) => transition(u, event, { id: who, can }),
    });
    if (!r.ok) throw new Error(`transition refused: ${JSON.stringify(r)}`);
    say(`ack approve group|2025|environment ${r.unit.version} ${r.unit.state}`);
  }
}

if (kind === 'import') await imports(process.env.CRASH_TMP ?? '.', Number(rowsArg ?? 2000));
else if (kind === 'save') await saves();
else if (kind === 'approve') await approvals();
else throw new Error(`unknown kind ${kind}`);
