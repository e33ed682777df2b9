// The back-office shell: navigation by role, the signed-in person, sign-out and a skip link
// (from the root layout). Every page below it runs requireStaff in its own loader too.
import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, NavLink, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { officeNav } from '#app/features/staff/office-nav.ts';
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
      nav: officeNav(actor),
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
            {nav.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end}>
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
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
