/**
 * Horizontal bars for a breakdown. Bar lengths are drawing only (a float is fine for pixels);
 * the printed numbers are the server's exact, rounded display strings.
 */
import type { Figure, Split } from '../api';
import { FigureValue } from './figure-link';

export function Bars({ items, label }: { items: Split; label: (key: string, figure: Figure) => string }) {
  const max = Math.max(...items.map((i) => Math.abs(Number(i.figure.value ?? 0))), 0);
  return (
    <ul className="bars">
      {items.map((i) => {
        const share = max === 0 ? 0 : (Math.abs(Number(i.figure.value ?? 0)) / max) * 100;
        return (
          <li key={i.key}>
            <span className="bar-label">{label(i.key, i.figure)}</span>
            <span className="bar" style={{ width: `${share}%` }} />
            <FigureValue figure={i.figure} />
          </li>
        );
      })}
    </ul>
  );
}
