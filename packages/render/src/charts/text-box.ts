/**
 * Text geometry for the hand-drawn SVG charts, without a font engine: a conservative advance
 * width per character (CJK and full-width forms 1 em; capitals, m, w, % and @ 0.95 em — Noto
 * Sans's W is about 0.93 em; any other character 0.66 em, wider than its digits' 0.55 em), so the
 * estimated boxes contain the drawn text (svg-bar.test.ts measures it in Chromium)
 * and a line height of 1.2 em. Layout (svg-bar.ts) places text by these boxes so that no two
 * overlap; the geometry test checks the drawn SVG with the same boxes.
 */

export const LATIN_EM = 0.66;
export const BROAD_EM = 0.95;
const BROAD = /[A-Zmw%@]/;
export const LINE_EM = 1.2;

/** Hangul Jamo, CJK (radicals to Yi), Hangul, compatibility ideographs, vertical and full-width forms. */
const WIDE_CLASS =
  '\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6';
const WIDE = new RegExp(`[${WIDE_CLASS}]`, 'u');
/** A token: one wide character, a run of other non-space characters, or a run of spaces. */
const TOKEN = new RegExp(`[${WIDE_CLASS}]|[^\\s${WIDE_CLASS}]+|\\s+`, 'gu');

export function charEm(ch: string): number {
  return WIDE.test(ch) ? 1 : BROAD.test(ch) ? BROAD_EM : LATIN_EM;
}

/** Estimated advance width of `text` at `size` px. */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * size;
}

/**
 * Break `text` into lines no wider than `max` px: Latin words stay whole where they fit, CJK
 * breaks between any two characters, and a word wider than a line is cut by characters.
 */
export function wrapText(text: string, size: number, max: number): string[] {
  const tokens = text.match(TOKEN) ?? [];
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line.trim() !== '') lines.push(line.trim());
    line = '';
  };
  for (const tok of tokens) {
    if (/^\s+$/.test(tok)) {
      if (line !== '') line += ' ';
      continue;
    }
    if (textWidth(line + tok, size) <= max) {
      line += tok;
      continue;
    }
    if (textWidth(tok, size) <= max) {
      push();
      line = tok;
      continue;
    }
    for (const ch of tok) {
      if (textWidth(line + ch, size) > max) push();
      line += ch;
    }
  }
  push();
  return lines.length > 0 ? lines : [''];
}

export type Box = { readonly x: number; readonly y: number; readonly w: number; readonly h: number };

/** The box of an SVG <text> at baseline `y` with `anchor` start, middle or end. */
export function textBox(text: string, x: number, y: number, size: number, anchor: string): Box {
  const w = textWidth(text, size);
  const left = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
  // Ascent about 0.88 em above the baseline, descent 0.32 em below: a 1.2 em box.
  return { x: left, y: y - 0.88 * size, w, h: LINE_EM * size };
}

export const intersects = (a: Box, b: Box): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
