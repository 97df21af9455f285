/**
 * What an evidence file is, decided by its bytes alone (issue #17): never by its name or a
 * declared type. Allowed: PDF ("%PDF-"), PNG (its 8-byte signature), JPEG (FF D8 FF), XLSX and
 * DOCX (a ZIP whose central directory names "[Content_Types].xml" and xl/ or word/ parts, no
 * macros, nothing encrypted), and CSV (valid UTF-8 text without NUL or other control
 * characters but tab, CR and LF, not starting like markup). Everything else is refused with a
 * message saying why. Limit: 10 MiB (10,485,760 bytes) of file.
 */
import { zipEntries } from './zip-entries.js';

/** The largest evidence file accepted, in bytes (10 MiB). */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
/** Base64 characters of a file of EVIDENCE_MAX_BYTES (4 per 3 bytes, padded): 13,981,016. */
export const EVIDENCE_MAX_BASE64 = 4 * Math.ceil(EVIDENCE_MAX_BYTES / 3);

export type EvidenceKind = 'pdf' | 'png' | 'jpeg' | 'xlsx' | 'docx' | 'csv';
export type EvidenceType = {
  readonly kind: EvidenceKind;
  /** The Content-Type it is served with (CSV adds "; charset=utf-8"). */
  readonly mediaType: string;
  /** File-name extensions that fit the type, the usual one first (lower case, with the dot). */
  readonly extensions: readonly string[];
};

export const EVIDENCE_TYPES: Readonly<Record<EvidenceKind, EvidenceType>> = {
  pdf: { kind: 'pdf', mediaType: 'application/pdf', extensions: ['.pdf'] },
  png: { kind: 'png', mediaType: 'image/png', extensions: ['.png'] },
  jpeg: { kind: 'jpeg', mediaType: 'image/jpeg', extensions: ['.jpg', '.jpeg'] },
  xlsx: {
    kind: 'xlsx',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['.xlsx'],
  },
  docx: {
    kind: 'docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['.docx'],
  },
  csv: { kind: 'csv', mediaType: 'text/csv', extensions: ['.csv'] },
};

export type Sniffed =
  | { readonly ok: true; readonly type: EvidenceType }
  | { readonly ok: false; readonly message: string };

const ALLOWED =
  'allowed: PDF, PNG, JPEG, XLSX, DOCX, or CSV as UTF-8 text (the type is read from the first bytes, never from the name)';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04]; // "PK\3\4"
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const CONTROL_BUT_TAB_CR_LF = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const startsWith = (b: Uint8Array, sig: readonly number[]) =>
  b.length >= sig.length && sig.every((x, i) => b[i] === x);
const refuse = (message: string): Sniffed => ({ ok: false, message });
const accept = (kind: EvidenceKind): Sniffed => ({ ok: true, type: EVIDENCE_TYPES[kind] });

export function sniffEvidence(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return refuse('the file is empty (0 bytes): there is nothing to keep');
  if (bytes.length > EVIDENCE_MAX_BYTES)
    return refuse(
      `the file is ${bytes.length.toLocaleString('en')} bytes; at most 10 MiB (${EVIDENCE_MAX_BYTES.toLocaleString('en')} bytes) is accepted`,
    );
  if (startsWith(bytes, PDF_SIGNATURE)) return accept('pdf');
  if (startsWith(bytes, PNG_SIGNATURE)) return accept('png');
  if (startsWith(bytes, JPEG_SIGNATURE)) return accept('jpeg');
  if (startsWith(bytes, ZIP_SIGNATURE)) return sniffOfficeZip(bytes);
  return sniffCsv(bytes);
}

function sniffOfficeZip(bytes: Uint8Array): Sniffed {
  const entries = zipEntries(bytes);
  if (!entries) return refuse(`a ZIP archive whose central directory cannot be read; ${ALLOWED}`);
  const names = entries.map((e) => e.name);
  if (entries.some((e) => e.encrypted))
    return refuse('an encrypted (password-protected) file cannot be checked: upload it without a password');
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n)))
    return refuse(
      'a workbook or document with macros (vbaProject.bin): save it as .xlsx or .docx without macros',
    );
  const xl = names.some((n) => n.startsWith('xl/'));
  const word = names.some((n) => n.startsWith('word/'));
  if (names.includes('[Content_Types].xml') && xl !== word) return accept(xl ? 'xlsx' : 'docx');
  return refuse(
    `a ZIP archive that is neither an XLSX workbook nor a DOCX document ("[Content_Types].xml" with xl/ or word/ parts); ${ALLOWED}`,
  );
}

function sniffCsv(bytes: Uint8Array): Sniffed {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); // drops a leading BOM
  } catch {
    return refuse(`not an allowed type (neither a known signature nor UTF-8 text); ${ALLOWED}`);
  }
  if (text.includes('\u0000')) return refuse(`binary content (a NUL byte), not CSV text; ${ALLOWED}`);
  if (CONTROL_BUT_TAB_CR_LF.test(text))
    return refuse(`text with control characters (other than tab, CR, LF), not CSV; ${ALLOWED}`);
  if (text.trimStart().startsWith('<'))
    return refuse(
      `the content starts like HTML or XML markup ("<"), whatever the file's name says; ${ALLOWED}`,
    );
  return accept('csv');
}

/**
 * The name to offer for download: the uploaded name when its extension fits the sniffed type,
 * else that name with the type's usual extension added ("page.html" holding CSV text is
 * offered as "page.html.csv"), so that saving and opening it never treats it as another type.
 */
export function downloadName(name: string, type: EvidenceType): string {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot).toLowerCase() : '';
  return type.extensions.includes(extension) ? name : `${name}${type.extensions[0]}`;
}
