/**
 * The one place completeness reads the approved materiality assessment from (issue #18;
 * docs/frameworks.md "Materiality and completeness"): the reporting year's survey (the last by
 * id whose year is the bundle's reporting year, the survey the report prints) and its approval,
 * as core's MaterialityOutcome. The disclosure status, the overview, the report's content index,
 * the checker's completeness rule (findings list, publication gate) and the CLI's disclosures,
 * check and report all pass what this returns to core. Over the store the records are the
 * store's; over a folder they are the folder's materiality.yaml (load-source.ts), which is what
 * a server started from that folder fills its store with, so both front doors answer alike.
 */
import { type MaterialityOutcome, materialityOutcome } from '@assay/core';
import type { MaterialityRecords, SurveyState } from '../workspace/materiality-records.js';
import type { Workspace } from '../workspace/workspace.js';

export type MaterialitySource = Pick<Workspace, 'snapshot'> & { readonly materiality?: MaterialityRecords };

/** The reporting year's survey with its responses and approval; undefined when there is none. */
export async function reportingYearSurvey(ws: MaterialitySource): Promise<SurveyState | undefined> {
  if (!ws.materiality) return undefined;
  const year = ws.snapshot().bundle.reporting.current;
  const surveys = (await ws.materiality.surveys()).filter((s) => s.value.year === year);
  const last = surveys[surveys.length - 1];
  return last ? ws.materiality.state(last.value.id) : undefined;
}

/** The approved outcome of the reporting year's survey; undefined without an approval (nothing changes then). */
export async function approvedMateriality(ws: MaterialitySource): Promise<MaterialityOutcome | undefined> {
  const state = await reportingYearSurvey(ws);
  return state ? materialityOutcome(state.survey.value, state.approval?.value) : undefined;
}
