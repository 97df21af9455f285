/**
 * `assay check [bundle] [--format json|table] [--fail-on error|warning]`: run the disclosure
 * checker (docs/checks.md; app's checkResult) on the bundle folder or, without one, the store. Prints a summary by severity and rule, then the findings. Exit 1 when
 * findings at or above --fail-on (default error) exist, 0 otherwise, 2 for bad usage.
 */
import { atOrAbove, type CheckResult, type Finding, RULE_IDS, type Severity } from '@assay/core';
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
    const { checkResult, presentFinding } = await import('@assay/app');
    return withBundleSource(dir, 'check', io, async (snapshot) => {
      const { findings, summary } = checkResult(snapshot);
      if (format === 'json')
        io.out(JSON.stringify({ summary, findings: findings.map(presentFinding) }, null, 2));
      else printTable(findings, summary, io.out);
      return atOrAbove(findings, failOn as Severity).length > 0 ? EXIT.findings : EXIT.clean;
    });
  },
};

function printTable(findings: readonly Finding[], summary: CheckResult['summary'], out: (t: string) => void) {
  const s = summary.bySeverity;
  out(`${summary.total} findings: ${s.error} error, ${s.warning} warning, ${s.info} info`);
  for (const r of RULE_IDS) {
    const c = summary.byRule[r];
    if (c) out(`  ${r.padEnd(20)} ${c.error} error, ${c.warning} warning, ${c.info} info`);
  }
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
      [`${f.ruleId}/${f.code}`, f.severity, where, f.expected ?? '', f.actual ?? '', f.message.en].join('\t'),
    );
  }
}
