/**
 * A workflow unit's comment thread on the cycle page (target `unit:entity/period/topic`;
 * docs/workflow.md "Comments"): a "Comments" button in the unit's row opens the thread in a row
 * below it, across the table (components/comment-thread.tsx). Which threads are open is kept by
 * the entity's table (UnitCommentsProvider), so a refetch of the list keeps them open.
 */
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../access';
import type { WorkflowUnit } from '../../api';
import { unitTarget } from '../../api-collection';
import { CommentThread } from '../../components/comment-thread';
import { useLang } from '../../i18n';
import { useEntityName } from '../../org-context';
import { topicName } from '../catalogue-topics';

type Open = { isOpen(target: string): boolean; toggle(target: string): void };
const OpenThreads = createContext<Open>({ isOpen: () => false, toggle: () => {} });

export function UnitCommentsProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback(
    (target: string) =>
      setOpen((now) => {
        const next = new Set(now);
        if (next.has(target)) next.delete(target);
        else next.add(target);
        return next;
      }),
    [],
  );
  const value = useMemo(() => ({ isOpen: (t: string) => open.has(t), toggle }), [open, toggle]);
  return <OpenThreads.Provider value={value}>{children}</OpenThreads.Provider>;
}

/** The button in the unit's row. */
export function UnitCommentsToggle({ unit }: { unit: WorkflowUnit }) {
  const { t } = useTranslation('comments');
  const lang = useLang();
  const threads = useContext(OpenThreads);
  const target = unitTarget(unit);
  const open = threads.isOpen(target);
  return (
    <button
      type="button"
      className="small lang"
      aria-expanded={open}
      aria-label={t('threadOn', { what: topicName(unit.topic, lang) })}
      data-unit-comments={target}
      onClick={() => threads.toggle(target)}
    >
      {open ? t('hide') : t('show')}
    </button>
  );
}

/** The thread, in a row under the unit's, when open. */
export function UnitCommentsRow({ unit, columns }: { unit: WorkflowUnit; columns: number }) {
  const threads = useContext(OpenThreads);
  const access = useAccess();
  const lang = useLang();
  const entityName = useEntityName();
  const target = unitTarget(unit);
  if (!threads.isOpen(target)) return null;
  return (
    <tr className="unit-comments">
      <td colSpan={columns}>
        <CommentThread
          target={target}
          what={`${entityName(unit.entityId, lang)} · ${unit.periodId} · ${topicName(unit.topic, lang)}`}
          mayWrite={access.can('write-comment', unit.entityId)}
        />
      </td>
    </tr>
  );
}
