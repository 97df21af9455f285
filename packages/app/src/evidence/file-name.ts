/**
 * The name an evidence file is uploaded under (issue #17): shown in lists, stored in the link
 * row and offered as the download name. Besides the rules of every uploaded name (UploadName:
 * 1–200 characters, at most 255 bytes of UTF-8, no "/" or "\", not "." or "..", no C0 control
 * character or DEL), it may hold no C1 control character (U+0080–U+009F) and no bidirectional
 * control (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates, U+200E/U+200F/U+061C
 * marks): a right-to-left override makes "invoice‮fdp.exe" read as "invoiceexe.pdf". Nor may it hold
 * a lone UTF-16 surrogate (JSON can carry one; the database would store U+FFFD instead).
 */
import { UploadName } from '../upload-name.js';

/** Bidirectional formatting characters (Unicode UAX #9, "explicit directional formatting"). */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const C1_CONTROLS = /[\u0080-\u009f]/;
/** A UTF-16 surrogate without its pair: no character at all, stored as U+FFFD by the database. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const EvidenceFileName = UploadName.refine(
  (n) => !BIDI_CONTROLS.test(n),
  'a file name without bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), which can disguise its extension',
)
  .refine((n) => !C1_CONTROLS.test(n), 'a file name without control characters (U+0080–U+009F)')
  .refine(
    (n) => !LONE_SURROGATE.test(n),
    'a file name of whole characters (a lone UTF-16 surrogate is none)',
  );
