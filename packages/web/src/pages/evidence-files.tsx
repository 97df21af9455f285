/**
 * Evidence files of one fact (issue #17): a data point (under its row in the data grid,
 * evidence-row.tsx) or an activity line (under its row in the entry form). The files linked to it
 * (GET /api/data-points/{id}/evidence or /api/activity-lines/{id}/evidence, `read-evidence`), each
 * downloaded as an attachment (GET /api/evidence/{sha256}), and, where the caller may write the
 * fact, a form to attach a file (POST …/evidence: the name and the bytes as base64; the server
 * decides the type from the bytes, 10 MiB at most). A refused upload says which file and why in
 * the UI language, and shows the server's own message naming the problem; nothing was stored.
 * react-hook-form checks that a file is chosen and not over the limit before anything is sent.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, type EvidenceFile, evidenceHref } from '../api';
import { collectionApi } from '../api-collection';
import { ErrorNote } from '../components/error-note';
import { formatTime, type Lang, useLang } from '../i18n';
import { queryKeys } from '../query/keys';
import { useWrite } from '../query/write';
import { personName } from './cycle/cycle-rules';
import './evidence-row.css';

/** The fact whose files these are. */
export type EvidenceTarget = { kind: 'data-point' | 'activity-line'; id: string };

const listOf = async (t: EvidenceTarget): Promise<{ evidence: EvidenceFile[] }> =>
  t.kind === 'data-point' ? api.evidence(t.id) : collectionApi.lineEvidence(t.id);
const uploadTo = (t: EvidenceTarget, name: string, base64: string) =>
  t.kind === 'data-point'
    ? api.uploadEvidence(t.id, name, base64)
    : collectionApi.uploadLineEvidence(t.id, name, base64);
const keyOf = (t: EvidenceTarget) =>
  t.kind === 'data-point' ? queryKeys.evidence(t.id) : queryKeys.lineEvidence(t.id);

/** The server's limit (app/src/evidence/sniff.ts EVIDENCE_MAX_BYTES): 10 MiB. */
const MAX_BYTES = 10 * 1024 * 1024;
/** What the file chooser offers first; the server still decides by the bytes. */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.xlsx,.docx,.csv';
const KIND: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'text/csv': 'CSV',
};

