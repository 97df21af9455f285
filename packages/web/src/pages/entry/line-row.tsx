/**
 * One activity line in the entry form: amount and unit, last period's and last year's amounts
 * beside it, the source, and its actions (save, evidence, comments, retract). A line of last
 * period or last year not entered yet ("to enter") is the same row with an empty amount: saving
 * it adds the line (POST /api/activity-lines). A saved line's change names the version the edit
 * started from (PUT …/{id} with `version`).
 *
 * Checked as typed (react-hook-form, mode onChange): the amount a plain decimal and not
 * negative, a source given; a warning, not a refusal, when the amount is more than ten times or
 * less than a tenth of last period's or last year's (amount-check.ts).
 *
 * What was typed is never replaced without the person's say: a re-fetched list updates the row
 * only while it holds no edit. A 412 (someone saved the line meanwhile) shows their amount and
 * what was typed, with "Use mine" (save again over their version) and "Keep theirs"; a line
 * retracted meanwhile stays (entry-lines.tsx keeps it) with "Enter it again" and "Discard mine".
 * The inputs sit in several cells and belong to the row's form through the `form` attribute, so
 * Enter in any of them saves the row.
 */
import { Fragment, useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { collectionApi, type LineToEnter, type ListedLine, type NewLine } from '../../api-collection';
import { CommentThread } from '../../components/comment-thread';
import { RefusalNote } from '../../components/refusal-note';
import { useLang } from '../../i18n';
import { queryKeys } from '../../query/keys';
import { type Refusal, useWrite } from '../../query/write';
import { EvidenceFiles } from '../evidence-files';
import { amountProblem, groupDigits, plausibility } from './amount-check';
import { lineTitle, unitChoices, unitName, unitShort } from './entry-terms';
import { referenceName } from './period-label';

export type LineRowData =
  | { kind: 'line'; key: string; line: ListedLine; gone: boolean }
  | { kind: 'toEnter'; key: string; line: LineToEnter };

type Fields = { amount: string; unit: string; source: string };

export type RowAccess = { write: boolean; retract: boolean; readEvidence: boolean; comment: boolean };

const valuesOf = (row: LineRowData): Fields =>
  row.kind === 'line'
    ? { amount: row.line.amount, unit: row.line.unit, source: row.line.source }
    : { amount: '', unit: row.line.unit, source: '' };

/** The refusal's sentence key: by the field the server names (lines.0.unit → unit), else the code. */
function refusedKey(r: Refusal) {
  const field = r.field?.split('.').pop();
  if (field === 'unit' || field === 'subject' || field === 'amount' || field === 'use')
    return `refused.field.${field}` as const;
  if (['stale-version', 'period-locked', 'forbidden', 'not-found'].includes(r.code))
    return `refused.${r.code as 'stale-version'}` as const;
  return 'refused.other' as const;
}

export function LineRow(props: {
  row: LineRowData;
  /** The form's entity and period: the list these lines are in. */
  listEntity: string;
  period: string;
  /** The reason to record with a change (the field above the table). */
  reason: () => string;
  entityLabel: string | undefined;
  columns: number;
  access: RowAccess;
  onUnsaved: (key: string, unsaved: boolean) => void;
  onAnnounce: (text: string) => void;
}) {
  const { row, access } = props;
  const { t } = useTranslation('entry');
  const lang = useLang();
  const formId = useId();
  const title = lineTitle(row.line, lang);
  const saved = row.kind === 'line' ? row.line : undefined;
  const {
    register,
    handleSubmit,
    reset,
    watch,
    formState: { errors, isDirty },
  } = useForm<Fields>({ mode: 'onChange', defaultValues: valuesOf(row) });
  /** The version the edit started from (a saved line); undefined while the row shows the stored line. */
  const editFrom = useRef<number | undefined>(undefined);
  const [conflict, setConflict] = useState(false);
  const [evidenceOpen, setEvidenceOpen] = useState(false);
  const [commentsOpen, setCommentsOpen] = useState(false);
  const [armed, setArmed] = useState(false);
  const listKey = queryKeys.activityLines(props.listEntity, props.period);
  const invalidates = () => [listKey, queryKeys.workflowAll(), queryKeys.tasks()];

  const save = useWrite({
    write: async (v: {
      fields: Fields;
      version: number | undefined;
    }): Promise<{ version: number | undefined }> => {
      const reason = props.reason();
      if (row.kind === 'line' && !row.gone && v.version !== undefined) {
        const patch: Partial<Fields> = {};
        for (const k of ['amount', 'unit', 'source'] as const)
          if (v.fields[k].trim() !== row.line[k]) patch[k] = v.fields[k].trim();
        return {
          version: (await collectionApi.updateLine(row.line.id, v.version, patch, reason)).line.version,
        };
      }
      // A line to enter, or one retracted meanwhile entered again under its id (its next version).
      const l = row.line;
      const line: NewLine & { id?: string } = {
        ...(row.kind === 'line' ? { id: row.line.id } : {}),
        entity: l.entityId,
        period: props.period,
        activity: l.activity,
        subject: l.subject,
        ...(l.use ? { use: l.use } : {}),
        amount: v.fields.amount.trim(),
        unit: v.fields.unit,
        source: v.fields.source.trim(),
      };
      return { version: (await collectionApi.addLines([line], reason)).lines[0]?.version };
    },
    invalidates,
    onDone: (out, v) => {
      editFrom.current = undefined;
      setConflict(false);
      const { version } = out;
      props.onAnnounce(
        row.kind === 'toEnter' ? t('added', { line: title }) : t('saved', { line: title, version }),
      );
      // What was saved is now the stored line: the row holds no edit (the refetch shows the same).
      if (row.kind === 'line')
        reset({ amount: v.fields.amount.trim(), unit: v.fields.unit, source: v.fields.source.trim() });
    },
  });
  const retract = useWrite({
    write: (version: number) => collectionApi.retractLine(saved?.id ?? '', version, props.reason()),
    invalidates,
    onDone: () => props.onAnnounce(t('retracted', { line: title })),
  });

  // A saved edit or a 412: the refetched line decides what "theirs" is.
  useEffect(() => {
    if (save.refusal?.status === 412) setConflict(true);
  }, [save.refusal]);
  // The edit starts from the version shown when the first key was typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the form becomes (un)edited
  useEffect(() => {
    if (isDirty && saved && editFrom.current === undefined) editFrom.current = saved.version;
    if (!isDirty && !conflict) editFrom.current = undefined;
  }, [isDirty]);
  const unsaved = isDirty || conflict;
  const { onUnsaved } = props;
  useEffect(() => onUnsaved(row.key, unsaved), [row.key, unsaved, onUnsaved]);
  useEffect(() => () => onUnsaved(row.key, false), [row.key, onUnsaved]);
  // The stored line changed (someone else's save, or ours): shown as it is while nothing is typed.
  const storedText = saved ? `${saved.version}|${saved.amount}|${saved.unit}|${saved.source}` : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the stored line's fields only
  useEffect(() => {
    if (row.kind === 'line' && !isDirty && !conflict) reset(valuesOf(row));
  }, [storedText]);

  const amount = watch('amount');
  const unit = watch('unit');
  const warnings =
    errors.amount === undefined ? plausibility(amount, unit, row.line.previous, row.line.lastYear) : [];
  const amountId = `${formId}-amount`;
  const messages = `${formId}-messages`;

  const send = (version: number | undefined) =>
    handleSubmit((fields) => {
      if (props.reason().trim() === '') return props.onAnnounce(t('reasonRequired'));
      save.mutate({ fields, version });
    })();

  const comparison = (c: ListedLine['previous']) =>
    c ? (
      <span title={c.skipped > 0 ? `${c.lines} + ${c.skipped}` : undefined}>
        {groupDigits(c.amount)} {unitShort(c.unit, lang)}
      </span>
    ) : (
      <span className="muted">{t('none')}</span>
    );
  const mine = `${amount} ${unitShort(unit, lang)}`;
  const dataKey = saved?.id ?? row.key;
  return (
    <Fragment>
      <tr data-line={dataKey} data-line-kind={row.kind} className={unsaved ? 'line unsaved' : 'line'}>
        <th scope="row">
          <span data-line-title>{title}</span>
          {props.entityLabel ? <div className="muted small-text">{props.entityLabel}</div> : null}
          {row.kind === 'toEnter' ? <span className="badge to-enter">{t('toEnter')}</span> : null}
          {saved ? (
            <div className="muted small-text">{t('lineVersion', { version: saved.version })}</div>
          ) : null}
        </th>
        <td className="amount-cell">
          <div className="amount-inputs">
            <input
              id={amountId}
              form={formId}
              inputMode="decimal"
              autoComplete="off"
              aria-label={t('amountOf', { line: title })}
              aria-invalid={errors.amount !== undefined}
              aria-describedby={messages}
              data-amount={dataKey}
              disabled={!access.write}
              {...register('amount', {
                validate: (v) => {
                  const p = amountProblem(v);
                  return p === undefined ? true : t(`problem.${p}`);
                },
              })}
            />
            <select
              form={formId}
              aria-label={t('unitOf', { line: title })}
              data-unit={dataKey}
              disabled={!access.write}
              {...register('unit')}
            >
              {unitChoices(row.line.activity, row.line.subject, valuesOf(row).unit).map((u) => (
                <option key={u} value={u}>
                  {unitName(u, lang)}
                </option>
              ))}
            </select>
          </div>
          <div id={messages}>
            {errors.amount?.message && (row.kind === 'line' || amount !== '') ? (
              <div className="field-error" role="alert" data-amount-error={dataKey}>
                {errors.amount.message}
              </div>
            ) : null}
            {warnings.map((w) => (
              <div key={w.against} className="warn-note" role="status" data-warning={w.scale}>
                {t(`warn.${w.scale}`, {
                  reference: referenceName(w.against, w.reference.period, lang),
                  amount: `${groupDigits(w.reference.amount)} ${unitShort(w.reference.unit, lang)}`,
                })}
              </div>
            ))}
          </div>
          {conflict && saved ? (
            <div className="save-failure conflict" role="alert" data-conflict={saved.id}>
              <p>
                {row.kind === 'line' && row.gone
                  ? t('conflictGone', { mine })
                  : saved.version === editFrom.current
                    ? t('refused.stale-version') // their line is being fetched
                    : t('conflict', {
                        version: saved.version,
                        theirs: `${groupDigits(saved.amount)} ${unitShort(saved.unit, lang)}`,
                        mine,
                      })}
              </p>
              <div className="save-failure-actions">
                <button
                  type="button"
                  className="small"
                  data-use-mine={saved.id}
                  disabled={save.isPending}
                  onClick={() => {
                    editFrom.current = saved.version;
                    void send(saved.version);
                  }}
                >
                  {t('useMine')}
                </button>
                <button
                  type="button"
                  className="small secondary"
                  data-keep-theirs={saved.id}
                  onClick={() => {
                    editFrom.current = undefined;
                    setConflict(false);
                    save.reset();
                    reset(valuesOf(row));
                  }}
                >
                  {t('keepTheirs')}
                </button>
              </div>
            </div>
          ) : null}
          {row.kind === 'line' && row.gone && !conflict ? (
            <div className="save-failure conflict" role="alert" data-gone={row.line.id}>
              <p>{t('conflictGone', { mine })}</p>
              <div className="save-failure-actions">
                <button type="button" className="small" onClick={() => void send(undefined)}>
                  {t('enterAgain')}
                </button>
                <button
                  type="button"
                  className="small secondary"
                  onClick={() => {
                    setConflict(false);
                    save.reset();
                    reset(valuesOf(row));
                  }}
                >
                  {t('discardMine')}
                </button>
              </div>
            </div>
          ) : null}
          {save.refusal && save.refusal.status !== 412 ? (
            <RefusalNote refusal={save.refusal} localised={t(refusedKey(save.refusal))} />
          ) : null}
        </td>
        <td className="num" data-previous={dataKey}>
          {comparison(row.line.previous)}
        </td>
        <td className="num" data-last-year={dataKey}>
          {comparison(row.line.lastYear)}
        </td>
        <td>
          <input
            form={formId}
            className="source"
            placeholder={t('sourceHint')}
            aria-label={t('sourceOf', { line: title })}
            aria-invalid={errors.source !== undefined}
            data-source={dataKey}
            disabled={!access.write}
            {...register('source', { validate: (v) => (v.trim() === '' ? t('sourceRequired') : true) })}
          />
          {errors.source?.message && isDirty ? (
            <div className="field-error" role="alert">
              {errors.source.message}
            </div>
          ) : null}
        </td>
        <td>
          <div className="line-actions">
            <form
              id={formId}
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                if (row.kind === 'line' && !row.gone && !isDirty) return;
                void send(row.kind === 'line' && !row.gone ? editFrom.current : undefined);
              }}
            >
              {access.write ? (
                <button
                  type="submit"
                  className="small"
                  aria-label={t('saveLine', { line: title })}
                  disabled={save.isPending || (row.kind === 'line' && (row.gone || !isDirty))}
                  data-save-line={dataKey}
                >
                  {save.isPending ? t('saving') : t('save')}
                </button>
              ) : null}
            </form>
            {saved && !(row.kind === 'line' && row.gone) ? (
              <>
                {access.readEvidence || access.write ? (
                  <button
                    type="button"
                    className="small lang"
                    aria-expanded={evidenceOpen}
                    aria-label={t('evidenceFor', { line: title })}
                    data-line-evidence={saved.id}
                    onClick={() => setEvidenceOpen(!evidenceOpen)}
                  >
                    {t('evidence')}
                  </button>
                ) : null}
                <button
                  type="button"
                  className="small lang"
                  aria-expanded={commentsOpen}
                  aria-label={t('commentsFor', { line: title })}
                  data-line-comments={saved.id}
                  onClick={() => setCommentsOpen(!commentsOpen)}
                >
                  {t('comments')}
                </button>
                {access.retract ? (
                  <button
                    type="button"
                    className={armed ? 'small retract armed' : 'small retract'}
                    title={t('retractHint')}
                    aria-label={armed ? t('retractConfirm') : t('retractLine', { line: title })}
                    data-retract-line={saved.id}
                    disabled={retract.isPending}
                    onBlur={() => setArmed(false)}
                    onClick={() => {
                      if (props.reason().trim() === '') return props.onAnnounce(t('reasonRequired'));
                      if (!armed) return setArmed(true);
                      setArmed(false);
                      retract.mutate(saved.version);
                    }}
                  >
                    {armed ? t('retractConfirm') : t('retract')}
                  </button>
                ) : null}
                {retract.refusal ? (
                  <RefusalNote refusal={retract.refusal} localised={t(refusedKey(retract.refusal))} />
                ) : null}
              </>
            ) : null}
          </div>
        </td>
      </tr>
      {saved && evidenceOpen ? (
        <tr className="line-detail" data-evidence-of-line={saved.id}>
          <td colSpan={props.columns}>
            <EvidenceFiles
              target={{ kind: 'activity-line', id: saved.id }}
              label={t('evidenceFiles', { line: title })}
              mayList={access.readEvidence}
              mayUpload={access.write}
            />
          </td>
        </tr>
      ) : null}
      {saved && commentsOpen ? (
        <tr className="line-detail" data-comments-of-line={saved.id}>
          <td colSpan={props.columns}>
            <CommentThread target={`activity-line:${saved.id}`} what={title} mayWrite={access.comment} />
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}
