/** The narrative routes' part of the OpenAPI document (routes/narrative.ts, issue #19; docs/report.md). */

import { NarrativePreviewBody, NarrativeUpdate } from './narrative-schemas.js';
import { errors, ifMatch, json, ok, path } from './openapi-parts.js';

export function narrativePaths() {
  return {
    '/api/narrative': {
      get: {
        summary: 'The narrative sections with their versions, and the figures a placeholder may name',
        description:
          'sections: each {section (id, title, body in en and zh-Hant, …), version, unbound (numbers typed without a placeholder, per language)}; figures: each {figureId, placeholder, indicatorId, label, entity, periodId, printed (the number and unit as the report prints them, per language)}.',
        responses: { 200: ok('{year, workspaceVersion, sections, figures}'), ...errors('forbidden') },
      },
    },
    '/api/narrative/preview': {
      post: {
        summary:
          'A text as the report would print it now (placeholders resolved, unresolved ones marked ⟦…⟧); nothing is saved',
        requestBody: { required: true, ...json(NarrativePreviewBody) },
        responses: { 200: ok('{text, unbound}'), ...errors('invalid-request', 'forbidden') },
      },
    },
    '/api/narrative/{id}': {
      put: {
        summary: "Save a section's text in both languages, naming the version edited",
        parameters: [path('id'), ifMatch],
        requestBody: { required: true, ...json(NarrativeUpdate) },
        responses: {
          200: ok('{id, version, workspaceVersion}'),
          ...errors('invalid-request', 'not-found', 'version-required', 'stale-version', 'forbidden'),
        },
      },
    },
  };
}
