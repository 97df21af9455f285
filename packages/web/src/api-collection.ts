/**
 * The API client of the collection cycle's entry side (issue #17; docs/workflow.md): task lists,
 * reporting cycles and assignments, activity lines and their evidence, comment threads and
 * notifications. Types copied from the server's presenters (the web app imports no package):
 * app/src/use-cases/list-activity-lines.ts, core/src/workflow/tasks.ts, use-cases/assignments.ts,
 * use-cases/cycles.ts, workspace/comment-records.ts, use-cases/notifications.ts.
 */
import { type AffectedFigures, call, type EvidenceFile, qs, send } from './api';

// --- Activity lines (routes/activity-lines.ts) ---------------------------------------------

/** A line's amount summed over a comparison period, in the line's unit; null when none. */
export type Comparison = {
  period: string;
  /** Exact decimal text in `unit`. */
  amount: string;
  unit: string;
  /** Lines summed, and lines of another dimension left out. */
  lines: number;
  skipped: number;
} | null;

/** A line as the API presents it (presentActivityLine). */
export type ActivityLine = {
  id: string;
  version: number;
  entityId: string;
  periodId: string;
  activity: string;
  subject: string;
  use: string | null;
  amount: string;
  unit: string;
  attributes: string;
  source: string;
  evidence: string | null;
  comment: string | null;
};
export type ListedLine = ActivityLine & { previous: Comparison; lastYear: Comparison };
/** A line of last period or last year with no counterpart in this period yet. */
export type LineToEnter = {
  entityId: string;
  activity: string;
  subject: string;
  use: string | null;
  unit: string;
  previous: Comparison;
  lastYear: Comparison;
};
export type ActivityLineList = {
  workspaceVersion: number;
  period: string | null;
  previousPeriod: string | null;
  lastYearPeriod: string | null;
  lines: ListedLine[];
  toEnter: LineToEnter[];
};
/** A line to add (POST /api/activity-lines). `use` only for fuel. */
export type NewLine = {
  entity: string;
  period: string;
  activity: string;
  subject: string;
  use?: string;
  amount: string;
  unit: string;
  source: string;
};
/** What an edit may change (PUT /api/activity-lines/{id}). */
export type LinePatch = { amount?: string; unit?: string; source?: string };

// --- Tasks, cycles, assignments (routes/cycles.ts) ------------------------------------------

