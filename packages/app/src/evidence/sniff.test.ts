/**
 * Evidence types by magic bytes (issue #17): real samples of every allowed type (a minimal PDF,
 * PNG and JPEG headers, an XLSX written by exceljs, a DOCX written by docx, CSV text) are
 * accepted, whatever they are called; every refusal the issue names (HTML named .pdf, zero
 * bytes, over 10 MiB) and the other ones (macros, encryption, a ZIP that is no office file,
 * binary, control characters, invalid UTF-8) is refused with a reason.
 */
import * as docxEsm from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { downloadName, EVIDENCE_MAX_BYTES, EVIDENCE_TYPES, sniffEvidence } from './sniff.js';
import { zipEntries } from './zip-entries.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));
const kindOf = (b: Uint8Array) => {
  const s = sniffEvidence(b);
  return s.ok ? s.type.kind : `refused: ${s.message}`;
};

/** A ZIP of stored (uncompressed) entries, written by hand so that flags and names are ours. */
function zip(entries: { name: string; data?: string; flags?: number }[]): Uint8Array {
  const local: number[] = [];
  const central: number[] = [];
  const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
  const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
  for (const e of entries) {
    const name = [...utf8(e.name)];
    const data = [...utf8(e.data ?? '')];
    const offset = local.length;
    const common = [...u16(20), ...u16(e.flags ?? 0), ...u16(0), ...u16(0), ...u16(0), ...u32(0)];
    const sizes = [...u32(data.length), ...u32(data.length), ...u16(name.length), ...u16(0)];
    local.push(...u32(0x04034b50), ...common, ...sizes, ...name, ...data);
    central.push(...u32(0x02014b50), ...u16(20), ...common, ...sizes, ...u16(0), ...u16(0), ...u16(0));
    central.push(...u32(0), ...u32(offset), ...name);
  }
  const end = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(entries.length), ...u16(entries.length)];
  end.push(...u32(central.length), ...u32(local.length), ...u16(0));
  return new Uint8Array([...local, ...central, ...end]);
}

