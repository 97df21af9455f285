/**
 * The i18next resources: one bundle per language, each language its own text (zh-Hant never
 * falls back to another language; a missing key is a type error in its file). Namespaces:
 * `common` (the shared text every page had before i18next), and one per feature page.
 */

import { assignments as enAssignments } from './en/assignments';
import { cases as enCases } from './en/cases';
import { comments as enComments } from './en/comments';
import { common as enCommon } from './en/common';
import { cycle as enCycle } from './en/cycle';
import { entry as enEntry } from './en/entry';
import { evidence as enEvidence } from './en/evidence';
import { findings as enFindings } from './en/findings';
import { materiality as enMateriality } from './en/materiality';
import { meters as enMeters } from './en/meters';
import { narrative as enNarrative } from './en/narrative';
import { notifications as enNotifications } from './en/notifications';
import { registers as enRegisters } from './en/registers';
import { restatement as enRestatement } from './en/restatement';
import { review as enReview } from './en/review';
import { security as enSecurity } from './en/security';
import { targets as enTargets } from './en/targets';
import { tasks as enTasks } from './en/tasks';
import { assignments as zhAssignments } from './zh-Hant/assignments';
import { cases as zhCases } from './zh-Hant/cases';
import { comments as zhComments } from './zh-Hant/comments';
import { common as zhCommon } from './zh-Hant/common';
import { cycle as zhCycle } from './zh-Hant/cycle';
import { entry as zhEntry } from './zh-Hant/entry';
import { evidence as zhEvidence } from './zh-Hant/evidence';
import { findings as zhFindings } from './zh-Hant/findings';
import { materiality as zhMateriality } from './zh-Hant/materiality';
import { meters as zhMeters } from './zh-Hant/meters';
import { narrative as zhNarrative } from './zh-Hant/narrative';
import { notifications as zhNotifications } from './zh-Hant/notifications';
import { registers as zhRegisters } from './zh-Hant/registers';
import { restatement as zhRestatement } from './zh-Hant/restatement';
import { review as zhReview } from './zh-Hant/review';
import { security as zhSecurity } from './zh-Hant/security';
import { targets as zhTargets } from './zh-Hant/targets';
import { tasks as zhTasks } from './zh-Hant/tasks';

export const resources = {
  en: {
    common: enCommon,
    cycle: enCycle,
    evidence: enEvidence,
    security: enSecurity,
    assignments: enAssignments,
    comments: enComments,
    entry: enEntry,
    notifications: enNotifications,
    tasks: enTasks,
    restatement: enRestatement,
    review: enReview,
    targets: enTargets,
    cases: enCases,
    materiality: enMateriality,
    registers: enRegisters,
    findings: enFindings,
    meters: enMeters,
    narrative: enNarrative,
  },
  'zh-Hant': {
    common: zhCommon,
    cycle: zhCycle,
    evidence: zhEvidence,
    security: zhSecurity,
    assignments: zhAssignments,
    comments: zhComments,
    entry: zhEntry,
    notifications: zhNotifications,
    tasks: zhTasks,
    restatement: zhRestatement,
    review: zhReview,
    targets: zhTargets,
    cases: zhCases,
    materiality: zhMateriality,
    registers: zhRegisters,
    findings: zhFindings,
    meters: zhMeters,
    narrative: zhNarrative,
  },
} as const;

export const NAMESPACES = [
  'common',
  'cycle',
  'evidence',
  'security',
  'assignments',
  'comments',
  'entry',
  'notifications',
  'tasks',
  'restatement',
  'review',
  'targets',
  'cases',
  'findings',
  'registers',
  'meters',
  'materiality',
  'narrative',
] as const;
