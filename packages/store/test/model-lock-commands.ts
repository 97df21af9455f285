/**
 * The period lock in the model-based tests (issue #17): a live activity line's period is locked
 * (its year, a quarter or a month of it), then the line is given another period the lock does
 * not cover, keeping its id: by `assay import` of a one-row CSV, or, with the workspace, through
 * writeActivityLines naming its version. Either moves the line out of the locked period, whose
 * figures would change, so it must be refused ('locked') and write nothing; then the period is
 * unlocked. The model changes only by the two audit entries of the lock and the unlock, so the
 * checks after the step show that no revision was written. Self-contained (locked and unlocked
 * within the step), so no other command needs to know about locks.
 */
import { createHash } from 'node:crypto';
import { type ActivityLine, q } from '@assay/core';
import fc from 'fast-check';
import { lockPeriod, unlockPeriod } from '../src/period-locks.js';
import { Divergence } from './model-check.js';
import { cliImport } from './model-import-commands.js';
import { type Fields, latest, liveFacts, type Model, versionOf } from './model-reference.js';
import { AL_HEADER, csvText, who } from './model-rows.js';
import { newFileName, type Real, reopenWorkspace } from './model-system.js';

const json = (x: unknown) => JSON.stringify(x);

/** The line as the entry form would send it, from the fields the model keeps. */
function lineOf(f: Fields): ActivityLine {
  const attributes = Object.fromEntries(
    (f.attributes ?? '')
      .split(';')
      .filter(Boolean)
      .map((p) => p.split('=') as [string, string]),
  );
  return {
    id: f.id as string,
    entityId: f.entity as string,
    periodId: f.period as string,
    activity: f.activity as ActivityLine['activity'],
    subject: f.subject as string,
    ...(f.use ? { use: f.use as NonNullable<ActivityLine['use']> } : {}),
    amount: q(`${f.amount} ${f.unit}`),
    attributes,
    source: f.source as string,
    ...(f.comment ? { comment: f.comment } : {}),
  };
}

/**
 * The lock (on the line's year `y`: the year, its Q2 or its March) and where the line goes: the
 * other reporting year (as a year, its Q4 or its December), or, under a quarter or month lock,
 * a month of the same year the lock does not cover (then only the period it leaves is locked).
 */
function plan(year: string, lock: number, target: number, sameYear: boolean): { lock: string; to: string } {
  const locked = [year, `${year}-Q2`, `${year}-03`][lock] as string;
  const other = year === '2025' ? '2024' : '2025';
  if (sameYear && locked !== year) return { lock: locked, to: `${year}-0${7 + target}` };
  return { lock: locked, to: [other, `${other}-Q4`, `${other}-12`][target] as string };
}

export function lockedMove() {
  return fc
    .record({
      pick: fc.nat(60),
      lock: fc.nat(2),
      target: fc.nat(2),
      sameYear: fc.boolean(),
      viaWs: fc.boolean(),
      who,
    })
    .map((p) => ({
      label: `lockedMove ${json(p)}`,
      step: async (m: Model, real: Real) => {
        const live = liveFacts(m, 'al').sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        const fact = live[p.pick % Math.max(1, live.length)];
        const fields = latest(fact)?.fields;
        if (!fact || !fields) return [];
        const { lock, to } = plan((fields.period as string).slice(0, 4), p.lock, p.target, p.sameYear);
        const who = { userId: 'u-model', actor: p.who.author, at: real.at, reason: p.who.reason };
        const locked = await lockPeriod(real.store, { periodId: lock, ...who });
        if (!locked.ok) throw new Divergence(`lockPeriod ${lock} answered ${json(locked)}`);
        m.audit += 1;
        const moved: Fields = { ...fields, period: to };
        const message = `locked since ${real.at} by ${p.who.author}`;
        if (p.viaWs && real.ws) {
          const out = await real.ws.writeActivityLines(
            [{ line: lineOf(moved), expectedVersion: versionOf(fact) }],
            p.who.reason,
            p.who.author,
          );
          if (out.ok || out.reason !== 'locked' || out.id !== fact.key || !out.message?.includes(message))
            throw new Divergence(
              `writeActivityLines moving line ${fact.key} from ${fields.period} to ${to} with ${lock} locked answered ${json(out)}; the model expects 'locked'`,
            );
        } else {
          const text = csvText(AL_HEADER, [AL_HEADER.map((h) => moved[h] ?? '')]);
          const r = await cliImport(real, newFileName(real, 'lines'), text, p.who);
          const already = m.files.has(createHash('sha256').update(text).digest('hex'));
          const refused = !r.ok && r.locked?.periodId === lock && r.issues[0]?.reason.includes(message);
          if (already ? !(r.ok && r.alreadyImported) : !refused)
            throw new Divergence(
              `assay import moving line ${fact.key} from ${fields.period} to ${to} with ${lock} locked answered ${json(r)}; the model expects ${already ? 'already imported' : "'locked'"}`,
            );
          await reopenWorkspace(real); // the CLI ran while the server was stopped
          m.wsVersion = 1;
        }
        const unlocked = await unlockPeriod(real.store, { periodId: lock, ...who });
        if (!unlocked.ok) throw new Divergence(`unlockPeriod ${lock} answered ${json(unlocked)}`);
        m.audit += 1;
        return [];
      },
    }));
}
