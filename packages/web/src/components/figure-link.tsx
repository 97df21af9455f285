/** A printed number that opens its derivation: every figure on every page goes through this. */
import type { Figure } from '../api';
import { figureHref } from '../route';

export function FigureValue({ figure, withUnit = true }: { figure: Figure | null; withUnit?: boolean }) {
  if (!figure) return <span className="muted">–</span>;
  if (figure.display === null)
    return (
      <a className="figure error" href={figureHref(figure.id)} title={figure.error?.message}>
        ⚠ {figure.error?.code}
      </a>
    );
  return (
    <a className="figure" href={figureHref(figure.id)} data-figure={figure.id} title={figure.id}>
      {figure.display}
      {withUnit && figure.unit ? <span className="unit"> {figure.unit}</span> : null}
    </a>
  );
}
