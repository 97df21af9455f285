/**
 * The live preview of a section's text (issue #19): the server resolves the placeholders with
 * the report's own code (POST /api/narrative/preview), so the preview prints each figure as the
 * report does; an unresolved placeholder shows as the report's ⟦…⟧ marker, highlighted. The
 * numbers typed without a figure (core's unboundNumbers) are listed per language. Asked for a
 * moment after typing stops; the last preview stays while the next is prepared.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { narrativeApi } from '../../api-narrative';
import { ErrorNote } from '../../components/error-note';
import type { Lang } from '../../i18n';
import { queryKeys } from '../../query/keys';

const MARKER = /(⟦[^⟧]*⟧)/;

function Printed({ text }: { text: string }) {
  return (
    <>
      {text.split(MARKER).map((part, i) =>
        MARKER.test(part) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text, in order
          <mark key={i} className="unresolved" data-unresolved>
            {part}
          </mark>
        ) : (
          part
        ),
      )}
    </>
  );
}

export function NarrativePreview(props: { en: string; zh: string }) {
  const { t } = useTranslation('narrative');
  const [asked, setAsked] = useState({ en: props.en, zh: props.zh });
  useEffect(() => {
    const timer = setTimeout(() => setAsked({ en: props.en, zh: props.zh }), 300);
    return () => clearTimeout(timer);
  }, [props.en, props.zh]);
  const preview = useQuery({
    queryKey: queryKeys.narrativePreview(asked.en, asked.zh),
    queryFn: ({ signal }) => narrativeApi.preview({ en: asked.en, 'zh-Hant': asked.zh }, signal),
    placeholderData: keepPreviousData,
  });
  const langs: [Lang, string][] = [
    ['en', t('en')],
    ['zh-Hant', t('zh')],
  ];
  const current =
    preview.data && !preview.isPlaceholderData && asked.en === props.en && asked.zh === props.zh;
  return (
    <section className="narrative-preview" data-preview-ready={current ? 'yes' : undefined}>
      <h3>{t('preview')}</h3>
      {preview.error ? <ErrorNote message={preview.error.message} /> : null}
      {!preview.data ? <p className="muted">{t('previewWaiting')}</p> : null}
      {preview.data ? (
        <div className="narrative-columns">
          {langs.map(([lang, name]) => {
            const data = preview.data;
            const unbound = data.unbound[lang];
            return (
              <div key={lang} lang={lang}>
                <p className="preview-text" data-preview={lang}>
                  <Printed text={data.text[lang]} />
                </p>
                {MARKER.test(data.text[lang]) ? (
                  <p className="warning small-text">{t('unresolved')}</p>
                ) : null}
                {unbound.length > 0 ? (
                  <p className="warning small-text" data-unbound={lang}>
                    {t('unbound', { lang: name, numbers: unbound.join(', ') })}
                  </p>
                ) : null}
              </div>
            );
          })}
        </div>
      ) : null}
    </section>
  );
}
