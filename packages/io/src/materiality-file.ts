/**
 * The bundle's materiality.yaml (core bundle/materiality-document.ts; docs/registers.md
 * "Materiality") on disk: read (absent: no assessments; size, YAML guard, shape and rules as
 * bundle issues, all or nothing) and write.
 */
import { existsSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type BundleIssue,
  MATERIALITY_FILE,
  type MaterialityAssessment,
  materialityDocument,
  readMaterialityDocument,
} from '@assay/core';
import YAML from 'yaml';
import { BUNDLE_YAML_BYTES } from './bundle-folder.js';
import { readYamlText } from './yaml-guard.js';

export type MaterialityFileRead =
  | { readonly ok: true; readonly assessments: MaterialityAssessment[] }
  | { readonly ok: false; readonly issues: BundleIssue[] };

/** Parse materiality.yaml text (a bundle's file or an upload). */
export function parseMaterialityYaml(text: string, file = MATERIALITY_FILE): MaterialityFileRead {
  const y = readYamlText(text);
  if (!y.ok) return { ok: false, issues: y.issues.map((i) => ({ file, row: i.row, reason: i.reason })) };
  return readMaterialityDocument(y.data ?? { assessments: [] }, file);
}

export async function readMaterialityFile(dir: string): Promise<MaterialityFileRead> {
  const path = join(dir, MATERIALITY_FILE);
  if (!existsSync(path)) return { ok: true, assessments: [] };
  const size = (await stat(path)).size;
  if (size > BUNDLE_YAML_BYTES)
    return {
      ok: false,
      issues: [
        { file: MATERIALITY_FILE, reason: `file is ${size} bytes; the limit is ${BUNDLE_YAML_BYTES}` },
      ],
    };
  return parseMaterialityYaml(await readFile(path, 'utf8'));
}

export function materialityYaml(assessments: readonly MaterialityAssessment[]): string {
  return YAML.stringify(materialityDocument(assessments), { lineWidth: 0 });
}

export async function writeMaterialityFile(
  dir: string,
  assessments: readonly MaterialityAssessment[],
): Promise<void> {
  await writeFile(join(dir, MATERIALITY_FILE), materialityYaml(assessments));
}
