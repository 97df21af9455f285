/**
 * A stored notification (or one about to be stored) as the words need it (notice-text.ts): the
 * entity's name looked up in the organisation as it is now; an entity no longer there is named
 * by its id.
 */
import type { Entity } from '@assay/core';
import type { NotificationRow } from '@assay/store';
import type { Notice, NoticeLanguage } from './notice-text.js';

export function entityNames(
  entities: readonly Entity[],
  entityId: string,
): Readonly<Record<NoticeLanguage, string>> {
  const e = entities.find((x) => x.id === entityId);
  return { en: e?.name.en || entityId, 'zh-Hant': e?.name['zh-Hant'] || e?.name.en || entityId };
}

type NoticeFields = Pick<
  NotificationRow,
  'kind' | 'entityId' | 'periodId' | 'topic' | 'actor' | 'comment' | 'assignmentLabel' | 'dueOn'
>;

export function noticeOf(n: NoticeFields, entities: readonly Entity[]): Notice {
  return {
    kind: n.kind,
    entity: entityNames(entities, n.entityId),
    periodId: n.periodId,
    topic: n.topic,
    actor: n.actor,
    comment: n.comment,
    assignmentLabel: n.assignmentLabel,
    dueOn: n.dueOn,
  };
}
