/**
 * Reading a bundle's YAML without trusting it: the size on disk, the nesting of flow collections
 * before parsing (a parser and a validator recurse per level and overflow the stack some
 * thousand levels down), aliases (yaml's own count, `maxAliasCount`, against "billion laughs"),
 * and the finished value's height, which an alias to its own ancestor makes infinite (a cycle).
 * Expected failures are issues naming the file; the parser's and the runtime's words are not
 * passed on when they describe themselves rather than the file.
 */
import YAML from 'yaml';

/** Nesting levels accepted; the deepest bundle document (registers.yaml) uses 5. */
export const MAX_YAML_DEPTH = 64;
/** Aliases resolved per document (yaml's count). */
export const MAX_YAML_ALIASES = 100;

export type YamlRead = { ok: true; data: unknown } | { ok: false; issues: { row: number; reason: string }[] };

const TOO_DEEP = `nested more than ${MAX_YAML_DEPTH} levels deep`;

export function readYamlText(text: string): YamlRead {
  const flow = flowDepthAbove(text, MAX_YAML_DEPTH);
  if (flow) return { ok: false, issues: [{ row: flow, reason: TOO_DEEP }] };
  const doc = YAML.parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0)
    return {
      ok: false,
      issues: doc.errors.map((e) => ({
        row: (e.linePos?.[0]?.line ?? 0) || 1,
        reason: isStackOverflow(e.message) ? TOO_DEEP : (e.message.split('\n')[0] ?? e.message),
      })),
    };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    if (e instanceof ReferenceError && /alias/i.test(e.message))
      return {
        ok: false,
        issues: [
          { row: 1, reason: `expands more than ${MAX_YAML_ALIASES} aliases (a "billion laughs" document?)` },
        ],
      };
    if (e instanceof RangeError) return { ok: false, issues: [{ row: 1, reason: TOO_DEEP }] };
    throw e;
  }
  const h = height(data, MAX_YAML_DEPTH);
  if (h > MAX_YAML_DEPTH)
    return {
      ok: false,
      issues: [
        {
          row: 1,
          reason:
            h === Number.POSITIVE_INFINITY ? 'contains itself (an alias to its own ancestor)' : TOO_DEEP,
        },
      ],
    };
  return { ok: true, data };
}

function isStackOverflow(message: string): boolean {
  return /call stack/i.test(message);
}

/**
 * The line (1-based) where flow collections ([ … ], { … }) first nest deeper than `max`, or 0.
 * Quoted scalars and comments are skipped; block collections are left to the parser and to the
 * height check (each block level costs a longer indentation, so they cannot get as deep cheaply).
 */
function flowDepthAbove(text: string, max: number): number {
  let depth = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    else if (c === '[' || c === '{') {
      if (++depth > max) return line;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1] as string))) {
      const end = text.indexOf('\n', i);
      i = (end < 0 ? text.length : end) - 1;
    } else if (c === '"' || c === "'") {
      // A quote starts a quoted scalar only where a scalar can start; elsewhere it is text.
      if (i > 0 && !/[\s[{,:-]/.test(text[i - 1] as string)) continue;
      let j = i + 1;
      while (j < text.length) {
        const d = text[j];
        if (d === '\\' && c === '"') j += 2;
        else if (d === c) {
          if (c === "'" && text[j + 1] === "'") j += 2;
          else break;
        } else {
          if (d === '\n') line++;
          j++;
        }
      }
      i = j;
    }
  }
  return 0;
}

const IN_PROGRESS = -1;

/**
 * The longest path from `root` down through arrays and plain objects, counted in levels (a scalar
 * is 0), stopping once past `max`; Infinity when a value contains itself. Iterative and memoised, so
 * neither deep nor widely shared (aliased) values cost more than one visit per object.
 */
export function height(root: unknown, max: number): number {
  const known = new Map<object, number>();
  const children = (v: object): unknown[] => (Array.isArray(v) ? v : Object.values(v));
  const isNode = (v: unknown): v is object => typeof v === 'object' && v !== null && !ArrayBuffer.isView(v);
  if (!isNode(root)) return 0;
  const stack: { node: object; next: number; kids: unknown[] }[] = [
    { node: root, next: 0, kids: children(root) },
  ];
  known.set(root, IN_PROGRESS);
  let best = 0;
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as (typeof stack)[number];
    if (top.next < top.kids.length) {
      const kid = top.kids[top.next++];
      if (!isNode(kid)) continue;
      const h = known.get(kid);
      if (h === IN_PROGRESS) return Number.POSITIVE_INFINITY;
      if (h !== undefined) {
        best = Math.max(best, stack.length + h);
        continue;
      }
      if (stack.length + 1 > max) return max + 1;
      known.set(kid, IN_PROGRESS);
      stack.push({ node: kid, next: 0, kids: children(kid) });
      continue;
    }
    stack.pop();
    // Height of a finished node: 1 + its tallest child (children are finished before it).
    let own = 0;
    for (const k of top.kids) if (isNode(k)) own = Math.max(own, known.get(k) ?? 0);
    known.set(top.node, own + 1);
    best = Math.max(best, stack.length + own + 1);
  }
  return best;
}
