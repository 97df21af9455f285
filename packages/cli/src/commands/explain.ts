/**
 * `assay explain [bundle] <figure-id>`: the derivation tree down to facts and factors, of the
 * bundle folder or, without one, of the store (app's evaluation; bundle-source.ts).
 */
import { explain, type Lineage, lineageValueText } from '@assay/core';
import { type Command, EXIT, formatOption, UsageError } from '../command.js';
import { withBundleSource } from './bundle-source.js';

const OP_WORD: Record<string, string> = {
  sum: 'sum of',
  'weighted-sum': 'consolidated sum of',
  product: 'product of',
  ratio: 'ratio of',
  difference: 'difference of',
  convert: 'converted from',
};

function valueText(t: Lineage): string {
  const v = t.value;
  if (!v) return '(no value)';
  if (v.kind === 'error') return `ERROR ${v.code}: ${v.message}`;
  // a figure at its precision; any other node to at most 6 decimals (44/12 → 3.666667)
  return `${lineageValueText(v.value, t.figure?.precision)} ${v.unit.symbol}`;
}

function detail(t: Lineage): string {
  if (t.fact) return ` — source: ${t.fact.source}${t.fact.evidence ? `; evidence: ${t.fact.evidence}` : ''}`;
  if (t.factor) {
    const f = t.factor;
    return ` — ${f.id}; vintage ${f.vintage}${f.calibre ? `; calibre ${f.calibre}` : ''}; ${f.status}; ${f.document}`;
  }
  return '';
}

export function renderTree(t: Lineage, prefix = '', last = true, root = true): string[] {
  const head = root ? '' : `${prefix}${last ? '└─ ' : '├─ '}`;
  const op = t.op ? ` = ${OP_WORD[t.op] ?? t.op}` : '';
  const weights = t.weights?.some((w) => w !== '1') ? ` (weights ${t.weights.join(', ')})` : '';
  const lines = [
    `${head}${t.label}: ${valueText(t)}${op}${weights}${detail(t)}${t.note ? ` [${t.note}]` : ''}`,
  ];
  const childPrefix = root ? '' : `${prefix}${last ? '   ' : '│  '}`;
  t.children.forEach((c, i) => {
    lines.push(...renderTree(c, childPrefix, i === t.children.length - 1, false));
  });
  return lines;
}

function toJson(t: Lineage): unknown {
  const v = t.value;
  return {
    id: t.id,
    kind: t.kind,
    label: t.label,
    op: t.op ?? null,
    weights: t.weights ?? null,
    value: v?.kind === 'quantity' ? v.value.toString() : null,
    unit: v?.kind === 'quantity' ? v.unit.symbol : null,
    error: v?.kind === 'error' ? { code: v.code, message: v.message, origin: v.origin } : null,
    note: t.note ?? null,
    figure: t.figure ?? null,
    fact: t.fact ?? null,
    factor: t.factor ?? null,
    children: t.children.map(toJson),
  };
}

export const explainCommand: Command = {
  name: 'explain',
  usage: 'assay explain [bundle] <figure-id> [--format text|json]',
  summary: 'show how a figure was derived, down to facts (source, evidence) and factors (vintage, status)',
  options: { format: { type: 'string' } },
  async run(args, io) {
    const format = formatOption(args, ['text', 'json'], 'text');
    const p = args.positionals;
    if (p.length < 1 || p.length > 2) throw new UsageError('expected [bundle] <figure-id>');
    const [dir, id] = p.length === 2 ? [p[0], p[1] as string] : [undefined, p[0] as string];
    const { evaluated } = await import('@assay/app');
    return withBundleSource(dir, 'explain', io, async (snapshot) => {
      const { graph, figures } = evaluated(snapshot).evaluation;
      if (!graph.has(id)) {
        const near = figures.filter((f) => f.id.startsWith(id.split('@')[0] ?? id)).slice(0, 10);
        io.err(
          `no figure "${id}"${near.length ? `; figures of that indicator: ${near.map((f) => f.id).join(', ')}` : ''}`,
        );
        return EXIT.usage;
      }
      const tree = explain(graph, id);
      io.out(format === 'json' ? JSON.stringify(toJson(tree), null, 2) : renderTree(tree).join('\n'));
      return tree.value?.kind === 'error' ? EXIT.findings : EXIT.clean;
    });
  },
};
