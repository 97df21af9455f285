/**
 * The entry names of a ZIP archive, read from its central directory (PKWARE APPNOTE 6.3.x,
 * sections 4.3.12 and 4.3.16) without inflating anything: enough to tell an XLSX from a DOCX.
 * Every offset is bounds-checked; anything malformed, ZIP64 or split answers undefined. Names
 * are decoded as Latin-1 (byte for byte), which keeps the ASCII part names OOXML uses exact.
 */

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** The end record is 22 bytes plus a comment of at most 65,535 bytes. */
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const CENTRAL_HEADER_SIZE = 46;

export type ZipEntry = {
  readonly name: string;
  /** General-purpose flag bit 0: the entry is encrypted. */
  readonly encrypted: boolean;
};

export function zipEntries(bytes: Uint8Array): readonly ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  if (bytes.length < EOCD_SIZE + 4 || u32(0) !== LOCAL_HEADER) return undefined;
  const eocd = findEndRecord(bytes.length, u16, u32);
  if (eocd === undefined) return undefined;
  const disk = u16(eocd + 4);
  const cdDisk = u16(eocd + 6);
  const count = u16(eocd + 10);
  const cdSize = u32(eocd + 12);
  const cdOffset = u32(eocd + 16);
  // Split archives and ZIP64 (all-ones markers) are not what an office suite writes for 10 MiB.
  if (disk !== 0 || cdDisk !== 0 || count === 0xffff || cdOffset === 0xffffffff) return undefined;
  if (cdOffset + cdSize > eocd) return undefined;
  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_HEADER_SIZE > cdOffset + cdSize || u32(at) !== CENTRAL_HEADER) return undefined;
    const flags = u16(at + 8);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    const end = at + CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength;
    if (end > cdOffset + cdSize) return undefined;
    const nameBytes = bytes.subarray(at + CENTRAL_HEADER_SIZE, at + CENTRAL_HEADER_SIZE + nameLength);
    entries.push({ name: latin1(nameBytes), encrypted: (flags & 1) === 1 });
    at = end;
  }
  return entries;
}

/** The offset of the end-of-central-directory record, searched backwards over the comment room. */
function findEndRecord(
  length: number,
  u16: (at: number) => number,
  u32: (at: number) => number,
): number | undefined {
  const lowest = Math.max(0, length - EOCD_SIZE - MAX_COMMENT);
  for (let at = length - EOCD_SIZE; at >= lowest; at--) {
    if (u32(at) !== END_OF_CENTRAL_DIRECTORY) continue;
    if (at + EOCD_SIZE + u16(at + 20) === length) return at;
  }
  return undefined;
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (const byte of b) s += String.fromCharCode(byte);
  return s;
}
