// Everything the audit log records, declared once: the type of each entry's action, the audit
// page's filter, and the labels under office-admin:audit.actions in all three languages (a unit
// test checks them).
export const AUDIT_ACTIONS = [
  'signIn.success',
  'signIn.failure',
  'signIn.lockout',
  'signIn.secondFactorFailure',
  'signOut',
  'password.changed',
  'totp.enabled',
  'totp.recoveryCodeUsed',
  'staff.created',
  'staff.roleChanged',
  'staff.deactivated',
  'staff.reactivated',
  'staff.sessionsRevoked',
  'staff.unlocked',
  'totp.resetByAdmin',
  'unit.created',
  'unit.updated',
  'unit.deactivated',
  'unit.reactivated',
  'category.created',
  'category.updated',
  'category.deactivated',
  'category.reactivated',
  'replyTemplate.created',
  'replyTemplate.updated',
  'replyTemplate.deactivated',
  'replyTemplate.reactivated',
  'setting.updated',
  // The public-holiday calendar (working-day limits count with it): one day added, changed or
  // removed by hand, or one file imported (every day it added or changed, in its details).
  'calendar.dayAdded',
  'calendar.dayChanged',
  'calendar.dayRemoved',
  'calendar.imported',
  'warning.overridden',
  'contact.viewed',
  // A written notice read by staff, with the citizen's name and postal address on it.
  'notice.viewed',
  'contact.searched',
  'attachment.downloaded',
  'export',
  // Art. 28: a member of staff withdrew from a case, or a supervisor recorded their conflict.
  'case.recused',
  // Arts. 30, 46(5): the body a report of misconduct is about, corrected.
  'report.partyCorrected',
  // A masked span of personal data shown in a transfer to another agency, with the reason.
  'transfer.unmasked',
  // The worker's removal of personal data whose retention period ended: one entry a run.
  'retention.purged',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The label of an audit action, as an i18n key. */
export function auditActionLabelKey(action: string): string {
  return `office-admin:audit.actions.${action}`;
}
