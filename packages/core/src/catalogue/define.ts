import type { Axis, Indicator, IndicatorKind } from '../model/indicator.js';
import { parseUnit, unitDimension } from '../units/unit.js';

type Spec = {
  id: string;
  zh: string;
  en: string;
  topic: string;
  unit: string;
  axes?: readonly Axis[];
  aggregation?: Indicator['aggregation'];
  kind?: IndicatorKind;
  precision?: number;
  weightBy?: string;
  /** May be negative (see Indicator.signed); absent: values below zero are refused. */
  signed?: true;
  /** Axes whose categories must not be summed (see Indicator.nonAdditiveAxes). */
  nonAdditiveAxes?: readonly Axis[];
};

/** Build a catalogue entry; the dimension is derived from the unit so the two cannot disagree. */
export function indicator(s: Spec): Indicator {
  const u = parseUnit(s.unit);
  if (!u.ok) throw new Error(`catalogue ${s.id}: ${u.reason}`);
  return {
    id: s.id,
    name: { 'zh-Hant': s.zh, en: s.en },
    topic: s.topic,
    dimension: unitDimension(u.unit),
    unit: s.unit,
    axes: s.axes ?? [],
    aggregation: s.aggregation ?? 'sum',
    kind: s.kind ?? 'input',
    precision: s.precision ?? 2,
    ...(s.weightBy === undefined ? {} : { weightBy: s.weightBy }),
    ...(s.signed === undefined ? {} : { signed: s.signed }),
    ...(s.nonAdditiveAxes === undefined ? {} : { nonAdditiveAxes: s.nonAdditiveAxes }),
  };
}
