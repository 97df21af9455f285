/**
 * The start tags of an XML text that arrives in chunks, for the XLSX guard (zip-guard.ts): each
 * tag's local name (namespace prefix dropped) and its attribute text, and for names asked for,
 * the text up to the next markup (a defined name's formula). Nothing is kept between chunks but
 * an unfinished construct, at most MAX_HELD characters (a longer tag or text is refused), so
 * memory is bounded whatever the entry's size.
 *
 * Not a validating parser: comments, CDATA sections, processing instructions and end tags are
 * skipped; a quoted attribute value may hold '>'; a DOCTYPE (never used by XLSX, and the way to
 * declare entities) is refused. A construct left unfinished at the end is ignored: the real parser
 * fails on it anyway.
 */

/** Longest tag, or named element text, accepted: 1 MiB of characters. */
export const MAX_HELD = 1024 ** 2;

/** Handles one start tag; returns a reason to stop reading, or undefined to go on. */
export type TagHandler = (name: string, attrs: string, text: string | undefined) => string | undefined;

const LT = 60;
const GT = 62;
const BANG = 33;
const QUESTION = 63;
const SLASH = 47;
const DQUOTE = 34;
const SQUOTE = 39;

/** Index of the '>' that ends the tag starting before `from`, skipping quoted values; -1 if not yet seen. */
function tagEnd(s: string, from: number): number {
  let quote = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === DQUOTE || c === SQUOTE) quote = c;
    else if (c === GT) return i;
  }
  return -1;
}

export class XmlTagScanner {
  private held = '';

  constructor(
    private readonly withText: ReadonlySet<string>,
    private readonly onTag: TagHandler,
  ) {}

  /** Feed the next chunk; returns a reason to stop, or undefined. */
  push(chunk: string): string | undefined {
    const s = this.held === '' ? chunk : this.held + chunk;
    this.held = '';
    let i = 0;
    for (;;) {
      const lt = s.indexOf('<', i);
      if (lt < 0) return undefined; // text only: nothing to keep
      const next = s.charCodeAt(lt + 1);
      let after: number; // where scanning resumes; -1 when the construct is unfinished
      if (Number.isNaN(next)) after = -1;
      else if (next === BANG) {
        if (s.startsWith('<!--', lt)) after = end(s, '-->', lt + 4);
        else if (s.startsWith('<![CDATA[', lt)) after = end(s, ']]>', lt + 9);
        else if (s.length - lt < 9)
          after = -1; // too short to tell yet
        else return 'has a DOCTYPE or other declaration, which XLSX files do not use';
      } else if (next === QUESTION) after = end(s, '?>', lt + 2);
      else if (next === SLASH) after = end(s, '>', lt + 2);
      else {
        const gt = tagEnd(s, lt + 1);
        after = -1;
        if (gt >= 0) {
          const body = s.slice(lt + 1, gt);
          const name = localName(body);
          let text: string | undefined;
          let complete = true;
          if (this.withText.has(name) && body.charCodeAt(body.length - 1) !== SLASH) {
            const nextLt = s.indexOf('<', gt + 1);
            if (nextLt < 0) complete = false;
            else text = s.slice(gt + 1, nextLt);
          }
          if (complete) {
            const stop = this.onTag(name, body, text);
            if (stop !== undefined) return stop;
            after = gt + 1;
          }
        }
      }
      if (after < 0) return this.hold(s, lt);
      i = after;
    }
  }

  private hold(s: string, from: number): string | undefined {
    this.held = s.slice(from);
    return this.held.length > MAX_HELD ? `has a tag or text of more than ${MAX_HELD} characters` : undefined;
  }
}

function end(s: string, close: string, from: number): number {
  const at = s.indexOf(close, from);
  return at < 0 ? -1 : at + close.length;
}

/** "x:row r=…" → "row". */
function localName(body: string): string {
  let stop = body.length;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === SLASH || c === LT) {
      stop = i;
      break;
    }
  }
  const q = body.slice(0, stop);
  const colon = q.lastIndexOf(':');
  return colon < 0 ? q : q.slice(colon + 1);
}

/** Every value of the unprefixed attribute `name` (XML forbids repeats, but the guard checks each). */
export function attrValues(attrs: string, name: string): string[] {
  if (!attrs.includes(name)) return [];
  const out: string[] = [];
  const re = new RegExp(`[\\s]${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g');
  for (const m of attrs.matchAll(re)) out.push(m[1] ?? m[2] ?? '');
  return out;
}

/** The five predefined entities and character references (a defined name's text may use them). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos));/g,
    (all, dec, hex, named) => {
      if (named) return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[named as 'lt'];
      const code = dec ? Number(dec) : Number.parseInt(hex, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : all;
    },
  );
}
