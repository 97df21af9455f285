/**
 * CSV import: pick a file, see what would change and every row error, then apply with a reason.
 * Also the entry templates and the export; each part only when the user may (`mayImport`,
 * `mayExport`: import-data-points, export-data-points).
 */
import { useState } from 'react';
import { ApiError, api, type ImportPreview, type Upload } from '../api';
import { ErrorNote } from '../components/error-note';
import { type TextKey, useT } from '../i18n';

async function readUpload(f: File): Promise<Upload> {
  if (!/\.xlsx$/i.test(f.name)) return { file: f.name, csv: await f.text() };
  const bytes = new Uint8Array(await f.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { file: f.name, xlsxBase64: btoa(binary) };
}

/** The entry templates (XLSX for the entity and period shown, CSV) and the export of the data. */
function ExportLinks(props: { entity: string; period: string }) {
  const t = useT();
  return (
    <>
      <a
        href={`/api/template/data-points.xlsx?entity=${encodeURIComponent(props.entity)}&period=${encodeURIComponent(props.period)}`}
        download
      >
        {t('template')} (XLSX)
      </a>
      <a href="/api/template/data-points.csv" download>
        {t('template')} (CSV)
      </a>
      <a href="/api/export/data-points.csv" download>
        {t('exportCsv')}
      </a>
    </>
  );
}

export function ImportPanel(props: {
  onApplied: () => void;
  entity: string;
  period: string;
  mayImport: boolean;
  mayExport: boolean;
}) {
  const { onApplied } = props;
  const t = useT();
  const [file, setFile] = useState<Upload>();
  const [preview, setPreview] = useState<ImportPreview>();
  const [failure, setFailure] = useState<string>();
  const [reason, setReason] = useState('');
  const [done, setDone] = useState(false);
  async function choose(f: File | undefined) {
    if (!f) return;
    const upload = await readUpload(f);
    setFile(upload);
    setDone(false);
    setFailure(undefined);
    setPreview(undefined);
    try {
      setPreview(await api.previewImport(upload));
    } catch (e) {
      setFailure(e instanceof ApiError ? e.message : String(e));
    }
  }
  async function apply() {
    if (!file || !preview) return;
    if (reason.trim() === '') return setFailure(t('reasonNeeded'));
    try {
      setPreview(await api.applyImport(file, preview.workspaceVersion, reason));
      setDone(true);
      setFailure(undefined);
      onApplied();
    } catch (e) {
      setFailure(e instanceof ApiError ? e.message : String(e));
    }
  }
  const action = (a: string) => t((a === 'change' ? 'change' : a) as TextKey);
  return (
    <section className="panel" data-testid="import">
      <h2>{props.mayImport ? t('importCsv') : t('exportCsv')}</h2>
      <div className="toolbar">
        {props.mayImport ? (
          <label className="button">
            {t('chooseFile')}
            <input
              type="file"
              accept=".csv,.xlsx,text/csv"
              hidden
              onChange={(e) => void choose(e.target.files?.[0])}
            />
          </label>
        ) : null}
        {props.mayExport ? <ExportLinks entity={props.entity} period={props.period} /> : null}
      </div>
      {failure ? <ErrorNote message={failure} /> : null}
      {preview ? (
        <div data-testid="import-preview">
          <h3>
            {t('preview')}: {file?.file}
          </h3>
          <p>
            {t('add')} {preview.summary.add} · {t('change')} {preview.summary.change} · {t('unchanged')}{' '}
            {preview.summary.unchanged}
          </p>
          {preview.issues.length > 0 ? (
            <div className="row-errors" role="alert">
              <p>{t('rowErrors')}</p>
              <table>
                <thead>
                  <tr>
                    <th>{t('sheet')}</th>
                    <th>{t('row')}</th>
                    <th>{t('column')}</th>
                    <th>{t('problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.issues.map((i) => (
                    <tr key={`${i.sheet}-${i.row}-${i.column}-${i.reason}`} className="row-error">
                      <td>{i.sheet ?? ''}</td>
                      <td>{i.row ?? ''}</td>
                      <td>{i.column ?? ''}</td>
                      <td>{i.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <table>
            <thead>
              <tr>
                <th>{t('row')}</th>
                <th>{t('action')}</th>
                <th>{t('indicator')}</th>
                <th>{t('entity')}</th>
                <th>{t('before')}</th>
                <th>{t('after')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={`${r.sheet}-${r.line}`} className={`action-${r.action}`}>
                  <td>
                    {r.sheet ? `${r.sheet} ` : ''}
                    {r.line}
                  </td>
                  <td>{action(r.action)}</td>
                  <td>
                    {r.indicator}
                    {r.disaggregation ? ` [${r.disaggregation}]` : ''}
                  </td>
                  <td>
                    {r.entity} {r.period}
                  </td>
                  <td>{r.before ? `${r.before.value} ${r.before.unit}` : '–'}</td>
                  <td>
                    {r.after.value} {r.after.unit}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {done ? (
            <p className="ok" data-testid="import-done">
              {t('applied')} ✓
            </p>
          ) : (
            <div className="toolbar">
              <input
                name="import-reason"
                value={reason}
                placeholder={t('reasonHint')}
                onChange={(e) => setReason(e.target.value)}
              />
              <button type="button" disabled={preview.issues.length > 0} onClick={() => void apply()}>
                {t('apply')}
              </button>
            </div>
          )}
        </div>
      ) : null}
    </section>
  );
}
