/**
 * One editable value: checked as you type (plain decimal here; units and domain rules by a
 * server dry run), saved on Enter or when leaving the cell, with the version the edit started
 * from (optimistic concurrency, docs/api.md).
 *
 * Invariant: what the person typed is never replaced without their say. A re-fetched grid updates
 * the cell only while it holds no edit; a save that fails keeps the typed value and shows why
 * (save-failure.tsx): on 412 `stale-version` the other person's revision and the typed value, with
 * "Use mine" / "Keep theirs"; on any other failure the message, with "Try again" / "Discard mine".
 * While that note is up, leaving the cell or Enter does not save: the person chooses.
 */
import { useEffect, useRef, useState } from 'react';
import { ApiError, api, type DataPoint, type Revision } from '../api';
import { type TextKey, useT } from '../i18n';
import { type SaveFailure, SaveFailureNote } from './save-failure';

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** The newest revision in a history (the server lists them oldest first; take the highest version). */
const newest = (revisions: Revision[]): Revision | undefined =>
  revisions.reduce<Revision | undefined>(
    (a, r) => (a === undefined || r.version > a.version ? r : a),
    undefined,
  );

/** A failed save as the cell shows it; a 412 reads the current revision from the history. */
async function failureOf(id: string, e: unknown, t: (k: TextKey) => string): Promise<SaveFailure> {
  if (e instanceof ApiError && e.status === 412) {
    try {
      const theirs = newest((await api.history(id)).revisions);
      if (theirs) return { kind: 'conflict', theirs };
    } catch (h) {
      return { kind: 'error', message: `${t('staleVersion')} ${h instanceof Error ? h.message : String(h)}` };
    }
  }
  if (e instanceof ApiError) return { kind: 'error', message: e.message };
  // fetch rejects (TypeError) when the server cannot be reached
  return { kind: 'error', message: `${t('networkError')} (${e instanceof Error ? e.message : String(e)})` };
}

export function ValueCell(props: {
  dp: DataPoint;
  reason: string;
  onSaved: () => void;
  onStale: () => void;
  /** Whether the cell holds something not saved (an edit, or a failed save): the grid keeps its row. */
  onUnsaved: (id: string, unsaved: boolean) => void;
  /** The text as typed, on every change (the entry form checks it against last period and last year). */
  onTyped?: (text: string) => void;
}) {
  const { dp, onUnsaved } = props;
  const t = useT();
  const [text, setText] = useState(dp.value);
  /** The text as typed now (a save's answer may come after more typing). */
  const latest = useRef(text);
  latest.current = text;
  const [problem, setProblem] = useState<string>();
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [failure, setFailure] = useState<SaveFailure>();
  /** The version the current edit started from; undefined while the cell shows the stored value. */
  const [editFrom, setEditFrom] = useState<number>();
  const editing = useRef<number | undefined>(undefined);
  editing.current = editFrom;
  /** The newest version this cell knows of: the grid's, or the one its own last save answered. */
  const known = useRef(dp.version);
  if (dp.version > known.current) known.current = dp.version;
  /** A save is on its way: Enter then blur must not send it twice. */
  const inFlight = useRef(false);
  /** The reason of the save that failed, used again if the reason field is empty meanwhile. */
  const keptReason = useRef('');

  useEffect(() => {
    if (editing.current === undefined) setText(dp.value);
  }, [dp.value]);
  const unsaved = editFrom !== undefined || failure !== undefined;
  useEffect(() => {
    onUnsaved(dp.id, unsaved);
  }, [dp.id, unsaved, onUnsaved]);
  useEffect(() => () => onUnsaved(dp.id, false), [dp.id, onUnsaved]);

  useEffect(() => {
    if (editFrom === undefined || failure || text === dp.value || !DECIMAL.test(text)) return;
    const timer = setTimeout(() => {
      api.writeValue(dp.id, editFrom, text, props.reason || 'check', true).then(
        () => setProblem(undefined),
        // a stale version is the save's to show (as a conflict), not the check's
        (e: unknown) =>
          setProblem(
            e instanceof ApiError && e.status === 412
              ? undefined
              : e instanceof Error
                ? e.message
                : String(e),
          ),
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [text, dp.id, editFrom, failure, dp.value, props.reason]);

  const local = text !== '' && !DECIMAL.test(text) ? t('badNumber') : undefined;
  const message = local ?? problem;

  /** Save the typed value as a change of `version`. */
  async function save(version: number) {
    if (local || inFlight.current) return;
    const reason = props.reason.trim() || keptReason.current;
    if (reason === '') return setProblem(t('reasonNeeded'));
    const typed = text;
    inFlight.current = true;
    setState('saving');
    try {
      const out = await api.writeValue(dp.id, version, typed, reason, false);
      known.current = Math.max(known.current, out.dataPoint.version);
      keptReason.current = '';
      setFailure(undefined);
      setProblem(undefined);
      // typed on while it was saved: that is a new edit of the version just written
      setEditFrom(latest.current === typed ? undefined : out.dataPoint.version);
      setState('saved');
      props.onSaved();
    } catch (e) {
      keptReason.current = reason;
      setState('idle');
      const f = await failureOf(dp.id, e, t);
      setFailure(f);
      if (f.kind === 'conflict') props.onStale();
    } finally {
      inFlight.current = false;
    }
  }
  /** Enter or leaving the cell: save an edit, unless a failed save waits for the person's choice. */
  function commit() {
    if (failure || editFrom === undefined) return;
    if (text === dp.value) {
      setEditFrom(undefined);
      return;
    }
    void save(editFrom);
  }
  /** Back to the stored value `value` (theirs, or the one shown before the edit). */
  function drop(value: string) {
    keptReason.current = '';
    setFailure(undefined);
    setProblem(undefined);
    setEditFrom(undefined);
    setText(value);
  }
  return (
    <td className={message || failure ? 'cell invalid' : 'cell'}>
      <input
        aria-label={`${dp.indicatorId} ${dp.id}`}
        data-dp={dp.id}
        inputMode="decimal"
        value={text}
        aria-invalid={message !== undefined || failure !== undefined}
        onChange={(e) => {
          if (editFrom === undefined) setEditFrom(known.current);
          setText(e.target.value.trim());
          setState('idle');
          props.onTyped?.(e.target.value.trim());
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape' && !failure) drop(dp.value);
        }}
        onBlur={commit}
      />
      {state === 'saved' && text === dp.value ? <span className="ok"> ✓</span> : null}
      {message ? <div className="cell-error">{message}</div> : null}
      {failure ? (
        <SaveFailureNote
          dpId={dp.id}
          failure={failure}
          mine={text}
          unit={dp.unit}
          busy={state === 'saving'}
          onUseMine={() =>
            void save(failure.kind === 'conflict' ? failure.theirs.version : (editFrom ?? known.current))
          }
          onDropMine={() => {
            if (failure.kind === 'conflict') {
              drop(failure.theirs.value);
              props.onStale();
            } else drop(dp.value);
          }}
        />
      ) : null}
    </td>
  );
}
