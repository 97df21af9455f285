/** A printed number that opens its derivation: every figure on every page goes through this. */
import type { Figure } from '../api';
import { useLang } from '../i18n';
import { unitLabel } from '../pages/fact-labels';
import { figureHref } from '../route';

/** `unitText`: how the unit is written (default: its symbol in English, its Chinese label in Chinese). */
export function FigureValue({
  figure,
  withUnit = true,
  unitText,
}: {
  figure: Figure | null;
  withUnit?: boolean;
  unitText?: (unit: string) => string;
}) {
  const lang = useLang();
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
      {withUnit && figure.unit ? (
        <span className="unit"> {unitText ? unitText(figure.unit) : unitLabel(figure.unit, lang)}</span>
      ) : null}
    </a>
  );
}
