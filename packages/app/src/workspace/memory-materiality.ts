/** The materiality assessment in memory (materiality-records.ts), for the in-memory workspace; the store's rules. */
import type { MaterialitySurvey } from '@assay/core';
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

export class MemoryMateriality implements MaterialityRecords {
  private readonly byKey = new Map<string, MaterialityRevision[]>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly clock: Clock) {}

  private latest(): Map<string, LatestThing> {
    const out = new Map<string, LatestThing>();
    for (const [k, list] of this.byKey) {
      const last = list[list.length - 1];
      if (last) out.set(k, { version: last.version, body: last.body });
    }
    return out;
  }

  async surveys(): Promise<readonly Versioned<MaterialitySurvey>[]> {
    return [...this.latest()]
      .filter(([k, v]) => k.startsWith('survey|') && v.body !== null)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, v]) => ({ value: v.body as MaterialitySurvey, version: v.version }));
  }

  async state(surveyId: string): Promise<SurveyState | undefined> {
    return stateFrom(this.latest(), surveyId);
  }

  async history(
    kind: MaterialityKind,
    surveyId: string,
    rowId = '',
  ): Promise<readonly MaterialityRevision[]> {
    return [...(this.byKey.get(thingKey(kind, surveyId, rowId)) ?? [])];
  }

  write(change: MaterialityChange, reason: string, author: string): Promise<MaterialityWriteOutcome> {
    const run = async (): Promise<MaterialityWriteOutcome> => {
      const d = decideMaterialityChange(this.latest(), change);
      if (!d.ok) return d;
      const at = this.clock();
      for (const w of d.writes) {
        const key = thingKey(w.kind, w.surveyId, w.rowId);
        const list = this.byKey.get(key) ?? [];
        list.push({ version: list.length + 1, body: w.body, author, at, reason });
        this.byKey.set(key, list);
      }
      return { ok: true, version: d.version };
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
