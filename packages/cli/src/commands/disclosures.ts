/**
 * `assay disclosures [bundle] [--framework …] [--format text|json]`: completeness of a bundle
 * folder or, without one, of the store against one framework (any framework, also one the bundle
 * does not report against; app's completeness where the bundle does), in the edition in force
 * for the bundle's year (HKEX: 2019 Guide FY2021–FY2024, 2025 Code from FY2025), with the approved
 * materiality assessment of the store or of the folder's materiality.yaml (app approvedMateriality;
 * docs/frameworks.md "Materiality and completeness"), as the API answers. Exit 1 when a
 * mandatory provision is missing or explained away, or when no edition covers the year.
 */
import { assessCompleteness, type CompletenessReport, FRAMEWORK_IDS, isFrameworkId } from '@assay/core';
import { type Command, EXIT, formatOption, optionalPositional, UsageError } from '../command.js';
import { withBundleSource } from './bundle-source.js';

export const disclosuresCommand: Command = {
  name: 'disclosures',
  usage: `assay disclosures [bundle] [--framework ${FRAMEWORK_IDS.join('|')}] [--format text|json]`,
  summary: 'completeness against a disclosure framework: disclosed, partly, explained or missing',
  options: { format: { type: 'string' }, framework: { type: 'string' } },
  async run(args, io) {
    const format = formatOption(args, ['text', 'json'], 'text');
    const fw = typeof args.values.framework === 'string' ? args.values.framework : 'hkex';
    if (!isFrameworkId(fw)) throw new UsageError(`--framework must be one of ${FRAMEWORK_IDS.join(', ')}`);
    const dir = optionalPositional(args);
    const { approvedMateriality, completeness, evaluated } = await import('@assay/app');
    return withBundleSource(dir, 'disclosures', io, async (snapshot, _w, _c, _r, _f, source) => {
      const materiality = await approvedMateriality({ ...source, snapshot: () => snapshot });
      const report =
        completeness(snapshot, materiality).find((r) => r.framework === fw) ??
        assessCompleteness({
          bundle: snapshot.bundle,
          figures: evaluated(snapshot).evaluation.figures,
          framework: fw,
          ...(materiality ? { materiality } : {}),
        });
      if (format === 'json') io.out(JSON.stringify(toJson(report), null, 2));
      else printText(report, io.out);
      return report.findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.clean;
    });
  },
};

function toJson(r: CompletenessReport) {
  return {
    framework: r.framework,
    version: r.version,
    year: r.year,
    issuerType: r.issuerType,
    provisions: r.provisions.map((a) => ({
      code: a.provision.code,
      obligation: a.obligation,
      status: a.status,
      where: a.where,
      missing: a.missing,
      ...(a.explanation ? { explanation: a.explanation.text } : {}),
      ...(a.note ? { note: a.note } : {}),
    })),
    findings: r.findings,
  };
}

function printText(r: CompletenessReport, out: (t: string) => void) {
  // version '' : no edition covers the year; the no-edition finding below says which exist.
  out(`${r.framework} ${r.version || '(no edition)'} — ${r.issuerType}, FY${r.year}`);
  const width = Math.max(...r.provisions.map((a) => a.provision.code.length), 4);
  for (const a of r.provisions) {
    const detail =
      a.status === 'disclosed'
        ? a.where.join(', ')
        : a.status === 'explained'
          ? `explained: ${a.explanation?.text.en ?? ''}`
          : `missing ${a.missing.map((m) => m.requirement).join(', ') || '(no mapped evidence)'}`;
    out(`${a.provision.code.padEnd(width)}  ${a.obligation.padEnd(17)}  ${a.status.padEnd(16)}  ${detail}`);
  }
  const counts = new Map<string, number>();
  for (const a of r.provisions) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
  if (counts.size > 0) out([...counts].map(([s, n]) => `${n} ${s}`).join(', '));
  for (const f of r.findings) out(`${f.severity}: ${f.message}`);
}
