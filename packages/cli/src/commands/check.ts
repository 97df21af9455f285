/**
 * `assay check [bundle] [--format json|table] [--fail-on error|warning]`: run the disclosure
 * checker (docs/checks.md; app's checkResult) on the bundle folder or, without one, the store. Prints a summary by severity and rule, then the findings. Exit 1 when
 * findings at or above --fail-on (default error) exist, 0 otherwise, 2 for bad usage.
 * Over the store, findings accepted with a reason (docs/checks.md "Findings as work items")
 * whose inputs have not changed since do not count towards --fail-on and are marked so; a
 * folder has no work state, so every finding counts. Reading only: the command records nothing.
 */
import { atOrAbove, type CheckResult, type Finding, findingId, RULE_IDS, type Severity } from '@assay/core';
import { type Command, EXIT, formatOption, optionalPositional, UsageError } from '../command.js';
import { withBundleSource } from './bundle-source.js';

const FAIL_LEVELS: readonly Severity[] = ['error', 'warning'];

export const checkCommand: Command = {
  name: 'check',
  usage: 'assay check [bundle] [--format json|table] [--fail-on error|warning]',
  summary: 'check printed figures against the data: units, recomputation, rounding, totals, plausibility…',
  options: { format: { type: 'string' }, 'fail-on': { type: 'string' } },
  async run(args, io) {
    const format = formatOption(args, ['table', 'json'], 'table');
    const failOn = typeof args.values['fail-on'] === 'string' ? args.values['fail-on'] : 'error';
    if (!(FAIL_LEVELS as readonly string[]).includes(failOn))
      throw new UsageError(`--fail-on must be one of ${FAIL_LEVELS.join(', ')}`);
    const dir = optionalPositional(args);
    const { acceptedFindingIds, approvedMateriality, checkResult, presentFinding } = await import(
      '@assay/app'
    );
    return withBundleSource(
      dir,
      'check',
      io,
      async (snapshot, _where, _cycle, _restatements, work, source) => {
        // the approved topic list (store, or the folder's materiality.yaml) as the API's findings read it
        const materiality = await approvedMateriality({ ...source, snapshot: () => snapshot });
        const { findings, summary } = checkResult(snapshot, materiality);
        const accepted = work ? await acceptedFindingIds(work, snapshot, materiality) : new Set<string>();
        const counted = findings.filter((f) => !accepted.has(findingId(f)));
        if (format === 'json')
          io.out(
            JSON.stringify(
              {
                summary,
                findings: findings.map(presentFinding),
                // Always present (empty for a folder, which has no work state), so the output over a
                // folder and over the store holding the same data is the same (store-source.test.ts).
                accepted: [...accepted].sort(),
              },
              null,
              2,
            ),
          );
        else printTable(findings, summary, accepted, io.out);
        return atOrAbove(counted, failOn as Severity).length > 0 ? EXIT.findings : EXIT.clean;
      },
    );
  },
};

function printTable(
  findings: readonly Finding[],
  summary: CheckResult['summary'],
  accepted: ReadonlySet<string>,
  out: (t: string) => void,
) {
  const s = summary.bySeverity;
  out(`${summary.total} findings: ${s.error} error, ${s.warning} warning, ${s.info} info`);
  const acceptedHere = findings.filter((f) => accepted.has(findingId(f))).length;
  if (acceptedHere > 0) out(`  ${acceptedHere} accepted with a reason (not counted by --fail-on)`);
  for (const r of RULE_IDS) {
    const c = summary.byRule[r];
    if (c) out(`  ${r.padEnd(20)} ${c.error} error, ${c.warning} warning, ${c.info} info`);
  }
  const cov = summary.coverage;
  if (cov && cov.printed > 0)
    out(
      `coverage: ${cov.tied} of ${cov.printed} printed numbers tied to a figure (${((100 * cov.tied) / cov.printed).toFixed(1)}%), ${cov.computable} computable`,
    );
  if (findings.length === 0) return;
  out('');
  out(['rule', 'severity', 'where', 'expected', 'actual', 'message'].join('\t'));
  for (const f of findings) {
    const w = f.where;
    const where =
      w.publishedId ??
      w.figureId ??
      [w.indicatorId, w.entityId, w.periodId, w.section].filter(Boolean).join(' ');
    out(
      [
        `${f.ruleId}/${f.code}`,
        accepted.has(findingId(f)) ? `${f.severity} (accepted)` : f.severity,
        where,
        f.expected ?? '',
        f.actual ?? '',
        f.message.en,
      ].join('\t'),
    );
  }
}
