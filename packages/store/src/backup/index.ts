/** Backup and restore of a whole store (docs/operations.md). */
export { DamagedBackupError } from './archive.js';
export { RestoreRefusedError, type RestoreResult, restoreBackup, verifyBackup } from './restore-backup.js';
export { type BackupManifest, type BackupResult, writeBackup } from './write-backup.js';
