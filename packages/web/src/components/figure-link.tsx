/** A printed number that opens its derivation: every figure on every page goes through this. */
import type { Figure } from '../api';
import { figureHref } from '../route';

/** `unitText`: how the unit is written (default: its symbol), e.g. its Chinese label on a Chinese page. */
export function FigureValue({
  figure,
  withUnit = true,
  unitText = (u) => u,
}: {
  figure: Figure | null;
  withUnit?: boolean;
  unitText?: (unit: string) => string;
}) {
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
      {withUnit && figure.unit ? <span className="unit"> {unitText(figure.unit)}</span> : null}
    </a>
  );
}
