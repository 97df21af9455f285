/**
 * The language of your e-mail notifications, on My security (#/tokens; docs/workflow.md
 * "Notifications and reminders"): English or Traditional Chinese (GET/PUT
 * /api/notifications/preferences). In-app notifications follow the screen's language; e-mail is
 * written when it is sent, so a choice here applies to the next one. Its own section, so that
 * the page around it (tokens.tsx) only places it.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { collectionApi, type NoticeLang } from '../api-collection';
import { ErrorNote } from '../components/error-note';
import { RefusalNote } from '../components/refusal-note';
import { queryKeys } from '../query/keys';
import { useWrite } from '../query/write';

const LANGUAGES: readonly NoticeLang[] = ['en', 'zh-Hant'];

export function NotificationLanguage() {
  const { t } = useTranslation('notifications');
  const current = useQuery({
    queryKey: queryKeys.notificationLanguage(),
    queryFn: () => collectionApi.notificationLanguage(),
  });
  const [chosen, setChosen] = useState<NoticeLang>();
  const [saved, setSaved] = useState<NoticeLang>();
  useEffect(() => {
    if (current.data && chosen === undefined) setChosen(current.data.language);
  }, [current.data, chosen]);
  const write = useWrite({
    write: (language: NoticeLang) => collectionApi.setNotificationLanguage(language),
    invalidates: () => [queryKeys.notificationLanguage()],
    onDone: (out) => setSaved(out.language),
  });
  return (
    <section className="panel" aria-labelledby="notification-language-title" data-notification-language>
      <h2 id="notification-language-title">{t('languageTitle')}</h2>
      <p className="muted">{t('languageIntro')}</p>
      {current.error ? <ErrorNote message={current.error.message} /> : null}
      {chosen ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            setSaved(undefined);
            write.mutate(chosen);
          }}
        >
          <label>
            {t('language')}{' '}
            <select
              value={chosen}
              data-mail-language
              onChange={(e) => setChosen(e.target.value as NoticeLang)}
            >
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`lang.${l}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={write.isPending} data-mail-language-save>
            {t('saveLanguage')}
          </button>
        </form>
      ) : null}
      {write.refusal ? <RefusalNote refusal={write.refusal} localised={t('languageRefused')} /> : null}
      <div className="ok" role="status" data-mail-language-saved={saved}>
        {saved ? t('languageSaved', { language: t(`lang.${saved}`) }) : null}
      </div>
    </section>
  );
}
