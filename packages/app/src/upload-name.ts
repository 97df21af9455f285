/** The name of an uploaded file, as the import and the audit log record it. */
import { z } from 'zod';

/**
 * The name of an uploaded file, as a browser gives it (File.name): used in messages and as the
 * name of the temporary copy an XLSX is read from, so it may not be a path, "." or "..", hold a
 * control character, or exceed 200 characters or 255 bytes of UTF-8 (a file-name limit).
 */
export const UploadName = z
  .string()
  .min(1, 'a file name such as q4.csv is required')
  .max(200, 'a file name of at most 200 characters')
  .refine((n) => Buffer.byteLength(n, 'utf8') <= 255, 'a file name of at most 255 bytes (UTF-8)')
  .refine((n) => n !== '.' && n !== '..', 'a file name, not "." or ".."')
  .refine((n) => !/[/\\]/.test(n), 'a file name without a folder ("/" or "\\")')
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  .refine((n) => !/[\u0000-\u001f\u007f]/.test(n), 'a file name without control characters');
