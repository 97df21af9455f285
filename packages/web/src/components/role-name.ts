/** A role's name in the UI language (the API and the grants use the English ids of access.ts ROLES). */
import type { TextKey } from '../i18n';

const ROLE_TEXT: Record<string, TextKey> = {
  administrator: 'roleAdministrator',
  preparer: 'rolePreparer',
  reviewer: 'roleReviewer',
  approver: 'roleApprover',
  assurer: 'roleAssurer',
  viewer: 'roleViewer',
  compliance: 'roleCompliance',
};

/** The translated name, or the id itself for a role this build does not know. */
export function roleName(role: string, t: (k: TextKey) => string): string {
  const key = ROLE_TEXT[role];
  return key ? t(key) : role;
}
