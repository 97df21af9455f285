/**
 * A write the server refused, said plainly where it happened (role="alert"). `localised` is the
 * page's own sentence for the refusal's rule or code, in the UI language, when it has one. In
 * English the server's message is shown as it is (it is plain English and names specifics: the
 * version, who locked the period); in Chinese the page's sentence is shown and the server's
 * message is kept one click away (its original words, for support), marked as English. When the
 * page was fetched again after the refusal, it says so.
 */

import { useLang, useT } from '../i18n';
import type { Refusal } from '../query/write';

export function RefusalNote(props: { refusal: Refusal; localised: string | undefined; id?: string }) {
  const t = useT();
  const lang = useLang();
  const { refusal, localised } = props;
  const main = lang === 'en' || localised === undefined ? refusal.message || localised : localised;
  return (
    <div
      className="refusal field-error"
      role="alert"
      id={props.id}
      data-refusal={refusal.code}
      data-rule={refusal.rule ?? ''}
    >
      <span data-refusal-text>{main}</span>
      {refusal.reloaded ? <span className="muted"> {t('reloaded')}</span> : null}
      {lang !== 'en' && main !== refusal.message && refusal.message ? (
        <details className="server-said">
          <summary>{t('serverSaid')}</summary>
          <span lang="en" data-server-message>
            {refusal.message}
          </span>
        </details>
      ) : null}
    </div>
  );
}
