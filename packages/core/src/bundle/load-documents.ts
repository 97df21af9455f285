/** indicators.yaml, registers.yaml, narrative.yaml → catalogue additions, registers, narrative. */
import type { Indicator } from '../model/indicator.js';
import { emptyRegisters, type NarrativeSection, type Registers } from '../model/registers.js';
import { parseUnit, unitDimension } from '../units/unit.js';
import { indicatorsDocumentSchema, narrativeSchema, registersSchema } from './documents-schema.js';
import type { BundleIssue, RawDocument } from './raw.js';
import { zodIssues } from './zod-issues.js';

export function loadIndicators(doc: RawDocument | undefined, issues: BundleIssue[]): Indicator[] {
  if (!doc) return [];
  const parsed = indicatorsDocumentSchema.safeParse(doc.data ?? {});
  if (!parsed.success) {
    issues.push(...zodIssues(doc.file, parsed.error));
    return [];
  }
  const out: Indicator[] = [];
  parsed.data.indicators.forEach((raw, i) => {
    const unit = parseUnit(raw.unit);
    if (!unit.ok) {
      issues.push({ file: doc.file, column: `indicators.${i}.unit`, reason: unit.reason });
      return;
    }
    if (unitDimension(unit.unit) !== raw.dimension) {
      issues.push({
        file: doc.file,
        column: `indicators.${i}.dimension`,
        reason: `unit ${raw.unit} is ${unitDimension(unit.unit)}, not ${raw.dimension}`,
      });
      return;
    }
    const { weightBy, description, signed, ...rest } = raw;
    out.push({
      ...rest,
      ...(weightBy === undefined ? {} : { weightBy }),
      ...(signed === undefined ? {} : { signed }),
      ...(description === undefined ? {} : { description }),
    });
  });
  return out;
}

export function loadRegisters(doc: RawDocument | undefined, issues: BundleIssue[]): Registers {
  if (!doc) return emptyRegisters;
  const parsed = registersSchema.safeParse(doc.data ?? {});
  if (!parsed.success) {
    issues.push(...zodIssues(doc.file, parsed.error));
    return emptyRegisters;
  }
  // exactOptionalPropertyTypes: drop undefined optionals that zod leaves as absent keys.
  return JSON.parse(JSON.stringify(parsed.data)) as Registers;
}

export function loadNarrative(doc: RawDocument | undefined, issues: BundleIssue[]): NarrativeSection[] {
  if (!doc) return [];
  const parsed = narrativeSchema.safeParse(doc.data ?? {});
  if (!parsed.success) {
    issues.push(...zodIssues(doc.file, parsed.error));
    return [];
  }
  return parsed.data.sections as NarrativeSection[];
}
