/**
 * GET /api/backup (administrators: 'manage-settings' on the group; docs/operations.md, "Backup
 * while the server runs"): the whole store as an `assay backup` file, written by this process
 * (app's takeBackup: one read-only snapshot transaction) and streamed as a download. A GET with
 * no side effect on the store: the temporary file is removed once sent or when the client goes
 * away. `assay backup <file> --server <url>` uses it for the embedded store, which only the
 * running server may open. The file's SHA-256 values are sent in headers so a client can compare.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { takeBackup } from '@assay/app';
import type { Store } from '@assay/app/access';
import type { Handler } from 'hono';
import { sendError } from '../http/respond.js';

export const BACKUP_MEDIA_TYPE = 'application/gzip';

export function backupRoute(store: Store | undefined, now: () => Date): Handler {
  return async (c) => {
    if (!store)
      return sendError(c, {
        code: 'not-found',
        message: 'this server has no store (a bundle served in memory): nothing to back up',
      });
    const at = now();
    const taken = await takeBackup(store, at);
    const size = (await stat(taken.path)).size;
    const file = createReadStream(taken.path);
    file.once('close', () => void taken.discard());
    const stamp = at.toISOString().replace(/[:.]/g, '-');
    return new Response(Readable.toWeb(file) as ReadableStream<Uint8Array>, {
      headers: {
        'content-type': BACKUP_MEDIA_TYPE,
        'content-length': String(size),
        'content-disposition': `attachment; filename="assay-backup-${stamp}.tar.gz"`,
        'cache-control': 'no-store',
        'x-assay-backup-sha256': taken.sha256,
        'x-assay-backup-file-sha256': taken.fileSha256,
      },
    });
  };
}