/** The file's bytes as padded standard base64 (what the upload route takes). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, Math.min(i + 0x8000, bytes.length)));
  return btoa(binary);
}

type SizeText = (key: 'bytes' | 'kib' | 'mib', values: { n: string }) => string;
function sizeOf(bytes: number, lang: Lang, t: SizeText): string {
  const one = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'zh-Hant-HK', { maximumFractionDigits: 1 });
  if (bytes < 1024) return t('bytes', { n: one.format(bytes) });
  if (bytes < 1024 * 1024) return t('kib', { n: one.format(bytes / 1024) });
  return t('mib', { n: one.format(bytes / 1024 / 1024) });
}

type Fields = { file: FileList | null };

/** The files and the upload form; `label` names the section (which fact) for assistive technology. */
export function EvidenceFiles(props: {
  target: EvidenceTarget;
  label: string;
  mayList: boolean;
  mayUpload: boolean;
}) {
  const { t } = useTranslation('evidence');
  const lang = useLang();
  const id = useId();
  const { target } = props;
  const list = useQuery({
    queryKey: keyOf(target),
    queryFn: () => listOf(target),
    enabled: props.mayList,
  });
  const [uploaded, setUploaded] = useState<{ fileName: string; linked: boolean }>();
  const {
    register,
    handleSubmit,
    reset,
    watch,
    formState: { errors },
  } = useForm<Fields>({ defaultValues: { file: null } });
  const upload = useWrite({
    write: async (file: File) => uploadTo(target, file.name, await base64Of(file)),
    invalidates: () => [keyOf(target)],
    onDone: (out) => {
      setUploaded({ fileName: out.fileName, linked: out.linked });
      reset();
    },
  });
  const chosen = watch('file')?.[0];
  const tooLarge = (f: File | undefined) => f !== undefined && f.size > MAX_BYTES;
  const refusedName = upload.variables?.name ?? '';
  const refusal = upload.refusal;
  const lead = refusal
    ? refusal.field === 'fileName' || refusal.field === 'contentBase64'
      ? t(`refused.${refusal.field}`, { file: refusedName })
      : t('refused', { file: refusedName })
    : '';
  const files = list.data?.evidence ?? [];
  return (
    <section aria-label={props.label} data-evidence-section={target.id}>
      {list.error ? <ErrorNote message={list.error.message} /> : null}
      {props.mayList && list.data && files.length === 0 ? <p className="muted">{t('none')}</p> : null}
      {files.length > 0 ? (
        <table className="evidence-files" data-ready="evidence">
          <caption className="sr-only">{props.label}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fileName')}</th>
              <th scope="col">{t('size')}</th>
              <th scope="col">{t('type')}</th>
              <th scope="col">{t('uploadedBy')}</th>
              <th scope="col">{t('uploadedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr key={`${f.sha256}/${f.fileName}`} data-evidence-file-row={f.fileName}>
                <th scope="row">
                  <a
                    href={evidenceHref(f)}
                    download={f.fileName}
                    aria-label={t('download', { file: f.fileName })}
                  >
                    {f.fileName}
                  </a>
                </th>
                <td>{sizeOf(f.size, lang, t)}</td>
                <td>{KIND[f.mediaType] ?? f.mediaType}</td>
                <td title={f.uploadedBy}>{personName(f.uploadedBy)}</td>
                <td className="muted">{formatTime(f.at, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {props.mayUpload ? (
        <form
          className="inline-form evidence-upload"
          noValidate
          data-evidence-form={target.id}
          onSubmit={handleSubmit((f) => {
            const file = f.file?.[0];
            if (!file) return;
            setUploaded(undefined);
            upload.mutate(file);
          })}
        >
          {/* The native chooser's button speaks the browser's language: a labelled button of
                  the page's own, with the input visually hidden but focusable (keyboard: Tab, then
                  Enter or Space opens the chooser). */}
          <label className="button file-choice">
            {t('chooseButton')}
            <input
              type="file"
              className="sr-only"
              accept={ACCEPT}
              data-evidence-file
              aria-invalid={errors.file !== undefined}
              aria-describedby={`${id}-allowed${errors.file ? ` ${id}-file-error` : ''}`}
              {...register('file', {
                validate: {
                  chosen: (v) => (v?.length ?? 0) > 0,
                  size: (v) => !tooLarge(v?.[0]),
                },
              })}
            />
          </label>
          <span data-chosen>{chosen ? chosen.name : <span className="muted">{t('noneChosen')}</span>}</span>
          <span className="muted" id={`${id}-allowed`}>
            {t('allowed')}
          </span>
          <button type="submit" disabled={upload.isPending} data-evidence-upload>
            {upload.isPending ? t('uploading') : t('upload')}
          </button>
          {errors.file ? (
            <div className="field-error" role="alert" id={`${id}-file-error`}>
              {errors.file.type === 'size' && chosen
                ? t('tooLarge', { file: chosen.name, size: sizeOf(chosen.size, lang, t) })
                : t('chooseFirst')}
            </div>
          ) : null}
        </form>
      ) : null}
      {refusal ? (
        <div className="field-error" role="alert" data-evidence-refused={refusal.field ?? refusal.code}>
          <span>{lead}</span> <span className="muted">{t('serverSaid')}</span>{' '}
          <span lang="en" data-server-message>
            {refusal.message}
          </span>
        </div>
      ) : null}
      <div className="ok" role="status" data-evidence-status>
        {uploaded
          ? uploaded.linked
            ? t('uploaded', { file: uploaded.fileName })
            : t('alreadyThere', { file: uploaded.fileName })
          : null}
      </div>
    </section>
  );
}
