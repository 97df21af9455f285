/**
 * What a data-grid cell shows when a save did not go through, beside the value the person typed
 * (which the cell keeps). Two kinds:
 * - `conflict`: the server answered 412 `stale-version`; someone saved this data point since the
 *   version the edit started from. Shows their revision (author, time, value, from GET
 *   /api/data-points/{id}/history) and what was typed, with "Use mine" (save the typed value
 *   against their version) and "Keep theirs" (drop the typed value).
 * - `error`: any other failure (network, 4xx/5xx with a message): the message, "Try again" and
 *   "Discard mine".
 * It stays until the person chooses one of the actions: nothing here times out or hides itself.
 */
import type { Revision } from '../api';
import { formatTime, type Lang, type TextKey, useLang, useT } from '../i18n';
import './save-failure.css';

export type SaveFailure = { kind: 'conflict'; theirs: Revision } | { kind: 'error'; message: string };

/** `template` with each `{name}` replaced by `values[name]` (names not given stay as written). */
function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The sentence for a failure; `mine` is the typed value, `unit` the data point's unit. */
export function failureText(
  failure: SaveFailure,
  mine: string,
  unit: string,
  t: (k: TextKey) => string,
  lang: Lang,
): string {
  const yours = `${mine} ${unit}`;
  if (failure.kind === 'error') return fill(t('saveFailed'), { message: failure.message, mine: yours });
  const { theirs } = failure;
  return fill(t(theirs.retracted ? 'conflictRetracted' : 'conflictChanged'), {
    by: theirs.author,
    at: formatTime(theirs.at, lang),
    theirs: `${theirs.value} ${theirs.unit}`,
    mine: yours,
  });
}

export function SaveFailureNote(props: {
  dpId: string;
  failure: SaveFailure;
  /** The value typed, as the cell holds it now. */
  mine: string;
  unit: string;
  busy: boolean;
  /** Conflict: save the typed value over theirs. Error: send the same save again. */
  onUseMine: () => void;
  /** Conflict: take their value. Error: drop the typed value (back to the value shown before). */
  onDropMine: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const conflict = props.failure.kind === 'conflict';
  return (
    <div
      className={conflict ? 'save-failure conflict' : 'save-failure'}
      role="alert"
      data-save-failure={props.dpId}
      data-conflict={conflict ? props.dpId : undefined}
    >
      <p>{failureText(props.failure, props.mine, props.unit, t, lang)}</p>
      <div className="save-failure-actions">
        <button
          type="button"
          className="small"
          data-use-mine={props.dpId}
          disabled={props.busy}
          onClick={props.onUseMine}
        >
          {t(conflict ? 'useMine' : 'tryAgain')}
        </button>
        <button
          type="button"
          className="small secondary"
          data-drop-mine={props.dpId}
          disabled={props.busy}
          onClick={props.onDropMine}
        >
          {t(conflict ? 'keepTheirs' : 'discardMine')}
        </button>
      </div>
    </div>
  );
}
