/**
 * The application layer: every use case and the Workspace port with its two implementations.
 * The server and the CLI are adapters over this package; they hold no use-case logic.
 */

/** Text made safe for one line of a log or terminal (io's printable). */
export { printable } from '@assay/io';
export { EvidenceFileName } from './evidence/file-name.js';
export {
  downloadName,
  EVIDENCE_MAX_BASE64,
  EVIDENCE_MAX_BYTES,
  EVIDENCE_TYPES,
  type EvidenceKind,
  type EvidenceType,
  type Sniffed,
  sniffEvidence,
} from './evidence/sniff.js';
export { EvidenceUpload } from './evidence/upload.js';
export * from './meters/roll-up-stored.js';
export * from './notifications/mail-settings.js';
export * from './notifications/notice-text.js';
export * from './notifications/notifier.js';
export * from './notifications/outbox-deliverer.js';
export * from './notifications/overdue-source.js';
export * from './notifications/retry-policy.js';
export * from './notifications/smtp-mailer.js';
export {
  hasMeterFolder,
  type OpenedWorkspace,
  type OpenWorkspaceOptions,
  openWorkspace,
} from './open-workspace.js';
export { type Failure, failure, type OutcomeCode, type Result, success } from './outcome.js';
export {
  groupDigits,
  type PresentedFigure,
  type PresentedValue,
  presentDataPoint,
  presentFigure,
  presentValue,
} from './present.js';
export { UploadName } from './upload-name.js';
export * from './use-cases/affected-figures.js';
export * from './use-cases/approved-materiality.js';
export * from './use-cases/assignments.js';
export * from './use-cases/backup.js';
export * from './use-cases/base-year.js';
export * from './use-cases/catalogue.js';
export * from './use-cases/climate-register.js';
export * from './use-cases/comments.js';
export * from './use-cases/compliance-cases.js';
export * from './use-cases/compliance-cases-xlsx.js';
export * from './use-cases/cycles.js';
export * from './use-cases/disclosure-status.js';
export * from './use-cases/entry-template-xlsx.js';
export * from './use-cases/evaluation.js';
export * from './use-cases/evidence-files.js';
export * from './use-cases/explain-figure.js';
export * from './use-cases/export-data-points.js';
export * from './use-cases/finding-work.js';
export * from './use-cases/finding-work-state.js';
export * from './use-cases/findings.js';
export * from './use-cases/health.js';
export * from './use-cases/import-data-points.js';
export * from './use-cases/import-fact-file.js';
export * from './use-cases/import-meter-readings.js';
export * from './use-cases/list-activity-lines.js';
export * from './use-cases/load-source.js';
export * from './use-cases/materiality.js';
export * from './use-cases/materiality-files.js';
export * from './use-cases/meter-activity-lines.js';
export * from './use-cases/meter-folder.js';
export * from './use-cases/meter-reconciliation.js';
export * from './use-cases/meters.js';
export * from './use-cases/narrative.js';
export * from './use-cases/notification-outbox.js';
export * from './use-cases/notifications.js';
export * from './use-cases/operating-registers.js';
export * from './use-cases/operating-registers-xlsx.js';
export * from './use-cases/overview.js';
export * from './use-cases/parse-data-point-rows.js';
export * from './use-cases/period-lock.js';
export * from './use-cases/read-import-file.js';
export * from './use-cases/reading-round-xlsx.js';
export * from './use-cases/remind-overdue.js';
export * from './use-cases/render-report.js';
export * from './use-cases/report-model.js';
export * from './use-cases/report-status.js';
export * from './use-cases/restatement.js';
export * from './use-cases/restatement-effect.js';
export type { ResolvedItems, RestatementItemInput } from './use-cases/restatement-items.js';
export * from './use-cases/restatement-note.js';
export * from './use-cases/retract-data-point.js';
export * from './use-cases/site-registers.js';
export * from './use-cases/site-registers-xlsx.js';
export * from './use-cases/targets.js';
export * from './use-cases/targets-xlsx.js';
export * from './use-cases/tasks.js';
export * from './use-cases/unit-review.js';
export * from './use-cases/upload-evidence.js';
export * from './use-cases/value-edits.js';
export * from './use-cases/workflow.js';
export * from './use-cases/write-activity-line.js';
export * from './use-cases/write-data-point.js';
export * from './use-cases/write-explanation.js';
export type * from './workspace/assignment-records.js';
export type * from './workspace/case-records.js';
export * from './workspace/comment-records.js';
export type * from './workspace/cycle-records.js';
export * from './workspace/fact-rules.js';
export * from './workspace/finding-work-records.js';
export { type Clock, MemoryWorkspace } from './workspace/memory-workspace.js';
export type * from './workspace/register-row-history.js';
export type * from './workspace/restatement-records.js';
export { type OpenedStoreWorkspace, StoreWorkspace } from './workspace/store-workspace.js';
export type * from './workspace/target-history.js';
export type {
  ActivityLineChange,
  DataPointChange,
  DataPointRevision,
  Locked,
  RetractOutcome,
  Snapshot,
  Workspace,
  WriteOutcome,
} from './workspace/workspace.js';
