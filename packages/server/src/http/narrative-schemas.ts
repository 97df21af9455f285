/**
 * Request schemas (zod) of the narrative routes (routes/narrative.ts, issue #19): each language's
 * text of a section, its length checked here (400 naming the field, e.g. `body.en`). Numbers in
 * the text are not refused: the checker reports unbound ones (docs/report.md).
 */
import { z } from 'zod';

const MAX = 20_000;
const text = (missing: string) =>
  z
    .string()
    .trim()
    .min(1, missing)
    .max(MAX, `at most ${MAX.toLocaleString('en')} characters`);

/** A section's text in both languages, as saved. */
const Body = z
  .object({ en: text('give the English text'), 'zh-Hant': text('give the Chinese text') })
  .strict();

/** PUT /api/narrative/{id}: the text, the version edited (or If-Match) and, optionally, why. */
export const NarrativeUpdate = z
  .object({
    body: Body,
    version: z.number().int().positive().optional(),
    reason: z.string().trim().min(1, 'say why').max(500).optional(),
  })
  .strict();

/** POST /api/narrative/preview: a text as typed (either language may still be empty). */
export const NarrativePreviewBody = z
  .object({
    body: z.object({ en: z.string().max(MAX), 'zh-Hant': z.string().max(MAX) }).strict(),
  })
  .strict();
