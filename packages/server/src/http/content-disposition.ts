/**
 * Content-Disposition for a download (RFC 6266 with RFC 8187 for the UTF-8 name):
 *   attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded name>
 * The fallback keeps printable ASCII but for `"`, `\`, `/`, `%`, `;` and `,`, and turns everything
 * else (non-ASCII, controls) into "_", so no character of the name can end the quoted string or
 * add a parameter. The RFC 8187 value percent-encodes every byte outside attr-char.
 */

/** Printable ASCII a quoted filename may hold as is (no quote, backslash, percent, separators). */
const FALLBACK_SAFE = /[ !#$&'()*+\-.0-9:<=>?@A-Z[\]^_`a-z{|}~]/;
/** RFC 8187 attr-char: ALPHA / DIGIT / "!#$&+-.^_`|~". */
const ATTR_CHAR = /[A-Za-z0-9!#$&+\-.^_`|~]/;

export function asciiFallback(name: string): string {
  let out = '';
  for (const ch of name) out += FALLBACK_SAFE.test(ch) ? ch : '_';
  return out;
}

export function rfc8187(name: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(name)) {
    const ch = String.fromCharCode(byte);
    out += byte < 0x80 && ATTR_CHAR.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export function attachment(name: string): string {
  return `attachment; filename="${asciiFallback(name)}"; filename*=UTF-8''${rfc8187(name)}`;
}
