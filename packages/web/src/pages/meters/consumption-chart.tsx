/**
 * A meter's consumption per month as an SVG bar chart (issue #22): one bar a month, the measured
 * part solid and the estimated part (gaps estimated by the rule, docs/meters.md) hatched above
 * it. Bar heights are drawing only (a float is fine for pixels); the printed numbers are the
 * server's exact text, rounded half-up for the label to what fits above a bar (labelDecimals: none
 * from 1,000 up, 2 from 1, else 3), its font made smaller when the longest label is wider than
 * its month's slot, so that labels never overlap. The bar's tooltip keeps the exact value. React
 * escapes text.
 */
import { useTranslation } from 'react-i18next';
import type { MeterMonth } from '../../api-meters';

const W = 640;
const H = 220;
const PAD = { top: 20, right: 10, bottom: 36, left: 10 };

/** Exact decimal text half-up to at most `dp` decimals, trailing zeros dropped (display only). */
export function shortNumber(text: string, dp = 3): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return text;
  const [, sign = '', int = '0', frac = ''] = m;
  if (frac.length <= dp) return text;
  const scaled = BigInt(int + frac.slice(0, dp)) + (Number(frac[dp]) >= 5 ? 1n : 0n);
  const s = scaled.toString().padStart(dp + 1, '0');
  if (dp === 0) return `${sign}${s}`;
  const out = `${s.slice(0, -dp)}.${s.slice(-dp)}`.replace(/\.?0+$/, '');
  return `${sign}${out}`;
}

/** Decimals of a bar's label: fewer for larger values (a month of 2,405,631.739 kWh is labelled 2405632). */
export const labelDecimals = (max: number): number => (max >= 1000 ? 0 : max >= 1 ? 2 : 3);

/** Font size (px) at which the longest label fits its slot: 11, smaller when needed, at least 7. */
export function labelFontSize(longest: number, slot: number): number {
  const perChar = 0.62; // width of a digit in em for the UI's sans-serif, with a little room
  return Math.max(7, Math.min(11, Math.floor((slot - 2) / (perChar * Math.max(1, longest)))));
}

/** Exact sum of two decimal texts (no float: the label is printed). */
export function addText(a: string, b: string): string {
  const parts = [a, b].map((x) => /^(-?)(\d+)(?:\.(\d+))?$/.exec(x));
  if (!parts[0] || !parts[1]) return a;
  const dp = Math.max(parts[0][3]?.length ?? 0, parts[1][3]?.length ?? 0);
  const scaled = (m: RegExpExecArray) =>
    (m[1] === '-' ? -1n : 1n) * BigInt((m[2] ?? '0') + (m[3] ?? '').padEnd(dp, '0'));
  const sum = scaled(parts[0]) + scaled(parts[1]);
  const neg = sum < 0n;
  const digits = (neg ? -sum : sum).toString().padStart(dp + 1, '0');
  const text = dp === 0 ? digits : `${digits.slice(0, -dp)}.${digits.slice(-dp)}`.replace(/\.?0+$/, '');
  return `${neg ? '-' : ''}${text}`;
}

export function ConsumptionChart({
  meter,
  months,
  unit,
}: {
  meter: string;
  months: MeterMonth[];
  unit: string;
}) {
  const { t } = useTranslation('meters');
  if (months.length === 0) return <p className="muted">{t('chartNone')}</p>;
  const total = (m: MeterMonth) => Number(m.measured) + Number(m.estimated);
  const max = Math.max(...months.map(total), 0);
  const plotH = H - PAD.top - PAD.bottom;
  const slot = (W - PAD.left - PAD.right) / months.length;
  const bar = Math.min(48, slot * 0.7);
  const y = (v: number) => (max === 0 ? 0 : (v / max) * plotH);
  const label = t('chartLabel', { meter, unit });
  const dp = labelDecimals(max);
  const labels = months.map((m) => shortNumber(addText(m.measured, m.estimated), dp));
  const fontSize = labelFontSize(Math.max(...labels.map((l) => l.length)), slot);
  return (
    <figure className="meter-chart" data-meter-chart={meter}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} width="100%">
        <title>{label}</title>
        <defs>
          <pattern
            id="meter-estimated"
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" className="meter-estimated-bg" />
            <line x1="0" y1="0" x2="0" y2="6" className="meter-estimated-line" />
          </pattern>
        </defs>
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={H - PAD.bottom}
          y2={H - PAD.bottom}
          className="meter-axis"
        />
        {months.map((m, i) => {
          const x = PAD.left + i * slot + (slot - bar) / 2;
          const hm = y(Number(m.measured));
          const he = y(Number(m.estimated));
          const base = H - PAD.bottom;
          const sum = labels[i] ?? '';
          return (
            <g key={m.month} data-month={m.month}>
              <rect x={x} y={base - hm} width={bar} height={hm} className="meter-measured">
                <title>{`${m.month} ${t('measured')} ${m.measured} ${unit}`}</title>
              </rect>
              {he > 0 ? (
                <rect x={x} y={base - hm - he} width={bar} height={he} fill="url(#meter-estimated)">
                  <title>{`${m.month} ${t('estimated')} ${m.estimated} ${unit}`}</title>
                </rect>
              ) : null}
              <text
                x={x + bar / 2}
                y={base - hm - he - 4}
                textAnchor="middle"
                className="meter-value"
                style={{ fontSize }}
              >
                {sum}
              </text>
              <text x={x + bar / 2} y={base + 16} textAnchor="middle" className="meter-month">
                {m.month}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">
        <span className="meter-key meter-key-measured" /> {t('measured')}{' '}
        <span className="meter-key meter-key-estimated" /> {t('estimated')} · {unit}
      </figcaption>
    </figure>
  );
}
