// /office/staff/:staffId: one account. Change its role and unit, deactivate or reactivate it, end
// all its sessions, and reset its two-step verification when its holder lost the authenticator.
// Admins only; every change is audited in app/features/staff/admin.server.ts.
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  NO_STORE_HEADERS,
  StaffAdminError,
  deactivateStaff,
  endAllSessions,
  listActiveUnits,
  reactivateStaff,
  resetSecondFactor,
  staffDetail,
  updateRoleAndUnit,
  type FieldErrors,
  type UpdateStaffField,
} from '#app/features/staff/admin.server.ts';
import { STAFF_ROLES, canManageStaff } from '#app/features/staff/permissions.ts';
import { currentSession, requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { Button } from '#app/ui/button.tsx';
import { RadioGroup } from '#app/ui/choice-fields.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { useFormatDate } from '#app/ui/format.ts';
import { OfficeErrorBoundary } from '#app/ui/office-error-boundary.tsx';
import { officeLinks } from '#app/ui/office-styles.ts';
import { SelectField } from '#app/ui/select-field.tsx';

export const links = officeLinks;

export const headers: HeadersFunction = () => NO_STORE_HEADERS;

const DONE = [
  'updated',
  'unchanged',
  'deactivated',
  'alreadyInactive',
  'reactivated',
  'alreadyActive',
  'sessionsRevoked',
  'twoFactorReset',
  'twoFactorAlreadyOff',
] as const;
type Done = (typeof DONE)[number];
const INTENTS = ['update', 'deactivate', 'reactivate', 'endSessions', 'resetTwoFactor'] as const;

const notFound = () => new Response('Not Found', { status: 404 });

function staffIdFrom(params: LoaderFunctionArgs['params']): string {
  const parsed = z.uuid().safeParse(params.staffId);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireStaffAllowed(request, canManageStaff);
  const staffId = staffIdFrom(params);
  const { locale, t } = await translatorFor(request);
  const [person, units] = await Promise.all([staffDetail(staffId, locale), listActiveUnits(locale)]);
  if (!person) throw notFound();
  const done = z
    .enum(DONE)
    .optional()
    .catch(undefined)
    .parse(new URL(request.url).searchParams.get('done') ?? undefined);
  return data(
    {
      title: t('office-admin:staff.detail.title', { name: person.name }),
      person,
      units,
      isSelf: person.id === actor.id,
      done: done ?? null,
    },
    { headers: NO_STORE_HEADERS },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireStaffAllowed(request, canManageStaff);
  const staffId = staffIdFrom(params);
  const form = await request.formData();
  const intent = z.enum(INTENTS).safeParse(form.get('intent'));
  if (!intent.success) throw new Response('Bad Request', { status: 400 });
  const ctx = { ipAddress: context.clientIp };
  const back = (done: Done) => redirect(`/office/staff/${staffId}?done=${done}`, { status: 303, headers: NO_STORE_HEADERS });
  try {
    switch (intent.data) {
      case 'update': {
        const outcome = await updateRoleAndUnit(form, actor, staffId, ctx);
        if (!outcome.ok) {
          return data({ errors: outcome.errors, values: outcome.values, formError: null }, { status: 400, headers: NO_STORE_HEADERS });
        }
        return back(outcome.changed ? 'updated' : 'unchanged');
      }
      case 'deactivate':
        return back((await deactivateStaff(actor, staffId, ctx)) ? 'deactivated' : 'alreadyInactive');
      case 'reactivate':
        return back((await reactivateStaff(actor, staffId, ctx)) ? 'reactivated' : 'alreadyActive');
      case 'endSessions': {
        const session = await currentSession(request);
        await endAllSessions(actor, staffId, { ...ctx, currentSessionId: session?.sessionId });
        return back('sessionsRevoked');
      }
      case 'resetTwoFactor':
        return back((await resetSecondFactor(actor, staffId, ctx)) ? 'twoFactorReset' : 'twoFactorAlreadyOff');
    }
  } catch (error) {
    if (error instanceof StaffAdminError && error.code === 'notFound') throw notFound();
    if (error instanceof StaffAdminError && (error.code === 'selfDeactivation' || error.code === 'selfSecondFactorReset')) {
      return data({ errors: {}, values: {}, formError: error.code }, { status: 400, headers: NO_STORE_HEADERS });
    }
    throw error;
  }
}

const UPDATE_FIELDS: readonly UpdateStaffField[] = ['role', 'unitId'];

export default function StaffDetailPage() {
  const { person, units, isSelf, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation('office-admin');
  const formatDate = useFormatDate();
  const errors: FieldErrors<UpdateStaffField> = actionData?.errors ?? {};
  const values: Partial<Record<UpdateStaffField, string>> = actionData?.values ?? {};
  const error = (field: UpdateStaffField) => {
    const code = errors[field];
    return code ? t(`staff.detail.errors.${field}.${code}`) : undefined;
  };
  const summary = [
    ...(actionData?.formError ? [{ message: t(`staff.detail.errors.form.${actionData.formError}`) }] : []),
    ...UPDATE_FIELDS.filter((field) => errors[field]).map((field) => ({ field, message: error(field) ?? '' })),
  ];
  const busy = navigation.state === 'submitting';
  const roleName = (role: string) => t(`roles.${role}`, { ns: 'office' });
  const number = new Intl.NumberFormat(i18n.language);
  const status = person.active ? (person.locked ? t('staff.status.locked') : t('staff.status.active')) : t('staff.status.inactive');

  return (
    <>
      <p>
        <Link to="/office/staff">{t('staff.detail.back')}</Link>
      </p>
      <ErrorSummary errors={summary} />
      <h1>{t('staff.detail.title', { name: person.name })}</h1>
      {/* Always present, so a message that appears after a change is announced. */}
      <div role="status">
        {done ? <p className="notice notice--success">{t(`staff.detail.done.${done}`, { name: person.name })}</p> : null}
      </div>

      <dl className="summary-list">
        <div>
          <dt>{t('staff.columns.email')}</dt>
          <dd>{person.email}</dd>
        </div>
        <div>
          <dt>{t('staff.columns.role')}</dt>
          <dd>{roleName(person.role)}</dd>
        </div>
        <div>
          <dt>{t('staff.columns.unit')}</dt>
          <dd>{person.unitName ?? t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('staff.columns.status')}</dt>
          <dd>{status}</dd>
        </div>
        <div>
          <dt>{t('staff.columns.twoFactor')}</dt>
          <dd>{person.totpEnabled ? t('staff.twoFactor.on') : t('staff.twoFactor.off')}</dd>
        </div>
        <div>
          <dt>{t('staff.detail.password')}</dt>
          <dd>{person.mustChangePassword ? t('staff.detail.passwordState.mustChange') : t('staff.detail.passwordState.set')}</dd>
        </div>
        <div>
          <dt>{t('staff.columns.lastSignIn')}</dt>
          <dd>{person.lastSignInAt ? formatDate(person.lastSignInAt, true) : t('staff.list.neverSignedIn')}</dd>
        </div>
        <div>
          <dt>{t('staff.detail.createdAt')}</dt>
          <dd>{formatDate(person.createdAt, true)}</dd>
        </div>
        <div>
          <dt>{t('staff.detail.activeSessions')}</dt>
          <dd>{number.format(person.activeSessions)}</dd>
        </div>
      </dl>
      <p>
        <Link to={`/office/audit?staff=${person.id}`}>{t('staff.detail.auditLink')}</Link>
      </p>

      <h2>{t('staff.detail.role.title')}</h2>
      {isSelf ? <p>{t('staff.detail.role.selfHint')}</p> : null}
      {/* Remounted when the saved values change, so the fields show what is stored now. */}
      <Form method="post" noValidate className="form" key={`${person.role}:${person.unitId ?? ''}`}>
        <input type="hidden" name="intent" value="update" />
        <RadioGroup
          name="role"
          label={t('staff.create.fields.role.label')}
          error={error('role')}
          defaultValue={values.role ?? person.role}
          options={STAFF_ROLES.map((role) => ({ value: role, label: roleName(role), hint: t(`roleHints.${role}`) }))}
        />
        <SelectField
          name="unitId"
          label={t('staff.create.fields.unitId.label')}
          hint={t('staff.create.fields.unitId.hint')}
          placeholder={t('staff.create.fields.unitId.placeholder')}
          error={error('unitId')}
          defaultValue={values.unitId ?? person.unitId ?? ''}
          options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
        />
        <Button isDisabled={busy}>{t('staff.detail.role.submit')}</Button>
      </Form>

      <h2>{t('staff.detail.sessions.title')}</h2>
      <p>{t('staff.detail.sessions.body')}</p>
      {isSelf ? <p>{t('staff.detail.sessions.selfHint')}</p> : null}
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="endSessions" />
        <Button variant="secondary" isDisabled={busy}>
          {t('staff.detail.sessions.submit')}
        </Button>
      </Form>

      <h2>{t('staff.detail.twoFactor.title')}</h2>
      {isSelf ? (
        <p>{t('staff.detail.twoFactor.selfBody')}</p>
      ) : person.totpEnabled ? (
        <>
          <p>{t('staff.detail.twoFactor.body')}</p>
          <p>{person.twoFactorRequired ? t('staff.detail.twoFactor.required') : t('staff.detail.twoFactor.optional')}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="resetTwoFactor" />
            <Button variant="secondary" className="button--warning" isDisabled={busy}>
              {t('staff.detail.twoFactor.submit')}
            </Button>
          </Form>
        </>
      ) : (
        <p>{person.twoFactorRequired ? t('staff.detail.twoFactor.offRequired') : t('staff.detail.twoFactor.off')}</p>
      )}

      <h2>{t('staff.detail.account.title')}</h2>
      {person.active ? (
        isSelf ? (
          <p>{t('staff.detail.account.selfBody')}</p>
        ) : (
          <>
            <p>{t('staff.detail.account.activeBody')}</p>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="deactivate" />
              <Button variant="secondary" className="button--warning" isDisabled={busy}>
                {t('staff.detail.account.deactivate')}
              </Button>
            </Form>
          </>
        )
      ) : (
        <>
          <p>{t('staff.detail.account.inactiveBody')}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="reactivate" />
            <Button variant="secondary" isDisabled={busy}>
              {t('staff.detail.account.reactivate')}
            </Button>
          </Form>
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation('office-admin');
  return <OfficeErrorBoundary back={{ to: '/office/staff', label: t('staff.detail.back') }} />;
}
