/** An error from the API, shown where the data would have been. */
import { useT } from '../i18n';

export function ErrorNote({ message }: { message: string }) {
  const t = useT();
  return (
    <div className="error-note" role="alert">
      {t('error')}: {message}
    </div>
  );
}
