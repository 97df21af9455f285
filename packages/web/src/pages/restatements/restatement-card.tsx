/**
 * One restatement request as the page lists it: number, state and type of change, the reason as
 * written, each value it restates (entity, fact, period, as reported → restated, in the fact's
 * unit), its effect on the group's Scope 1 + 2 of each year moved, the base-year test exactly as
 * the API weighed it (restatement-effect.ts: the change, its per cent of the base year, alone and
 * with the earlier changes below the threshold, and the verdict), who requested, submitted,
 * reviewed and approved it (GET /api/restatements/{id}: its transitions, with any comment), and
 * the caller's steps (restatement-actions.tsx). tCO2e and per cents are rounded half-up for
 * display only (two places); the values restated are shown exactly as entered.
 */
import { useQuery } from '@tanstack/react-query';
import { useContext, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { type Restatement, type RestatementItem, restatementApi } from '../../api-restatement';
import { formatTime, type Lang, pick, useLang } from '../../i18n';
import { OrgContext } from '../../org-context';
import { queryKeys } from '../../query/keys';
import { personName } from '../cycle/cycle-rules';
import { lineTitle } from '../entry/entry-terms';
import { periodName } from '../entry/period-label';
import { breakdownLabel, roundHalfUp, showValue, unitLabel } from '../fact-labels';
import { RestatementActions } from './restatement-actions';
import { whoDid } from './restatement-rules';

/** tCO2e or a per cent as shown: two places, half-up, thousands grouped. */
const two = (text: string) => showValue(roundHalfUp(text, 2));
const signed = (text: string) => (text.trim().startsWith('-') ? two(text) : `+${two(text)}`);

export function RestatementCard({ request: r }: { request: Restatement }) {
  const { t } = useTranslation('restatement');
  const lang = useLang();
  const id = useId();
  const org = useContext(OrgContext);
  const detail = useQuery({
    queryKey: queryKeys.restatement(r.id),
    queryFn: () => restatementApi.get(r.id),
  });
  const catalogue = useQuery({ queryKey: queryKeys.catalogue(), queryFn: () => api.catalogue() });
  const entityName = (entityId: string) => {
    const e = org?.entities.find((x) => x.id === entityId);
    return e ? pick(e.name, lang) : entityId;
  };
  const factName = (item: RestatementItem) => {
    const f = item.fact;
    if (item.kind === 'activity-line')
      return lineTitle({ activity: f.activity ?? '', subject: f.subject ?? '', use: f.use || null }, lang);
    const indicator = f.indicator ?? '';
    const e = catalogue.data?.indicators.find((x) => x.id === indicator);
    const name = e ? pick(e.name, lang) : indicator;
    const breakdown = breakdownLabel(f.disaggregation ?? '', lang);
    if (!breakdown) return name;
    return lang === 'en' ? `${name} (${breakdown})` : `${name}（${breakdown}）`;
  };
  const who = whoDid(detail.data?.transitions ?? []);
  const person = (label: string | undefined) => (label ? personName(label) : t('nobody'));
  return (
    <article
      className="panel restatement"
      aria-labelledby={`${id}-title`}
      data-restatement={r.id}
      data-state={r.state}
    >
      <header className="restatement-head">
        <h3 id={`${id}-title`}>{t('number', { id: r.id })}</h3>
        <span className={`state state-${r.state}`} data-restatement-state={r.state}>
          {t(`state.${r.state}`)}
        </span>
        <span className="change-type" data-change-type={r.change}>
          {t(`change.${r.change}`)}
        </span>
      </header>
      <p className="reason">
        <strong>{t('reason')}</strong>
        {lang === 'en' ? ' ' : ''}
        <span data-reason>{r.reason}</span>
      </p>
      <table className="restatement-items">
        <caption className="sr-only">{t('itemsOf', { id: r.id })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('entity')}</th>
            <th scope="col">{t('fact')}</th>
            <th scope="col">{t('period')}</th>
            <th scope="col" className="num">
              {t('asReported')}
            </th>
            <th scope="col" className="num">
              {t('restated')}
            </th>
          </tr>
        </thead>
        <tbody>
          {r.items.map((item) => (
            <tr key={`${item.kind}:${item.factId}`} data-item={item.factId}>
              <td>{entityName(item.entityId)}</td>
              <th scope="row">{factName(item)}</th>
              <td>{periodName(item.periodId, lang)}</td>
              <td className="num" data-old>
                {item.old ? <Amount value={item.old.value} unit={item.old.unit} lang={lang} /> : t('added')}
              </td>
              <td className="num" data-new>
                <Amount value={item.newValue} unit={item.newUnit} lang={lang} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Effect request={r} />
      <ul className="people small-text">
        <li data-requested-by>
          {t('requestedBy', { who: personName(r.requester), at: formatTime(r.requestedAt, lang) })}
        </li>
        {who.submit ? <li data-submitted-by>{t('submittedBy', { who: person(who.submit.actor) })}</li> : null}
        {who.review ? <li data-reviewed-by>{t('reviewedBy', { who: person(who.review.actor) })}</li> : null}
        {who.approve ? (
          <li data-approved-by>
            {t('approvedBy', { who: person(who.approve.actor), at: formatTime(who.approve.at, lang) })}
          </li>
        ) : null}
        {who.returned && r.state === 'draft' ? (
          <li data-returned-by>
            {t('returnedBy', { who: person(who.returned.actor), comment: who.returned.comment ?? '' })}
          </li>
        ) : null}
      </ul>
      {detail.data && detail.data.transitions.length > 1 ? (
        <details className="history small-text">
          <summary>{t('history')}</summary>
          <ol>
            {detail.data.transitions.map((x) => (
              <li key={x.version}>
                {t('historyLine', {
                  event: t(`event.${x.event}`),
                  who: personName(x.actor),
                  at: formatTime(x.at, lang),
                })}
                {x.comment ? <q>{x.comment}</q> : null}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      <RestatementActions request={r} />
    </article>
  );
}

function Amount(props: { value: string; unit: string; lang: Lang }) {
  return (
    <>
      {showValue(props.value)} <span className="unit">{unitLabel(props.unit, props.lang)}</span>
    </>
  );
}

/** The effect on Scope 1 + 2 and the base-year test, as recorded with the request. */
function Effect({ request: r }: { request: Restatement }) {
  const { t } = useTranslation('restatement');
  const lang = useLang();
  const e = r.effect;
  const b = e?.baseYear ?? null;
  const year = (p: string) => periodName(p, lang);
  /** Between sentences: a space in English, none in Chinese. */
  const gap = lang === 'en' ? ' ' : '';
  return (
    <div className="effect" data-effect>
      {e && e.totals.length > 0 ? (
        <p className="small-text">
          <span>{t('effect')}</span>
          {lang === 'en' ? ' ' : ''}
          {e.totals.map((x, i) => (
            <span key={x.periodId} data-effect-year={x.periodId}>
              {i > 0 ? (lang === 'en' ? '; ' : '；') : ''}
              {t('effectYear', {
                year: year(x.periodId),
                before: x.before === null ? t('notCalculated') : two(x.before),
                after: x.after === null ? t('notCalculated') : two(x.after),
              })}
            </span>
          ))}
        </p>
      ) : null}
      <div
        className={`significance${b?.significant ? ' significant' : ''}`}
        data-significance={significanceOf(b)}
      >
        {b === null ? (
          <span className="muted small-text">{t('sig.none')}</span>
        ) : (
          <>
            <strong>{t('sig.title', { year: year(b.year) })}</strong>
            {gap}
            {b.percent === null ? (
              t('sig.zeroBase')
            ) : (
              <>
                {t('sig.moves', {
                  before: two(b.before),
                  after: two(b.after),
                  delta: signed(b.delta),
                  percent: two(b.percent),
                  threshold: showValue(b.thresholdPercent),
                })}
                {/* With earlier changes below the threshold, when they add anything. */}
                {b.cumulativePercent !== null && two(b.cumulativePercent) !== two(b.percent)
                  ? `${gap}${t('sig.cumulative', { percent: two(b.cumulativePercent) })}`
                  : null}
              </>
            )}
            {gap}
            <span className="verdict" data-verdict>
              {!b.covered
                ? t('sig.notCovered')
                : b.significant
                  ? t('sig.significant')
                  : t('sig.notSignificant')}
            </span>
          </>
        )}
      </div>
    </div>
  );
}

function significanceOf(b: NonNullable<Restatement['effect']>['baseYear']): string {
  if (b === null) return 'none';
  if (!b.covered) return 'not-covered';
  return b.significant ? 'significant' : 'not-significant';
}
