/**
 * The publication gate (issue #19; docs/report.md, "Draft and final"): a report is final only
 * when nothing blocks it. Blockers, each counted and named in both languages on the first page:
 * - `unapproved`: workflow units of the year not approved (the app counts them, status.ts);
 * - `errors`: error-level check findings not resolved (the app runs the checker and passes the
 *   count; narrative placeholders that do not resolve are among them);
 * - `unresolved`: narrative placeholders printed as ⟦…⟧ (narrative-text.ts);
 * - `unbound`: numbers typed into narrative text, not bound to a figure (model/narrative-refs.ts);
 * - `placeholder`: placeholder or demonstration data in the registers (a materiality score marked
 *   `isPlaceholder`, a register row marked `isDemonstration`);
 * - `unexplained`: year-on-year changes above the threshold without an explanation (change-notes.ts);
 * - `issuer`: issuer sections left empty (chairman's statement, company profile, highlights, case
 *   studies, board statement and its approval date; issuer-sections.ts) and narrative sections
 *   marked as demonstration text — counted only when the caller requires the slots (the app does).
 * Narrative counts are over both languages (a number typed in zh-Hant and in en counts twice).
 * Pure: counts in, blockers out.
 */
import type { Bundle } from '../model/bundle.js';
import { unboundNumbers } from '../model/narrative-refs.js';
import type { LocalisedText } from '../model/text.js';
import { type Block, type GateBlocker, type Section, UNRESOLVED_MARKER } from './model.js';

/** Register entries marked as placeholder or demonstration data, anywhere in the registers. */
export function placeholderEntries(registers: unknown): number {
  let n = 0;
  const walk = (v: unknown) => {
    if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.isPlaceholder === true || o.isDemonstration === true) n += 1;
      for (const x of Object.values(o)) walk(x);
    }
  };
  walk(registers);
  return n;
}

function unresolvedIn(sections: readonly Section[]): number {
  let n = 0;
  const visit = (ss: readonly Section[]) => {
    for (const s of ss) {
      for (const b of s.blocks as readonly Block[])
        if (b.kind === 'paragraph')
          n +=
            (b.text['zh-Hant'].match(UNRESOLVED_MARKER) ?? []).length +
            (b.text.en.match(UNRESOLVED_MARKER) ?? []).length;
      visit(s.sections);
    }
  };
  visit(sections);
  return n;
}

export function gateBlockers(opts: {
  readonly bundle: Bundle;
  readonly sections: readonly Section[];
  readonly unapproved: number;
  readonly units: number;
  readonly year: string;
  /** Unresolved error-level findings; undefined when the caller did not run the checker. */
  readonly openErrors: number | undefined;
  /** Swings above the change threshold without an explanation (change-notes.ts); 0 when absent. */
  readonly unexplained?: number;
  /**
   * Issuer sections (issuer-sections.ts) left empty, by name; undefined when the caller does not
   * require them (the app does). Narrative sections marked `isDemonstration` count with them.
   */
  readonly issuerMissing?: readonly LocalisedText[];
}): GateBlocker[] {
  const { bundle } = opts;
  const out: GateBlocker[] = [];
  const add = (kind: GateBlocker['kind'], count: number, zh: string, en: string) => {
    if (count > 0) out.push({ kind, count, text: { 'zh-Hant': zh, en } });
  };
  const u = opts.unapproved;
  add(
    'unapproved',
    u,
    `${opts.year}年度${opts.units}個工作單元（實體 × 期間 × 議題）中有${u}個尚未批准。`,
    `${u} of ${opts.units} workflow units (entity × period × topic) of ${opts.year} are not approved.`,
  );
  const e = opts.openErrors ?? 0;
  add(
    'errors',
    e,
    `有${e}項錯誤級別的檢查結果尚未解決。`,
    `${e} error-level check finding(s) are not resolved.`,
  );
  const r = unresolvedIn(opts.sections);
  add(
    'unresolved',
    r,
    `敘述中有${r}個數據引用未能解析（以⟦⟧標示）。`,
    `${r} figure reference(s) in the narrative do not resolve (marked ⟦⟧).`,
  );
  const loose = bundle.narrative.reduce(
    (sum, n) => sum + unboundNumbers(n.body['zh-Hant']).length + unboundNumbers(n.body.en).length,
    0,
  );
  add(
    'unbound',
    loose,
    `敘述中有${loose}個數字未與數據綁定。`,
    `${loose} number(s) in the narrative are not bound to a figure.`,
  );
  const p = placeholderEntries(bundle.registers);
  add(
    'placeholder',
    p,
    `登記冊中有${p}項佔位或示範數據。`,
    `${p} register entr${p === 1 ? 'y is' : 'ies are'} placeholder or demonstration data.`,
  );
  const x = opts.unexplained ?? 0;
  add(
    'unexplained',
    x,
    `有${x}項數據較上年的變動超過閾值，但未提供說明。`,
    `${x} change(s) against the prior year exceed the threshold without an explanation.`,
  );
  if (opts.issuerMissing) {
    const miss = opts.issuerMissing;
    const demo = bundle.narrative.filter((n) => n.isDemonstration === true).length;
    const parts = {
      'zh-Hant': [
        ...(miss.length > 0 ? [`發行人章節尚缺：${miss.map((m) => m['zh-Hant']).join('、')}`] : []),
        ...(demo > 0 ? [`${demo}節敘述為示範文字`] : []),
      ],
      en: [
        ...(miss.length > 0 ? [`issuer sections missing: ${miss.map((m) => m.en).join(', ')}`] : []),
        ...(demo > 0 ? [`${demo} narrative section(s) are demonstration text`] : []),
      ],
    };
    add('issuer', miss.length + demo, `${parts['zh-Hant'].join('；')}。`, `${parts.en.join('; ')}.`);
  }
  return out;
}
