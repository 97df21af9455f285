/**
 * The organisation's security settings on the administration page (issue #16; shown only with
 * `manage-settings` on the group, which GET/PUT /api/settings/security need): "Require a second
 * factor for administrators". The checkbox saves at once; the answer (with who changed it and
 * when) is shown. Turning it on may restrict your own session (an administrator without a second
 * factor), so the session is fetched again after each change.
 */
import { useState } from 'react';
import { api } from '../api';
import { announce } from '../auth-events';
import { ErrorNote } from '../components/error-note';
import { FormLevelProblem, type FormProblem, problemOf } from '../components/form-problem';
import { formatTime, useLang, useT } from '../i18n';
import { useLoad } from '../use-load';

export function SecuritySettingsPanel() {
  const t = useT();
  const lang = useLang();
  const settings = useLoad(() => api.securitySettings(), []);
  /** The answer of the last change; shown instead of the loaded settings once there is one. */
  const [saved, setSaved] = useState<Awaited<ReturnType<typeof api.setSecuritySettings>>>();
  /** The state being saved, shown ticked or not while the request is under way. */
  const [saving, setSaving] = useState<boolean>();
  const [problem, setProblem] = useState<FormProblem>();
  const current = saved ?? settings.data;
  async function setRequired(requireTotpForAdministrators: boolean) {
    setSaving(requireTotpForAdministrators);
    setProblem(undefined);
    try {
      setSaved(await api.setSecuritySettings({ requireTotpForAdministrators }));
      announce('session-changed');
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      setSaving(undefined);
    }
  }
  return (
    <section className="panel security-settings" data-security-settings>
      <h2>{t('securitySettings')}</h2>
      {settings.error ? <ErrorNote message={settings.error.message} /> : null}
      {current ? (
        <>
          <label className="check">
            <input
              type="checkbox"
              data-require-totp
              checked={saving ?? current.requireTotpForAdministrators}
              disabled={saving !== undefined}
              onChange={(e) => void setRequired(e.target.checked)}
            />{' '}
            {t('requireTotp')}
          </label>
          <p className="muted">{t('requireTotpHint')}</p>
          {current.updatedAt && current.updatedBy ? (
            <p className="muted" data-security-settings-changed>
              {t('lastChangedBy')
                .replace('{by}', current.updatedBy)
                .replace('{at}', formatTime(current.updatedAt, lang))}
            </p>
          ) : null}
          <FormLevelProblem problem={problem} fields={[]} />
        </>
      ) : settings.error ? null : (
        <p className="muted">{t('loading')}</p>
      )}
    </section>
  );
}
