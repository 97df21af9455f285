/**
 * What the report prints under the materiality matrix when its scores were computed from a
 * survey (Registers.materialityBasis; app reportRegisters): the basis (responses per
 * stakeholder group and weight, the rule, the threshold) and, once approved, the approved topic
 * list with its approver and date, each topic with the HKEX aspects it answers and the report
 * sections that answer them (from outline.ts: a section answers an aspect when it lists one of
 * the aspect's codes). docs/registers.md "Materiality".
 */
import type { MaterialityBasis, Registers } from '../model/registers.js';
import type { LocalisedText } from '../model/text.js';
import type { Block, Cell } from './model.js';
import { publicName } from './public-name.js';
import { flattenOutline } from './section-of.js';

const t = (zh: string, en: string): LocalisedText => ({ 'zh-Hant': zh, en });
const text = (x: LocalisedText): Cell => ({ kind: 'text', text: x });

/** The outline sections that answer an HKEX aspect ("A2" → the sections listing A2.GD, A2.1…). */
export function sectionsOfAspect(aspect: string): { id: string; title: LocalisedText }[] {
  return flattenOutline()
    .filter((n) => (n.hkex ?? []).some((c) => c.startsWith(`${aspect}.`)))
    .map((n) => ({ id: n.id, title: n.title }));
}

function basisNote(b: MaterialityBasis): LocalisedText {
  const zhGroups = b.groups.map((g) => `${g.name['zh-Hant']}${g.responses}份（權重${g.weight}）`).join('、');
  const enGroups = b.groups.map((g) => `${g.name.en} ${g.responses} (weight ${g.weight})`).join(', ');
  const zhRule = b.doubleMateriality
    ? `任一維度達${b.threshold}分即列為建議重要議題（雙重重要性）`
    : `兩個維度平均達${b.threshold}分即列為建議重要議題`;
  const enRule = b.doubleMateriality
    ? `a topic is proposed as material when either score reaches ${b.threshold} (double materiality)`
    : `a topic is proposed as material when the mean of its two scores reaches ${b.threshold}`;
  const demo = b.isDemonstration
    ? t('（示範數據：回應者為虛構）', ' (demonstration data: made-up respondents)')
    : t('', '');
  return {
    'zh-Hant': `矩陣評分由問卷「${b.title['zh-Hant']}」的${b.responses}份回應計算：${zhGroups}。各組先取平均分，再按權重加權平均（1至5分）；${zhRule}。${demo['zh-Hant']}`,
    en: `Scores computed from ${b.responses} responses to the survey "${b.title.en}": ${enGroups}. Each group's mean score, then the weighted mean of the groups (1 to 5); ${enRule}.${demo.en}`,
  };
}

export function materialityBasisBlocks(r: Registers): Block[] {
  const b = r.materialityBasis;
  if (!b) return [];
  const blocks: Block[] = [{ kind: 'note', text: basisNote(b) }];
  const a = b.approval;
  if (!a) {
    blocks.push({
      kind: 'note',
      text: t('重要議題清單尚未審批。', 'The material topic list is not yet approved.'),
    });
    return blocks;
  }
  const byId = new Map(r.materialTopics.map((m) => [m.id, m]));
  const by = publicName(a.approvedBy); // never the approver's e-mail address in a published report
  blocks.push({
    kind: 'table',
    id: 'approved-material-topics',
    caption: {
      'zh-Hant': `經審批的重要議題（${by}於${a.approvedOn}審批）`,
      en: `Approved material topics (approved by ${by} on ${a.approvedOn})`,
    },
    head: [t('議題', 'Topic'), t('香港聯交所層面', 'HKEX aspects'), t('本報告章節', 'Report sections')],
    rows: a.topicIds.map((id) => {
      const m = byId.get(id);
      const aspects = m?.hkex ?? [];
      const sections = aspects.flatMap(sectionsOfAspect);
      const unique = [...new Map(sections.map((s) => [s.id, s])).values()];
      return [
        text(m?.name ?? t(id, id)),
        text(t(aspects.join('、') || '—', aspects.join(', ') || '—')),
        text({
          'zh-Hant': unique.map((s) => s.title['zh-Hant']).join('；') || '—',
          en: unique.map((s) => s.title.en).join('; ') || '—',
        }),
      ];
    }),
  });
  return blocks;
}
