/**
 * Reading evidence files (issue #17): the files linked to a data point or an activity line, and one file's bytes
 * for download. Who may read is decided by the caller's adapter from the links' entities
 * (`readable`); here the download is narrowed to those links, its type sniffed again from the
 * stored bytes (served as application/octet-stream should a stored file fit no allowed type)
 * and its name made to fit that type (evidence/sniff.ts downloadName).
 */
import {
  type EvidenceLink,
  type EvidenceTarget,
  evidenceOf,
  getEvidence,
  linksOfEvidence,
  type Store,
} from '@assay/store';
import { downloadName, sniffEvidence } from '../evidence/sniff.js';
import { failure, type Result, success } from '../outcome.js';
import type { Workspace } from '../workspace/workspace.js';
import { evidenceFact } from './upload-evidence.js';

export type { EvidenceLink };

/** A SHA-256 as the store keys files: 64 lower-case hexadecimal digits. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * The files linked to a current data point or activity line, under its entity now (none without
 * a store: a bundle served in memory).
 */
export async function listEvidence(
  ws: Workspace,
  store: Store | undefined,
  target: EvidenceTarget,
): Promise<Result<readonly EvidenceLink[]>> {
  const fact = evidenceFact(ws.snapshot(), target);
  if (fact.entityId === undefined) return failure('not-found', `no ${fact.what}`, { field: 'id' });
  return success(store ? await evidenceOf(store, target, fact.entityId) : []);
}

/** Every link of a file; empty for a malformed or unknown SHA-256, or without a store. */
export async function evidenceLinks(
  store: Store | undefined,
  sha256: string,
): Promise<readonly EvidenceLink[]> {
  return store && SHA256_HEX.test(sha256) ? linksOfEvidence(store, sha256) : [];
}

export type EvidenceDownload = {
  readonly bytes: Uint8Array;
  /** Sniffed from the bytes; "text/csv" is sent with "; charset=utf-8". */
  readonly mediaType: string;
  /** The link's name, with the sniffed type's extension added when it lacks one that fits. */
  readonly fileName: string;
};

/**
 * The bytes of a file, named after one of the `readable` links: the one called `name`, or the
 * oldest when no name is asked for. A name no readable link has is not found.
 */
export async function downloadEvidence(
  store: Store | undefined,
  sha256: string,
  readable: readonly EvidenceLink[],
  name: string | undefined,
): Promise<Result<EvidenceDownload>> {
  const link = name === undefined ? readable[0] : readable.find((l) => l.fileName === name);
  if (!link)
    return name === undefined
      ? failure('not-found', `no evidence file ${sha256.slice(0, 80)}`, { field: 'sha256' })
      : failure('not-found', `name: evidence file ${sha256} has no name "${name.slice(0, 200)}"`, {
          field: 'name',
        });
  const file = store ? await getEvidence(store, sha256) : undefined;
  if (!file) return failure('not-found', `no evidence file ${sha256}`, { field: 'sha256' });
  const sniffed = sniffEvidence(file.bytes);
  return success({
    bytes: file.bytes,
    mediaType: sniffed.ok ? sniffed.type.mediaType : 'application/octet-stream',
    fileName: sniffed.ok ? downloadName(link.fileName, sniffed.type) : `${link.fileName}.bin`,
  });
}
