// The back office's navigation: the pages a person's role may use, in the shell's order. The
// pages check the same permissions on the server; this only leaves out links that would be refused.
import {
  canManageCalendar,
  canManageNotices,
  canManageReferenceData,
  canManageSettings,
  canManageStaff,
  canReadAuditLog,
  canRegisterCases,
  canUseQueue,
  canViewReceptionDays,
  canViewReports,
  canViewStatistics,
  canViewWarningBoard,
  type Actor,
} from './permissions.ts';

export interface NavItem {
  to: string;
  /** The link's words, as an i18n key with its namespace. */
  label: string;
  /** Active only on this exact path (the queue at /office, not every page under it). */
  end?: boolean;
}

const ITEMS: readonly (NavItem & { allowed: (actor: Actor) => boolean })[] = [
  { to: '/office', label: 'office:shell.queue', end: true, allowed: canUseQueue },
  { to: '/office/warnings', label: 'office-warning:nav', allowed: canViewWarningBoard },
  { to: '/office/cases/new', label: 'office:shell.register', allowed: canRegisterCases },
  { to: '/office/reception', label: 'visits:office.nav', allowed: canViewReceptionDays },
  { to: '/office/notices', label: 'notices:office.nav', allowed: canManageNotices },
  { to: '/office/statistics', label: 'office:shell.statistics', allowed: canViewStatistics },
  { to: '/office/reports', label: 'reports:nav', allowed: canViewReports },
  { to: '/office/staff', label: 'office:shell.staff', allowed: canManageStaff },
  { to: '/office/units', label: 'office-admin:nav.units', allowed: canManageReferenceData },
  { to: '/office/categories', label: 'office-admin:nav.categories', allowed: canManageReferenceData },
  { to: '/office/reply-templates', label: 'office-admin:nav.replyTemplates', allowed: canManageReferenceData },
  { to: '/office/calendar', label: 'office-admin:nav.calendar', allowed: canManageCalendar },
  { to: '/office/settings', label: 'office-admin:nav.settings', allowed: canManageSettings },
  { to: '/office/audit', label: 'office:shell.audit', allowed: canReadAuditLog },
  { to: '/office/account', label: 'office:shell.account', allowed: () => true },
];

export function officeNav(actor: Actor): NavItem[] {
  return ITEMS.filter((item) => item.allowed(actor)).map(({ to, label, end }) => (end ? { to, label, end } : { to, label }));
}
