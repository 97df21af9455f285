/** The materiality assessment over the store (materiality-records.ts; store/src/materiality.ts, 025-materiality.sql). */
import type { MaterialitySurvey } from '@assay/core';
import {
  changeMateriality,
  latestMaterialityRevisions,
  materialityRevisions,
  type Store,
} from '@assay/store';
import {
  decideMaterialityChange,
  type LatestThing,
  type MaterialityChange,
  type MaterialityKind,
  type MaterialityRecords,
  type MaterialityRevision,
  type MaterialityWriteOutcome,
  type SurveyState,
  stateFrom,
  thingKey,
  type Versioned,
} from './materiality-records.js';
import type { Clock } from './memory-workspace.js';

export class StoreMateriality implements MaterialityRecords {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  private async latest(surveyId?: string): Promise<Map<string, LatestThing>> {
    const out = new Map<string, LatestThing>();
    for (const kind of ['survey', 'response', 'approval'] as const)
      for (const r of await latestMaterialityRevisions(this.store, kind, surveyId))
        out.set(thingKey(kind, r.surveyId, r.rowId), { version: r.version, body: r.body });
    return out;
  }

  async surveys(): Promise<readonly Versioned<MaterialitySurvey>[]> {
    return (await latestMaterialityRevisions(this.store, 'survey'))
      .filter((r) => r.body !== null)
      .sort((a, b) => (a.surveyId < b.surveyId ? -1 : 1))
      .map((r) => ({ value: r.body as MaterialitySurvey, version: r.version }));
  }

  async state(surveyId: string): Promise<SurveyState | undefined> {
    return stateFrom(await this.latest(surveyId), surveyId);
  }

  async history(
    kind: MaterialityKind,
    surveyId: string,
    rowId = '',
  ): Promise<readonly MaterialityRevision[]> {
    return (await materialityRevisions(this.store, kind, surveyId, rowId)).map((r) => ({
      version: r.version,
      body: r.body,
      author: r.author,
      at: r.at,
      reason: r.reason,
    }));
  }

  async write(change: MaterialityChange, reason: string, author: string): Promise<MaterialityWriteOutcome> {
    const d = await changeMateriality(this.store, this.clock(), author, reason, (latest) => {
      const view = new Map<string, LatestThing>(
        [...latest].map(([k, r]) => [k, { version: r.version, body: r.body }]),
      );
      const decided = decideMaterialityChange(view, change);
      return { writes: decided.ok ? decided.writes : [], value: decided };
    });
    if (!d.ok) return d;
    return { ok: true, version: d.version };
  }
}
