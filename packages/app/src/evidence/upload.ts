/**
 * The body of an evidence upload (issue #17): a file name and the file as base64 (standard
 * alphabet, RFC 4648 §4, padded, no line breaks). Shared by the use case and the HTTP schema, so
 * the OpenAPI document shows the same limits the use case applies.
 */
import { z } from 'zod';
import { EvidenceFileName } from './file-name.js';
import { EVIDENCE_MAX_BASE64 } from './sniff.js';

export const EvidenceUpload = z
  .object({
    fileName: EvidenceFileName,
    contentBase64: z
      .string()
      .max(
        EVIDENCE_MAX_BASE64,
        `at most 10 MiB of file (${EVIDENCE_MAX_BASE64.toLocaleString('en')} characters of base64)`,
      )
      // A plain character class: a grouped pattern would backtrack over 14 million characters.
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 (A–Z, a–z, 0–9, +, /, "=" padding), without line breaks')
      .refine((s) => s.length % 4 === 0, 'padded base64: a multiple of 4 characters'),
  })
  .strict();
export type EvidenceUpload = z.infer<typeof EvidenceUpload>;
