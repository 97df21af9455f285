/**
 * The API client of the narrative sections (issue #19; docs/report.md, "Editing narrative").
 * Types copied from the server's presenters (the web app imports no package):
 * app/src/use-cases/narrative.ts.
 */
import { call, send } from './api';
import type { Localised } from './i18n';

export type NarrativeSection = { id: string; title: Localised; body: Localised };
type ByLang<T> = { en: T; 'zh-Hant': T };
export type NarrativeRow = {
  section: NarrativeSection;
  version: number;
  /** Numbers typed without a placeholder (the checker's narrative-unbound-number). */
  unbound: ByLang<string[]>;
};
/** A figure the picker offers: the placeholder it inserts and what the report prints for it. */
export type FigureChoice = {
  figureId: string;
  placeholder: string;
  indicatorId: string;
  label: Localised;
  entity: Localised;
  periodId: string;
  printed: Localised;
};
export type NarrativeList = {
  year: string;
  workspaceVersion: number;
  sections: NarrativeRow[];
  figures: FigureChoice[];
};
/** The text as the report prints it (an unresolved placeholder is a ⟦…⟧ marker). */
export type NarrativePreview = { text: Localised; unbound: ByLang<string[]> };
type Written = { id: string; version: number; workspaceVersion: number };

export const narrativeApi = {
  list: () => call<NarrativeList>('/narrative'),
  preview: (body: Localised, signal?: AbortSignal) =>
    call<NarrativePreview>('/narrative/preview', {
      ...send('POST', { body }),
      ...(signal ? { signal } : {}),
    }),
  save: (id: string, body: Localised, version: number, reason?: string) =>
    call<Written>(
      `/narrative/${encodeURIComponent(id)}`,
      send('PUT', { body, version, ...(reason ? { reason } : {}) }),
    ),
};
