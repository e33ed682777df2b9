// All translations, bundled on the server. The browser receives only its own language's
// strings, and only the namespaces its part of the site uses (see app/ui/i18n-bundle.tsx).
import enAttachments from './locales/en/attachments.json';
import enCommon from './locales/en/common.json';
import enFollowUp from './locales/en/follow-up.json';
import enNotices from './locales/en/notices.json';
import enNotifications from './locales/en/notifications.json';
import enOfficeAdmin from './locales/en/office-admin.json';
import enOfficeAuth from './locales/en/office-auth.json';
import enOfficeWarning from './locales/en/office-warning.json';
import enOffice from './locales/en/office.json';
import enReports from './locales/en/reports.json';
import enVisits from './locales/en/visits.json';
import zhHansAttachments from './locales/zh-Hans/attachments.json';
import zhHansCommon from './locales/zh-Hans/common.json';
import zhHansFollowUp from './locales/zh-Hans/follow-up.json';
import zhHansNotices from './locales/zh-Hans/notices.json';
import zhHansNotifications from './locales/zh-Hans/notifications.json';
import zhHansOfficeAdmin from './locales/zh-Hans/office-admin.json';
import zhHansOfficeAuth from './locales/zh-Hans/office-auth.json';
import zhHansOfficeWarning from './locales/zh-Hans/office-warning.json';
import zhHansOffice from './locales/zh-Hans/office.json';
import zhHansReports from './locales/zh-Hans/reports.json';
import zhHansVisits from './locales/zh-Hans/visits.json';
import zhHantAttachments from './locales/zh-Hant/attachments.json';
import zhHantCommon from './locales/zh-Hant/common.json';
import zhHantFollowUp from './locales/zh-Hant/follow-up.json';
import zhHantNotices from './locales/zh-Hant/notices.json';
import zhHantNotifications from './locales/zh-Hant/notifications.json';
import zhHantOfficeAdmin from './locales/zh-Hant/office-admin.json';
import zhHantOfficeAuth from './locales/zh-Hant/office-auth.json';
import zhHantOfficeWarning from './locales/zh-Hant/office-warning.json';
import zhHantOffice from './locales/zh-Hant/office.json';
import zhHantReports from './locales/zh-Hant/reports.json';
import zhHantVisits from './locales/zh-Hant/visits.json';
import type { Locale } from './config.ts';

export type Namespace =
  | 'common'
  | 'office'
  | 'office-auth'
  | 'office-admin'
  | 'office-warning'
  | 'notifications'
  | 'visits'
  | 'notices'
  | 'attachments'
  | 'follow-up'
  | 'reports';
type Bundle = Record<string, unknown>;

export const resources: Record<Locale, Record<Namespace, Bundle>> = {
  en: {
    common: enCommon,
    office: enOffice,
    'office-auth': enOfficeAuth,
    'office-admin': enOfficeAdmin,
    'office-warning': enOfficeWarning,
    visits: enVisits,
    notices: enNotices,
    attachments: enAttachments,
    'follow-up': enFollowUp,
    notifications: enNotifications,
    reports: enReports,
  },
  'zh-Hans': {
    common: zhHansCommon,
    office: zhHansOffice,
    'office-auth': zhHansOfficeAuth,
    'office-admin': zhHansOfficeAdmin,
    'office-warning': zhHansOfficeWarning,
    visits: zhHansVisits,
    notices: zhHansNotices,
    attachments: zhHansAttachments,
    'follow-up': zhHansFollowUp,
    notifications: zhHansNotifications,
    reports: zhHansReports,
  },
  'zh-Hant': {
    common: zhHantCommon,
    office: zhHantOffice,
    'office-auth': zhHantOfficeAuth,
    'office-admin': zhHantOfficeAdmin,
    'office-warning': zhHantOfficeWarning,
    visits: zhHantVisits,
    notices: zhHantNotices,
    attachments: zhHantAttachments,
    'follow-up': zhHantFollowUp,
    notifications: zhHantNotifications,
    reports: zhHantReports,
  },
};

/**
 * The portal needs only `common`; the back office needs its own namespaces too, and the public
 * figures (/statistics) their `reports`. `notifications` (email templates) stays on the server: My
 * account translates its few preference strings in its loader.
 */
export function namespacesForPath(pathname: string): Namespace[] {
  if (pathname === '/office' || pathname.startsWith('/office/'))
    return [
      'common',
      'office',
      'office-auth',
      'office-admin',
      'office-warning',
      'visits',
      'notices',
      'attachments',
      'follow-up',
      'reports',
    ];
  const portal: Namespace[] = ['common', 'visits', 'notices', 'attachments', 'follow-up'];
  return pathname === '/statistics' || pathname.startsWith('/statistics/') ? [...portal, 'reports'] : portal;
}
