/** Which report section a figure belongs to: the longest matching indicator-id prefix in the outline. */
import { OTHER_FIGURES_SECTION, OUTLINE, type OutlineNode } from './outline.js';

export function flattenOutline(nodes: readonly OutlineNode[] = OUTLINE): OutlineNode[] {
  return nodes.flatMap((n) => [n, ...flattenOutline(n.children ?? [])]);
}

export function sectionOfIndicator(indicatorId: string): string {
  let best: { id: string; length: number } = { id: OTHER_FIGURES_SECTION.id, length: -1 };
  for (const node of flattenOutline()) {
    for (const prefix of node.figures ?? []) {
      if (indicatorId.startsWith(prefix) && prefix.length > best.length)
        best = { id: node.id, length: prefix.length };
    }
  }
  return best.id;
}

/** Section ids in report order, with the catch-all section last. */
export function sectionOrder(): string[] {
  return [...flattenOutline().map((n) => n.id), OTHER_FIGURES_SECTION.id];
}
