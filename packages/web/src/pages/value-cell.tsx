/**
 * One editable value: checked as you type (plain decimal here; units and domain rules by a
 * server dry run), saved on Enter or when leaving the cell, with the version it edits.
 */
import { useEffect, useRef, useState } from 'react';
import { ApiError, api, type DataPoint } from '../api';
import { useT } from '../i18n';

const DECIMAL = /^-?\d+(\.\d+)?$/;

export function ValueCell(props: {
  dp: DataPoint;
  reason: string;
  onSaved: () => void;
  onStale: () => void;
}) {
  const { dp } = props;
  const t = useT();
  const [text, setText] = useState(dp.value);
  const [problem, setProblem] = useState<string>();
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  // The value last sent: Enter then blur must not send the same edit twice (the second would be stale).
  const sent = useRef(dp.value);
  useEffect(() => {
    setText(dp.value);
    sent.current = dp.value;
  }, [dp.value]);
  useEffect(() => {
    if (text === dp.value || !DECIMAL.test(text)) return;
    const timer = setTimeout(() => {
      api.writeValue(dp.id, dp.version, text, props.reason || 'check', true).then(
        () => setProblem(undefined),
        (e: unknown) => setProblem(e instanceof ApiError ? e.message : String(e)),
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [text, dp.id, dp.version, dp.value, props.reason]);
  const local = text !== '' && !DECIMAL.test(text) ? t('badNumber') : undefined;
  const message = local ?? problem;
  async function save() {
    if (text === sent.current || local) return;
    if (props.reason.trim() === '') return setProblem(t('reasonNeeded'));
    sent.current = text;
    setState('saving');
    try {
      await api.writeValue(dp.id, dp.version, text, props.reason, false);
      setProblem(undefined);
      setState('saved');
      props.onSaved();
    } catch (e) {
      sent.current = dp.value;
      setState('idle');
      if (e instanceof ApiError && e.status === 412) {
        setProblem(t('staleVersion'));
        props.onStale();
      } else setProblem(e instanceof Error ? e.message : String(e));
    }
  }
  return (
    <td className={message ? 'cell invalid' : 'cell'}>
      <input
        aria-label={`${dp.indicatorId} ${dp.id}`}
        data-dp={dp.id}
        inputMode="decimal"
        value={text}
        aria-invalid={message !== undefined}
        onChange={(e) => {
          setText(e.target.value.trim());
          setState('idle');
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save();
          if (e.key === 'Escape') setText(dp.value);
        }}
        onBlur={() => void save()}
      />
      {state === 'saved' && text === dp.value ? <span className="ok"> ✓</span> : null}
      {message ? <div className="cell-error">{message}</div> : null}
    </td>
  );
}