export type SentBack = { event: 'return' | 'reopen'; comment: string | null; actor: string; at: string };
export type Task = {
  entityId: string;
  periodId: string;
  topic: string;
  assignee: string;
  indicators: string[];
  assignmentIds: string[];
  /** YYYY-MM-DD. */
  dueDate: string;
  state: 'draft' | 'submitted' | 'reviewed' | 'approved';
  /** The unit's version: what a submit names. */
  version: number;
  status: 'due' | 'returned' | 'done';
  overdue: boolean;
  sentBack: SentBack | null;
};
export type TaskList = {
  now: string;
  tasks: Task[];
  counts: { due: number; returned: number; done: number; overdue: number };
};
export const FREQUENCIES = ['month', 'quarter', 'year'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export type Cycle = {
  periodId: string;
  frequency: Frequency;
  openedBy: string;
  actor: string;
  openedAt: string;
  entryPeriods: string[];
};
export type Assignment = {
  id: string;
  cycleId: string;
  periodId: string;
  entityId: string;
  indicatorId: string;
  topic: string;
  assignee: string | null;
  /** "Ann Lee <ann@example.com>"; null when withdrawn. */
  assigneeLabel: string | null;
  dueDate: string | null;
  version: number;
  assignedBy: string;
  actor: string;
  at: string;
};
/** POST /api/cycles/{period}/assignments (docs/workflow.md, "Cycles and assignments"). */
export type AssignRequest = {
  topics: string[];
  entity: string;
  kinds?: ('group' | 'subsidiary' | 'site')[];
  periods?: string[];
  assignee: string | null;
  due?: string;
  dueDaysAfterPeriodEnd?: number;
};
export type AssignResult = {
  cycleId: string;
  created: number;
  changed: number;
  withdrawn: number;
  unchanged: number;
  selected: number;
  entities: string[];
  indicators: string[];
  periods: string[];
};
export type EntityProgress = {
  entityId: string;
  assigned: number;
  due: number;
  returned: number;
  submitted: number;
  approved: number;
  overdue: number;
  indicators: number;
};
export type CycleProgress = {
  cycle: string;
  now: string;
  entities: EntityProgress[];
  total: Omit<EntityProgress, 'entityId'>;
};

// --- Comments (routes/comments.ts) -----------------------------------------------------------

export type Comment = {
  id: string;
  targetKind: string;
  targetId: string;
  entityId: string;
  replyTo: string | null;
  userId: string;
  /** "name <email>" as recorded. */
  author: string;
  at: string;
  text: string;
};

// --- Notifications (routes/notifications.ts) --------------------------------------------------

export type NoticeLang = 'en' | 'zh-Hant';
export type Notification = {
  id: string;
  kind: string;
  entityId: string;
  periodId: string;
  topic: string;
  unitVersion: number | null;
  actor: string;
  comment: string | null;
  createdAt: string;
  readAt: string | null;
  title: Record<NoticeLang, string>;
  text: Record<NoticeLang, string>;
};

const enc = encodeURIComponent;

export const collectionApi = {
  activityLines: (entity: string, period: string) =>
    call<ActivityLineList>(`/activity-lines?${qs({ entity, period })}`),
  /** All lines or none; 201. */
  addLines: (lines: NewLine[], reason: string) =>
    call<{ lines: ActivityLine[]; workspaceVersion: number } & AffectedFigures>(
      '/activity-lines',
      send('POST', { lines, reason }),
    ),
  /** A new revision of `version` (412 stale-version when someone saved meanwhile). */
  updateLine: (id: string, version: number, patch: LinePatch, reason: string) =>
    call<{ line: ActivityLine; workspaceVersion: number } & AffectedFigures>(
      `/activity-lines/${enc(id)}`,
      send('PUT', { ...patch, reason, version }),
    ),
  retractLine: (id: string, version: number, reason: string) =>
    call<{ retracted: true; id: string; version: number }>(
      `/activity-lines/${enc(id)}/retract`,
      send('POST', { reason, version }),
    ),
  lineEvidence: (id: string) =>
    call<{ activityLine: string; evidence: EvidenceFile[] }>(`/activity-lines/${enc(id)}/evidence`),
  uploadLineEvidence: (id: string, fileName: string, contentBase64: string) =>
    call<{ sha256: string; fileName: string; size: number; mediaType: string; linked: boolean }>(
      `/activity-lines/${enc(id)}/evidence`,
      send('POST', { fileName, contentBase64 }),
    ),

  tasks: (cycle?: string) => call<TaskList>(`/tasks?${qs({ cycle })}`),
  cycles: () => call<{ cycles: Cycle[] }>('/cycles'),
  /** 201 opened, 200 already open as asked; 409 overlapping or another frequency. */
  openCycle: (period: string, frequency: Frequency) =>
    call<{ cycle: Cycle; created: boolean }>('/cycles', send('POST', { period, frequency })),
  assign: (cycle: string, request: AssignRequest) =>
    call<AssignResult>(`/cycles/${enc(cycle)}/assignments`, send('POST', request)),
  assignments: (cycle: string, period?: string) =>
    call<{ cycle: string; assignments: Assignment[] }>(`/cycles/${enc(cycle)}/assignments?${qs({ period })}`),
  progress: (cycle: string) => call<CycleProgress>(`/cycles/${enc(cycle)}/progress`),

  comments: (target: string) =>
    call<{ target: string; entityId: string; comments: Comment[] }>(`/comments?${qs({ target })}`),
  addComment: (target: string, text: string) =>
    call<{ comment: Comment }>(`/comments?${qs({ target })}`, send('POST', { text })),

  notifications: () => call<{ unread: number; notifications: Notification[] }>('/notifications?limit=50'),
  markRead: (id: string) =>
    call<{ notification: Notification }>(`/notifications/${enc(id)}/read`, send('POST', {})),
  markAllRead: () => call<{ marked: number }>('/notifications/read-all', send('POST', {})),
  notificationLanguage: () => call<{ language: NoticeLang }>('/notifications/preferences'),
  setNotificationLanguage: (language: NoticeLang) =>
    call<{ language: NoticeLang }>('/notifications/preferences', send('PUT', { language })),
};

/** A workflow unit's comment-thread target (docs/workflow.md, "Comments"). */
export const unitTarget = (u: { entityId: string; periodId: string; topic: string }) =>
  `unit:${u.entityId}/${u.periodId}/${u.topic}`;
