/**
 * The demo's materiality assessment (examples/xinxin-2025/materiality.yaml, demonstration data):
 * it loads without an issue; its 30 made-up responses across 5 stakeholder groups give topics
 * that differ (no two on one point, unlike the old placeholders); registers.yaml's material-topic
 * scores are exactly the computed matrix at two places; the approved list is the topics the rule
 * proposes; the file round-trips (written, read back, equal) and a workspace opened on the
 * folder holds the survey and prints the computed matrix in the report.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { materialityMatrix } from '@assay/core';
import {
  loadBundle,
  type MaterialityFileRead,
  parseMaterialityYaml,
  readMaterialityFile,
  writeMaterialityFile,
} from '@assay/io';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../open-workspace.js';
import { exportMaterialityYaml, reportRegisters } from './materiality-files.js';

const root = join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'xinxin-2025');

describe('the demo materiality survey', () => {
  it('computes the scores registers.yaml prints, with topics that differ', async () => {
    const read = await readMaterialityFile(root);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    const [a] = read.assessments;
    if (!a) throw new Error('no assessment');
    expect(a.survey.topics).toHaveLength(12);
    expect(a.responses).toHaveLength(30);
    expect(new Set(a.responses.map((r) => r.groupId)).size).toBe(5);
    expect(a.survey.isDemonstration && a.responses.every((r) => r.isDemonstration)).toBe(true);
    const m = materialityMatrix(a.survey, a.responses, a.approval);
    const points = new Set(m.points.map((p) => `${p.financial}|${p.impact}`));
    expect(points.size).toBe(12);
    const loaded = await loadBundle(root);
    if (!loaded.ok) throw new Error('demo should load');
    const typed = loaded.bundle.registers.materialTopics.map((t) => [
      t.id,
      t.businessScore,
      t.stakeholderScore,
    ]);
    expect(typed).toEqual(m.points.map((p) => [p.topic.id, Number(p.financial), Number(p.impact)]));
    expect(loaded.bundle.registers.materialTopics.every((t) => t.isDemonstration && !t.isPlaceholder)).toBe(
      true,
    );
    expect(a.approval?.topicIds).toEqual(m.points.filter((p) => p.proposed).map((p) => p.topic.id));
  });

  it('round-trips materiality.yaml through a folder and a workspace', async () => {
    const read = await readMaterialityFile(root);
    if (!read.ok) throw new Error('demo should read');
    const dir = await mkdtemp(join(tmpdir(), 'assay-materiality-demo-'));
    try {
      await writeMaterialityFile(dir, read.assessments);
      const again = await readMaterialityFile(dir);
      expect(again).toEqual(read);
      const opened = await openWorkspace(root);
      if (!opened.ok) throw new Error('demo should open');
      const text = await exportMaterialityYaml({ ws: opened.workspace });
      // the workspace lists responses by id; the file by group
      const byId = (x: MaterialityFileRead) =>
        x.ok
          ? x.assessments.map((a) => ({
              ...a,
              responses: [...a.responses].sort((p, q) => (p.id < q.id ? -1 : 1)),
            }))
          : [];
      expect(byId(parseMaterialityYaml(text))).toEqual(byId(read));
      const registers = await reportRegisters(opened.workspace);
      const loaded = await loadBundle(root);
      if (!loaded.ok) throw new Error('demo should load');
      expect(registers?.materialTopics.map((t) => [t.id, t.businessScore, t.stakeholderScore])).toEqual(
        loaded.bundle.registers.materialTopics.map((t) => [t.id, t.businessScore, t.stakeholderScore]),
      );
      expect(registers?.materialityBasis?.responses).toBe(30);
      // a broken file names the place and changes nothing
      const broken = (await readFile(join(root, 'materiality.yaml'), 'utf8')).replace(
        'financial: 5',
        'financial: 7',
      );
      const issues = parseMaterialityYaml(broken);
      expect(issues.ok || issues.issues.map((i) => i.column)).toEqual([
        expect.stringMatching(/^assessments\.0\.responses\.\d+\.scores\.[a-z-]+\.financial$/),
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
