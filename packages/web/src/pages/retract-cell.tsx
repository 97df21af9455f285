/**
 * Retract one data point from the grid: a new revision withdraws it (the server keeps its
 * history; importing it again restores it). Needs the reason field above the grid, and a second
 * click to confirm; sends the version shown, so a value changed meanwhile is not retracted.
 */
import { useState } from 'react';
import { ApiError, api, type DataPoint } from '../api';
import { useT } from '../i18n';

export function RetractCell(props: {
  dp: DataPoint;
  reason: string;
  onRetracted: () => void;
  onStale: () => void;
}) {
  const { dp } = props;
  const t = useT();
  const [armed, setArmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  async function click() {
    const reason = props.reason.trim();
    if (reason === '') return setProblem(t('reasonNeeded'));
    setProblem(undefined);
    if (!armed) return setArmed(true);
    setBusy(true);
    try {
      await api.retract(dp.id, dp.version, reason);
      props.onRetracted();
    } catch (e) {
      setArmed(false);
      if (e instanceof ApiError && e.status === 412) {
        setProblem(t('staleVersion'));
        props.onStale();
      } else setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <td>
      <button
        type="button"
        className={armed ? 'small retract armed' : 'small retract'}
        data-retract={dp.id}
        title={t('retractHint')}
        disabled={busy}
        onClick={() => void click()}
        onBlur={() => setArmed(false)}
      >
        {armed ? t('retractConfirm') : t('retract')}
      </button>
      {problem ? <div className="cell-error">{problem}</div> : null}
    </td>
  );
}
