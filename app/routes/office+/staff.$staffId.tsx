// /office/staff/:staffId: one account. Change its role and unit, deactivate or reactivate it, end
// all its sessions, lift a sign-in lock, and reset its two-step verification when its holder lost the authenticator.
// Admins only; every change is audited in app/features/staff/admin.server.ts.
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { editRecord } from '#app/features/reference-data/admin-forms.server.ts';
import { EditSection, RecordErrorBoundary, RecordPage, useAdminPage } from '#app/features/reference-data/ui/admin-page.tsx';
import { IntentButton, RecordStatusSection } from '#app/features/reference-data/ui/record-status-section.tsx';
import { listActiveUnits, staffDetail, staffEditor } from '#app/features/staff/admin.server.ts';
import { canManageStaff } from '#app/features/staff/permissions.ts';
import { currentSession, requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { STAFF_EDIT_FORM } from '#app/features/staff/ui/form-errors.ts';
import { RoleAndUnitFields } from '#app/features/staff/ui/role-and-unit-fields.tsx';
import { StaffStatus } from '#app/features/staff/ui/staff-table.tsx';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { respond } from '#app/platform/http/outcome.server.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { parseParams, route } from '#app/platform/http/route.server.ts';
import { useFormatDate } from '#app/ui/format.ts';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

const PARAMS = { staffId: 'uuid' } as const;
/** Where the page's words are, and the list it belongs to. */
const PAGE = { texts: 'staff.detail', list: '/office/staff' };

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canManageStaff);
  const { staffId } = parseParams(params, PARAMS);
  const { locale, t } = await translatorFor(request);
  const [person, units] = await Promise.all([staffDetail(actor, staffId, locale), listActiveUnits(locale)]);
  return { title: t('office-admin:staff.detail.title', { name: person.name }), person, units };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export const action = /* @__PURE__ */ route(async ({ request, params, context }: ActionFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canManageStaff);
  const { staffId } = parseParams(params, PARAMS);
  const { locale } = await translatorFor(request);
  // Ending one's own sessions keeps the one making this request.
  const session = await currentSession(request);
  const outcome = await editRecord(staffEditor, actor, staffId, await readForm(request), {
    ipAddress: context.clientIp,
    locale,
    currentSessionId: session?.sessionId,
  });
  return respond(outcome, `/office/staff/${staffId}`);
});

export default function StaffDetailPage() {
  const { person, units } = useLoaderData<typeof loader>();
  const { form, busy, t, number } = useAdminPage(useActionData<typeof action>(), STAFF_EDIT_FORM);
  const formatDate = useFormatDate();

  return (
    <RecordPage
      {...PAGE}
      titleValues={{ name: person.name }}
      summary={form.summary}
      facts={[
        { label: t('staff.columns.email'), value: person.email },
        { label: t('staff.columns.role'), value: t(`roles.${person.role}`, { ns: 'office' }) },
        { label: t('staff.columns.unit'), value: person.unitName ?? t('common.none') },
        { label: t('staff.columns.status'), value: <StaffStatus person={person} /> },
        { label: t('staff.columns.twoFactor'), value: person.totpEnabled ? t('staff.twoFactor.on') : t('staff.twoFactor.off') },
        {
          label: t('staff.detail.password'),
          value: person.mustChangePassword ? t('staff.detail.passwordState.mustChange') : t('staff.detail.passwordState.set'),
        },
        {
          label: t('staff.columns.lastSignIn'),
          value: person.lastSignInAt ? formatDate(person.lastSignInAt, true) : t('staff.list.neverSignedIn'),
        },
        { label: t('staff.detail.createdAt'), value: formatDate(person.createdAt, true) },
        { label: t('staff.detail.activeSessions'), value: number.format(person.activeSessions) },
      ]}
    >
      <p>
        <Link to={`/office/audit?staff=${person.id}`}>{t('staff.detail.auditLink')}</Link>
      </p>

      <EditSection
        texts="staff.detail.role"
        lead={person.self ? <p>{t('staff.detail.role.selfHint')}</p> : null}
        formKey={`${person.role}:${person.unitId ?? ''}`}
        busy={busy}
      >
        <RoleAndUnitFields form={form} units={units} saved={person} />
      </EditSection>

      <h2>{t('staff.detail.sessions.title')}</h2>
      <p>{t('staff.detail.sessions.body')}</p>
      {person.self ? <p>{t('staff.detail.sessions.selfHint')}</p> : null}
      <IntentButton intent="endSessions" label={t('staff.detail.sessions.submit')} busy={busy} />

      {person.locked ? (
        <>
          <h2>{t('staff.detail.unlock.title')}</h2>
          <p>{t('staff.detail.unlock.body')}</p>
          <IntentButton intent="unlock" label={t('staff.detail.unlock.submit')} busy={busy} />
        </>
      ) : null}

      <h2>{t('staff.detail.twoFactor.title')}</h2>
      {person.resetRefusal ? (
        <p>{t('staff.detail.twoFactor.selfBody')}</p>
      ) : person.totpEnabled ? (
        <>
          <p>{t('staff.detail.twoFactor.body')}</p>
          <p>{person.twoFactorRequired ? t('staff.detail.twoFactor.required') : t('staff.detail.twoFactor.optional')}</p>
          <IntentButton intent="resetTwoFactor" label={t('staff.detail.twoFactor.submit')} warning busy={busy} />
        </>
      ) : (
        <p>{person.twoFactorRequired ? t('staff.detail.twoFactor.offRequired') : t('staff.detail.twoFactor.off')}</p>
      )}

      <RecordStatusSection active={person.active} texts="staff.detail.account" blocked={person.statusRefusal} busy={busy} />
    </RecordPage>
  );
}

export const ErrorBoundary = () => <RecordErrorBoundary {...PAGE} />;
