/**
 * The figure picker (issue #19): search the report's figures by indicator name, entity, year or
 * id in the UI language (every word must match), pick one, and its placeholder is handed to the
 * editor, which inserts it at the cursor. Each result shows what the report prints for it.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FigureChoice } from '../../api-narrative';
import { pick, useLang } from '../../i18n';

const SHOWN = 40;

export function FigurePicker(props: {
  figures: readonly FigureChoice[];
  /** The language whose text receives the placeholder (the textarea last in focus). */
  into: string;
  onPick: (placeholder: string) => void;
}) {
  const { t } = useTranslation('narrative');
  const lang = useLang();
  const id = useId();
  const [search, setSearch] = useState('');
  const hits = useMemo(() => {
    const words = search
      .toLocaleLowerCase()
      .split(/\s+/)
      .filter((w) => w !== '');
    if (words.length === 0) return [];
    return props.figures.filter((f) => {
      const hay = [pick(f.label, lang), pick(f.entity, lang), f.periodId, f.indicatorId]
        .join(' ')
        .toLocaleLowerCase();
      return words.every((w) => hay.includes(w));
    });
  }, [search, props.figures, lang]);
  return (
    <section className="figure-picker" aria-labelledby={`${id}-h`} data-figure-picker>
      <h3 id={`${id}-h`}>{t('picker')}</h3>
      <input
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        placeholder={t('pickerSearch')}
        aria-label={t('pickerSearch')}
        data-figure-search
      />{' '}
      <span className="muted small-text">{t('pickerInto', { lang: props.into })}</span>
      {search.trim() !== '' && hits.length === 0 ? (
        <p className="muted" data-figure-none>
          {t('pickerNone')}
        </p>
      ) : null}
      {hits.length > 0 ? (
        <ul className="figure-choices">
          {hits.slice(0, SHOWN).map((f) => (
            <li key={f.figureId}>
              <button
                type="button"
                data-figure-choice={f.figureId}
                // keep the textarea's cursor: the button takes no focus on press
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => props.onPick(f.placeholder)}
              >
                <span className="figure-label">{pick(f.label, lang)}</span>
                <span className="muted">
                  {' '}
                  · {pick(f.entity, lang)} · {f.periodId}
                </span>
                <span className="figure-printed" data-printed>
                  {pick(f.printed, lang)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {hits.length > SHOWN ? (
        <p className="muted small-text">{t('pickerMore', { count: hits.length - SHOWN })}</p>
      ) : null}
    </section>
  );
}
