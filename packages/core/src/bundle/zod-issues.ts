import type { z } from 'zod';
import type { BundleIssue } from './raw.js';

/** Turn a zod error into bundle issues that name the file and the dotted field path. */
export function zodIssues(file: string, error: z.ZodError): BundleIssue[] {
  return error.issues.map((i) => ({
    file,
    column: i.path.map(String).join('.') || '(document)',
    reason: i.message,
  }));
}