async function xlsxSample(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Diesel').addRow(['site', 'litres']).commit();
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

type DocxApi = {
  Document: new (o: { sections: { children: unknown[] }[] }) => unknown;
  Paragraph: new (text: string) => unknown;
  Packer: { toBuffer(doc: unknown): Promise<Uint8Array> };
};
async function docxSample(): Promise<Uint8Array> {
  const { Document, Paragraph, Packer } = docxEsm as unknown as DocxApi;
  const doc = new Document({ sections: [{ children: [new Paragraph('Invoice 2026-01: diesel 1,200 L')] }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const PDF = bytes('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = bytes(
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13],
  'IHDR',
  [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0],
);
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF', [0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
const CSV = bytes('site,month,litres\n新新礦場,2026-01,1200.5\n');

describe('allowed evidence types, by their bytes', () => {
  it('accepts a PDF, a PNG, a JPEG and CSV text', () => {
    expect(kindOf(PDF)).toBe('pdf');
    expect(kindOf(PNG)).toBe('png');
    expect(kindOf(JPEG)).toBe('jpeg');
    expect(kindOf(CSV)).toBe('csv');
    expect(kindOf(bytes([0xef, 0xbb, 0xbf], 'a,b\r\n1,\t2\r\n'))).toBe('csv'); // BOM, CRLF, tab
  });

  it('accepts an XLSX written by exceljs and a DOCX written by docx', async () => {
    const xlsx = await xlsxSample();
    const docx = await docxSample();
    expect(kindOf(xlsx)).toBe('xlsx');
    expect(kindOf(docx)).toBe('docx');
    expect(zipEntries(xlsx)?.map((e) => e.name)).toContain('xl/workbook.xml');
    expect(zipEntries(docx)?.map((e) => e.name)).toContain('word/document.xml');
  });

  it('answers with the media type served and the extensions that fit', () => {
    expect(sniffEvidence(PDF)).toEqual({ ok: true, type: EVIDENCE_TYPES.pdf });
    expect(EVIDENCE_TYPES.xlsx.mediaType).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(EVIDENCE_TYPES.csv.mediaType).toBe('text/csv');
  });

  it('takes exactly 10 MiB and refuses one byte more', () => {
    const at = new Uint8Array(EVIDENCE_MAX_BYTES);
    at.set(PDF);
    expect(kindOf(at)).toBe('pdf');
    const over = new Uint8Array(EVIDENCE_MAX_BYTES + 1);
    over.set(PDF);
    expect(kindOf(over)).toMatch(/10,485,761 bytes; at most 10 MiB \(10,485,760 bytes\)/);
  });
});

describe('refused evidence', () => {
  it('an HTML page, whatever it is called (the name is never read)', () => {
    for (const page of [
      '<!DOCTYPE html><html><script>alert(1)</script></html>',
      '  \n<html><body onload=alert(1)>',
      '\ufeff<script>alert(1)</script>',
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
      '<?xml version="1.0"?><x/>',
    ])
      expect(kindOf(utf8(page))).toMatch(/starts like HTML or XML markup/);
  });

  it('a zero-byte file', () => {
    expect(kindOf(new Uint8Array(0))).toMatch(/empty \(0 bytes\)/);
  });

  it('binary, control characters and invalid UTF-8', () => {
    expect(kindOf(bytes('GIF89a', [1, 0, 1, 0, 0x80, 0, 0]))).toMatch(
      /neither a known signature nor UTF-8|NUL/,
    );
    expect(kindOf(bytes('a,b\n1,', [0], '\n'))).toMatch(/a NUL byte/);
    expect(kindOf(bytes('a,b\n\u001b[31m1,2\n'))).toMatch(/control characters/);
    expect(kindOf(bytes([0x61, 0x2c, 0xc3, 0x28]))).toMatch(/neither a known signature nor UTF-8 text/);
    expect(kindOf(bytes('MZ', [0x90, 0, 3, 0, 0, 0]))).toMatch(/refused/); // a Windows program
  });

  it('a ZIP that is no XLSX or DOCX, has macros, is encrypted, or cannot be read', async () => {
    expect(kindOf(zip([{ name: 'a.txt', data: 'hello' }]))).toMatch(/neither an XLSX workbook nor a DOCX/);
    expect(kindOf(zip([{ name: 'xl/workbook.xml' }]))).toMatch(/neither an XLSX/); // no [Content_Types].xml
    const both = zip([
      { name: '[Content_Types].xml' },
      { name: 'xl/workbook.xml' },
      { name: 'word/document.xml' },
    ]);
    expect(kindOf(both)).toMatch(/neither an XLSX/);
    const xlsm = zip([
      { name: '[Content_Types].xml' },
      { name: 'xl/workbook.xml' },
      { name: 'xl/vbaProject.bin' },
    ]);
    expect(kindOf(xlsm)).toMatch(/with macros \(vbaProject\.bin\)/);
    const locked = zip([
      { name: '[Content_Types].xml', flags: 1 },
      { name: 'word/document.xml', flags: 1 },
    ]);
    expect(kindOf(locked)).toMatch(/encrypted/);
    expect(kindOf(zip([{ name: '[Content_Types].xml' }, { name: 'word/document.xml' }]))).toBe('docx');
    const xlsx = await xlsxSample();
    expect(kindOf(xlsx.subarray(0, xlsx.length - 30))).toMatch(/central directory cannot be read/);
    expect(kindOf(xlsx.subarray(0, 30))).toMatch(/central directory cannot be read/);
  });

  it('never throws on cut or flipped ZIP bytes (bounds are checked)', async () => {
    const xlsx = await xlsxSample();
    for (let cut = 0; cut < xlsx.length; cut += 97)
      expect(() => sniffEvidence(xlsx.subarray(0, cut))).not.toThrow();
    const flipped = Uint8Array.from(xlsx);
    for (let k = flipped.length - 200; k < flipped.length; k++) {
      const copy = Uint8Array.from(flipped);
      copy[k] = 0xff;
      expect(() => sniffEvidence(copy)).not.toThrow();
    }
  });
});

describe('the download name fits the sniffed type', () => {
  it('keeps a fitting extension (any case) and adds the usual one otherwise', () => {
    expect(downloadName('bill.PDF', EVIDENCE_TYPES.pdf)).toBe('bill.PDF');
    expect(downloadName('meter.jpeg', EVIDENCE_TYPES.jpeg)).toBe('meter.jpeg');
    expect(downloadName('page.html', EVIDENCE_TYPES.csv)).toBe('page.html.csv');
    expect(downloadName('invoice.pdf', EVIDENCE_TYPES.png)).toBe('invoice.pdf.png');
    expect(downloadName('readings', EVIDENCE_TYPES.xlsx)).toBe('readings.xlsx');
    expect(downloadName('.pdf', EVIDENCE_TYPES.pdf)).toBe('.pdf.pdf');
  });
});
