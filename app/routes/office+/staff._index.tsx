// /office/staff: every staff account, and the form that creates one. Admins only. A new account's
// one-time password is shown once, in the response to the POST that created it, never in a URL.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { CreateSection, ListIntro, useAdminPage } from '#app/features/reference-data/ui/admin-page.tsx';
import { useFieldProps } from '#app/features/reference-data/ui/reference-fields.tsx';
import { createStaff, staffListPage } from '#app/features/staff/admin.server.ts';
import { canManageStaff } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { CreatedNotice } from '#app/features/staff/ui/created-notice.tsx';
import { STAFF_FORM } from '#app/features/staff/ui/form-errors.ts';
import { RoleAndUnitFields } from '#app/features/staff/ui/role-and-unit-fields.tsx';
import { StaffTable } from '#app/features/staff/ui/staff-table.tsx';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { NO_STORE } from '#app/platform/http/headers.ts';
import { respond } from '#app/platform/http/outcome.server.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import { TextField } from '#app/ui/text-field.tsx';

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canManageStaff);
  const { locale, t } = await translatorFor(request);
  const page = await staffListPage(actor, new URL(request.url).searchParams, locale, (role) => t(`office:roles.${role}`));
  return { title: t('office-admin:staff.list.title'), ...page };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export const action = /* @__PURE__ */ route(async ({ request, context }: ActionFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canManageStaff);
  const { locale } = await translatorFor(request);
  const outcome = await createStaff(actor, await readForm(request), { ipAddress: context.clientIp, locale });
  // The one-time password is shown in this answer, once: not a redirect with a notice.
  if (!outcome.ok) return respond(outcome, '/office/staff');
  return data({ created: outcome.created }, { headers: NO_STORE });
});

export default function StaffListPage() {
  const { staff, units, order, params } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const created = actionData && 'created' in actionData ? actionData.created : null;
  const { form, busy, t } = useAdminPage(actionData && 'errors' in actionData ? actionData : null, STAFF_FORM);
  const field = useFieldProps('staff.create.fields', form);

  return (
    <>
      <ListIntro texts="staff.list" createId="create-account" summary={form.summary}>
        {created ? <CreatedNotice created={created} /> : null}
      </ListIntro>

      <h2 id="staff-table-title">{t('staff.list.tableTitle')}</h2>
      {staff.length === 0 ? <p>{t('staff.list.empty')}</p> : <StaffTable staff={staff} order={order} params={params} />}

      <CreateSection id="create-account" texts="staff.create" busy={busy} formKey={created?.id ?? 'new'}>
        <TextField {...field('email')} type="email" autoComplete="off" inputMode="email" spellCheck={false} width="medium" />
        <TextField {...field('name', { hint: false })} autoComplete="off" width="medium" />
        <RoleAndUnitFields form={form} units={units} />
      </CreateSection>
    </>
  );
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';
