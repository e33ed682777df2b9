// The back-office shell: navigation by role, the signed-in person, sign-out and a skip link
// (from the root layout). Every page below it runs requireStaff in its own loader too.
import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, NavLink, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import {
  canManageReferenceData,
  canManageSettings,
  canManageNotices,
  canManageStaff,
  canReadAuditLog,
  canRegisterCases,
  canUseQueue,
  canViewReceptionDays,
  canViewStatistics,
  canViewWarningBoard,
} from '#app/features/staff/permissions.ts';
import { requireStaff } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { noStoreHeaders } from '#app/platform/http/headers.ts';
import { takeNotice } from '#app/platform/http/notice.server.ts';
import { LayoutMain } from '#app/ui/layout-main.tsx';
import { officeLinks } from '#app/ui/office-styles.ts';

/** Every page below shows a case, a code or staff data: browsers and proxies must not keep them. */
export const headers = noStoreHeaders;

export const links = officeLinks;

/** The shell's notice belongs to the page after a change, so the shell reloads with every page. */
export const shouldRevalidate = () => true;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaff(request);
  const { t } = await translatorFor(request);
  const { notice, headers } = takeNotice(request);
  return data(
    {
      notice: notice ? t(notice.key, notice.values) : null,
      staff: { name: actor.name, role: actor.role },
      nav: {
        queue: canUseQueue(actor),
        register: canRegisterCases(actor),
        warnings: canViewWarningBoard(actor),
        reception: canViewReceptionDays(actor),
        notices: canManageNotices(actor),
        stats: canViewStatistics(actor),
        staff: canManageStaff(actor),
        referenceData: canManageReferenceData(actor),
        settings: canManageSettings(actor),
        audit: canReadAuditLog(actor),
      },
    },
    { headers },
  );
}

export default function OfficeShell() {
  const { staff, nav, notice } = useLoaderData<typeof loader>();
  const { t } = useTranslation('office');
  return (
    <div className="office">
      <header className="office-header">
        <a href="/office" className="office-header__name">
          {t('shell.name')}
        </a>
        <nav aria-label={t('shell.nav')} className="office-nav">
          <ul>
            {nav.queue ? (
              <li>
                <NavLink to="/office" end>
                  {t('shell.queue')}
                </NavLink>
              </li>
            ) : null}
            {nav.warnings ? (
              <li>
                <NavLink to="/office/warnings">{t('office-warning:nav')}</NavLink>
              </li>
            ) : null}
            {nav.register ? (
              <li>
                <NavLink to="/office/cases/new">{t('shell.register')}</NavLink>
              </li>
            ) : null}
            {nav.reception ? (
              <li>
                <NavLink to="/office/reception">{t('visits:office.nav')}</NavLink>
              </li>
            ) : null}
            {nav.notices ? (
              <li>
                <NavLink to="/office/notices">{t('notices:office.nav')}</NavLink>
              </li>
            ) : null}
            {nav.stats ? (
              <li>
                <NavLink to="/office/statistics">{t('shell.statistics')}</NavLink>
              </li>
            ) : null}
            {nav.staff ? (
              <li>
                <NavLink to="/office/staff">{t('shell.staff')}</NavLink>
              </li>
            ) : null}
            {nav.referenceData ? (
              <>
                <li>
                  <NavLink to="/office/units">{t('nav.units', { ns: 'office-admin' })}</NavLink>
                </li>
                <li>
                  <NavLink to="/office/categories">{t('nav.categories', { ns: 'office-admin' })}</NavLink>
                </li>
                <li>
                  <NavLink to="/office/reply-templates">{t('nav.replyTemplates', { ns: 'office-admin' })}</NavLink>
                </li>
              </>
            ) : null}
            {nav.settings ? (
              <li>
                <NavLink to="/office/settings">{t('nav.settings', { ns: 'office-admin' })}</NavLink>
              </li>
            ) : null}
            {nav.audit ? (
              <li>
                <NavLink to="/office/audit">{t('shell.audit')}</NavLink>
              </li>
            ) : null}
            <li>
              <NavLink to="/office/account">{t('shell.account')}</NavLink>
            </li>
          </ul>
        </nav>
        <div className="office-header__user">
          <span>
            {staff.name} · {t(`roles.${staff.role}`)}
          </span>
          <Form method="post" action="/office/sign-out" reloadDocument>
            <button type="submit" className="link-button">
              {t('shell.signOut')}
            </button>
          </Form>
        </div>
      </header>
      <LayoutMain className="office-main" notice={notice} noticeClassName="notice notice--success" />
    </div>
  );
}
