/** Reading pages back from poppler's output: named destinations and heading search. */
import { describe, expect, it } from 'vitest';
import { findHeadingPages, parseDestinations } from './pdf-text.js';

describe('parseDestinations', () => {
  it('reads page and name from pdfinfo -dests lines and skips the header', () => {
    const out = [
      'Page  Destination                 Name',
      '   3 [ XYZ    0  831 null      ] "sec-about"',
      '  12 [ XYZ    0  514 null      ] "sec-water"',
      '',
    ].join('\n');
    expect([...parseDestinations(out)]).toEqual([
      ['sec-about', 3],
      ['sec-water', 12],
    ]);
  });
});

describe('findHeadingPages', () => {
  it('finds headings in order and ignores contents lines that carry a page after the title', () => {
    const pages = ['目錄\n5.4 水資源   第2頁', '5.4 水資源\n文字', '5.5 廢棄物'];
    const found = findHeadingPages(pages, [
      { id: 'water', text: '5.4 水資源' },
      { id: 'waste', text: '5.5 廢棄物' },
      { id: 'absent', text: '9 無' },
    ]);
    expect([...found]).toEqual([
      ['water', 2],
      ['waste', 3],
    ]);
  });
});
