/**
 * The report's narrative text (#/narrative?section=…; issue #19, docs/report.md "Editing
 * narrative"): the sections in a column (version, numbers typed without a figure, unsaved
 * drafts marked), and the chosen section's editor. Everyone who reads the report reads here;
 * saving needs write-narrative (the administrator on the group). Server state through TanStack
 * Query (query/keys.ts); every opened section's editor stays mounted, so a draft survives
 * switching sections and the list being fetched again.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../access';
import { narrativeApi } from '../../api-narrative';
import { ErrorNote } from '../../components/error-note';
import { pick, useLang } from '../../i18n';
import { queryKeys } from '../../query/keys';
import { SectionEditor } from './section-editor';
import './narrative.css';

const href = (section: string) => `#/narrative?${new URLSearchParams({ section }).toString()}`;

export function NarrativePage(props: { section: string | null }) {
  const { t } = useTranslation('narrative');
  const lang = useLang();
  const access = useAccess();
  const list = useQuery({ queryKey: queryKeys.narrative(), queryFn: narrativeApi.list });
  const [opened, setOpened] = useState<readonly string[]>([]);
  const [dirty, setDirty] = useState<ReadonlySet<string>>(new Set());
  const onDirty = useCallback(
    (id: string, is: boolean) =>
      setDirty((d) => {
        if (d.has(id) === is) return d;
        const next = new Set(d);
        if (is) next.add(id);
        else next.delete(id);
        return next;
      }),
    [],
  );
  const sections = list.data?.sections ?? [];
  const shown = sections.find((s) => s.section.id === props.section)?.section.id ?? sections[0]?.section.id;
  const mounted = shown !== undefined && !opened.includes(shown) ? [...opened, shown] : opened;
  useEffect(() => {
    if (shown !== undefined) setOpened((o) => (o.includes(shown) ? o : [...o, shown]));
  }, [shown]);
  return (
    <div className="narrative" data-narrative-ready={list.data ? list.data.workspaceVersion : undefined}>
      <h1>{t('title')}</h1>
      <p className="muted intro">{t('intro')}</p>
      {list.error ? <ErrorNote message={list.error.message} /> : null}
      {list.data ? (
        <div className="narrative-layout">
          <aside className="narrative-sections" aria-label={t('sections')}>
            <ul>
              {sections.map((s) => {
                const unbound = s.unbound.en.length + s.unbound['zh-Hant'].length;
                return (
                  <li key={s.section.id}>
                    <a
                      href={href(s.section.id)}
                      className={s.section.id === shown ? 'active' : ''}
                      aria-current={s.section.id === shown ? 'true' : undefined}
                      data-narrative-section={s.section.id}
                    >
                      <span>{pick(s.section.title, lang)}</span>
                      <span className="section-meta small-text">
                        <span className="muted">{t('versionShort', { version: s.version })}</span>
                        {unbound > 0 ? <span className="warning"> ⚠ {unbound}</span> : null}
                        {dirty.has(s.section.id) ? (
                          <span className="unsaved" data-unsaved title={t('unsaved')}>
                            {' '}
                            ●
                          </span>
                        ) : null}
                      </span>
                    </a>
                  </li>
                );
              })}
            </ul>
          </aside>
          <div className="narrative-main">
            {mounted.map((sid) => {
              const row = sections.find((s) => s.section.id === sid);
              return row ? (
                <div key={sid} hidden={sid !== shown}>
                  <SectionEditor
                    row={row}
                    figures={list.data.figures}
                    canWrite={access.canOrgWide('write-narrative')}
                    onDirty={onDirty}
                  />
                </div>
              ) : null;
            })}
          </div>
        </div>
      ) : null}
    </div>
  );
}
