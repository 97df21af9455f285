/**
 * One section's text in both languages side by side (react-hook-form), the figure picker that
 * inserts a placeholder at the cursor of the text last in focus, the live preview, and saving
 * with the version edited. Typed text is never lost: a stale version (412) keeps the input,
 * shows the text saved meanwhile and offers to save over it; while nothing is typed, a newer
 * version from the server replaces the shown text. The page keeps the editor of every section
 * opened mounted, so switching sections keeps a draft too.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type FigureChoice, type NarrativeRow, narrativeApi } from '../../api-narrative';
import { RefusalNote } from '../../components/refusal-note';
import { pick, useLang } from '../../i18n';
import { queryKeys } from '../../query/keys';
import { useWrite } from '../../query/write';
import { FigurePicker } from './figure-picker';
import { NarrativePreview } from './narrative-preview';

type Fields = { en: string; zh: string; reason: string };
type Side = 'en' | 'zh';
const fieldsOf = (row: NarrativeRow): Fields => ({
  en: row.section.body.en,
  zh: row.section.body['zh-Hant'],
  reason: '',
});

export function SectionEditor(props: {
  row: NarrativeRow;
  figures: readonly FigureChoice[];
  canWrite: boolean;
  onDirty: (id: string, dirty: boolean) => void;
}) {
  const { t } = useTranslation('narrative');
  const lang = useLang();
  const id = useId();
  const { row, onDirty } = props;
  const form = useForm<Fields>({ defaultValues: fieldsOf(row) });
  const { register, handleSubmit, setValue, getValues, reset, control } = form;
  const { errors, isDirty } = form.formState;
  const [en, zh] = useWatch({ control, name: ['en', 'zh'] });
  const [version, setVersion] = useState(row.version);
  const [saved, setSaved] = useState<number | undefined>();
  const boxes = useRef<Record<Side, HTMLTextAreaElement | null>>({ en: null, zh: null });
  const [into, setInto] = useState<Side>(lang === 'en' ? 'en' : 'zh');
  const write = useWrite({
    write: (v: Fields & { version: number }) =>
      narrativeApi.save(
        row.section.id,
        { en: v.en, 'zh-Hant': v.zh },
        v.version,
        v.reason.trim() || undefined,
      ),
    invalidates: () => [queryKeys.narrative()],
    onDone: (out, v) => {
      setVersion(out.version);
      setSaved(out.version);
      reset({ en: v.en, zh: v.zh, reason: '' });
    },
  });
  const stale = write.refusal?.code === 'stale-version';
  useEffect(() => onDirty(row.section.id, isDirty), [onDirty, row.section.id, isDirty]);
  // a newer version from the server replaces the text only while nothing is typed
  useEffect(() => {
    if (row.version === version || isDirty || stale) return;
    reset(fieldsOf(row));
    setVersion(row.version);
  }, [row, version, isDirty, stale, reset]);

  const insert = (placeholder: string) => {
    const box = boxes.current[into];
    const text = getValues(into);
    const start = box?.selectionStart ?? text.length;
    const end = box?.selectionEnd ?? text.length;
    setValue(into, text.slice(0, start) + placeholder + text.slice(end), { shouldDirty: true });
    setSaved(undefined);
    requestAnimationFrame(() => {
      box?.focus();
      box?.setSelectionRange(start + placeholder.length, start + placeholder.length);
    });
  };
  const save = (v: number) =>
    handleSubmit((f) => {
      setSaved(undefined);
      write.mutate({ ...f, version: v });
    })();
  const box = (side: Side, label: string) => {
    const reg = register(side, {
      validate: (s) => s.trim() !== '' || t('required', { lang: label }),
      maxLength: { value: 20_000, message: t('tooLong') },
    });
    return (
      <label className="narrative-box">
        {label}
        <textarea
          {...reg}
          ref={(el) => {
            reg.ref(el);
            boxes.current[side] = el;
          }}
          rows={10}
          lang={side === 'en' ? 'en' : 'zh-Hant'}
          readOnly={!props.canWrite}
          onFocus={() => setInto(side)}
          aria-invalid={errors[side] !== undefined}
          data-narrative-text={side}
        />
        {errors[side] ? (
          <span className="field-error" role="alert">
            {errors[side]?.message}
          </span>
        ) : null}
      </label>
    );
  };
  const refused = write.refusal;
  return (
    <form
      className="panel narrative-editor"
      aria-labelledby={`${id}-h`}
      noValidate
      data-narrative-editor={row.section.id}
      data-version={version}
      onSubmit={(e) => {
        e.preventDefault();
        void save(version);
      }}
    >
      <h2 id={`${id}-h`}>
        {pick(row.section.title, lang)} <span className="muted small-text">{t('version', { version })}</span>
      </h2>
      {!props.canWrite ? <p className="muted">{t('readOnly')}</p> : null}
      <div className="narrative-columns">
        {box('en', t('en'))}
        {box('zh', t('zh'))}
      </div>
      {props.canWrite ? (
        <FigurePicker figures={props.figures} into={into === 'en' ? t('en') : t('zh')} onPick={insert} />
      ) : null}
      <NarrativePreview en={en} zh={zh} />
      {props.canWrite ? (
        <div className="toolbar">
          <label>
            {t('reason')} <input {...register('reason')} data-narrative-reason />
          </label>{' '}
          <button type="submit" disabled={write.isPending} data-narrative-save>
            {write.isPending ? t('saving') : t('save')}
          </button>{' '}
          {saved !== undefined ? (
            <span className="ok" role="status" data-narrative-saved={saved}>
              {t('saved', { version: saved })}
            </span>
          ) : null}
        </div>
      ) : null}
      {refused ? (
        <RefusalNote
          refusal={refused}
          localised={
            stale
              ? t('refused.stale', { version: row.version })
              : refused.code === 'forbidden'
                ? t('refused.forbidden')
                : refused.code === 'invalid-request'
                  ? t('refused.invalid', { field: refused.field ?? '' })
                  : undefined
          }
        />
      ) : null}
      {stale && row.version !== version ? (
        <details className="narrative-theirs" open data-narrative-theirs={row.version}>
          <summary>{t('theirs', { version: row.version })}</summary>
          <div className="narrative-columns">
            <p lang="en">{row.section.body.en}</p>
            <p lang="zh-Hant">{row.section.body['zh-Hant']}</p>
          </div>
          <button type="button" data-narrative-save-over onClick={() => void save(row.version)}>
            {t('saveOver', { version: row.version })}
          </button>
        </details>
      ) : null}
    </form>
  );
}
