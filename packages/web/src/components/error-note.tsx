/** The honest state of a part that is not built yet: no stand-in data. */
import { useT } from '../i18n';

export function NotAvailable({ what }: { what?: string }) {
  const t = useT();
  return (
    <div className="not-available" data-state="not-available">
      <strong>{t('notAvailable')}</strong>
      {what ? `: ${what}` : ''}
      <p className="muted">{t('notAvailableBody')}</p>
    </div>
  );
}

export function ErrorNote({ message }: { message: string }) {
  const t = useT();
  return (
    <div className="error-note" role="alert">
      {t('error')}: {message}
    </div>
  );
}
