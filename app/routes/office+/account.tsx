// My account, inside the shell: who is signed in, the way to change the password and to turn on
// two-step verification, and which email notifications to receive.
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { db } from '#app/platform/db.server.ts';
import { STAFF_TOPICS, type StaffTopic } from '#app/features/notifications/topics.ts';
import { requiresSecondFactor } from '#app/features/staff/permissions.ts';
import type { Locale } from '#app/i18n/config.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { PRIVATE_PAGE_HEADERS } from '#app/features/cases/portal-cookies.server.ts';
import { mutedAfterSave, topicsForRole } from '#app/features/notifications/preferences.ts';
import { requireStaff } from '#app/features/staff/sign-in.server.ts';
import { Button } from '#app/ui/button.tsx';
import { Checkbox } from '#app/ui/choice-fields.tsx';
import { useFormatDate } from '#app/ui/format.ts';

/** Recovery codes at or below this count get a warning. */
const FEW_RECOVERY_CODES = 3;

/** A notice after a change made on another page (?changed=…); anything else is ignored. */
const Changed = z.enum(['password', 'twoFactor', 'notifications']).nullable().catch(null);

/** The preferences form: a checked box ("on") keeps a topic; an absent one turns it off. */
const On = z.literal('on').optional();
const PreferencesForm = z.object({ assignment: On, warningAlert: On, dueSoon: On, overdueDigest: On } satisfies Record<
  StaffTopic,
  typeof On
>);

function unitName(unit: { nameZhHans: string; nameZhHant: string; nameEn: string }, locale: Locale): string {
  return locale === 'en' ? unit.nameEn : locale === 'zh-Hant' ? unit.nameZhHant : unit.nameZhHans;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaff(request);
  const { locale, t } = await translatorFor(request);
  const user = await db().staffUser.findUniqueOrThrow({
    where: { id: actor.id },
    select: {
      totpEnabledAt: true,
      recoveryCodeHashes: true,
      mutedNotifications: true,
      unit: { select: { nameZhHans: true, nameZhHant: true, nameEn: true } },
    },
  });
  // The `notifications` namespace (mostly email templates) is not sent to browsers, so this page's
  // few strings travel with its data.
  const topics = topicsForRole(actor.role);
  const notifications = {
    title: t('notifications:preferences.title'),
    lead: t('notifications:preferences.lead'),
    legend: t('notifications:preferences.legend'),
    redAlways: t('notifications:preferences.redAlways'),
    none: t('notifications:preferences.none'),
    save: t('notifications:preferences.save'),
    saved: t('notifications:preferences.saved'),
    topics: topics.map((topic) => ({
      topic,
      label: t(`notifications:preferences.topics.${topic}.label`),
      hint: t(`notifications:preferences.topics.${topic}.hint`),
      on: !user.mutedNotifications.includes(topic),
    })),
  };
  return data(
    {
      title: `${t('office-auth:account.title')} – ${t('office:shell.name')}`,
      changed: Changed.parse(new URL(request.url).searchParams.get('changed')),
      notifications,
      account: {
        name: actor.name,
        email: actor.email,
        role: actor.role,
        unit: user.unit ? unitName(user.unit, locale) : null,
        twoFactorRequired: requiresSecondFactor(actor.role),
        twoFactorSince: user.totpEnabledAt?.toISOString() ?? null,
        recoveryCodesLeft: user.recoveryCodeHashes.length,
      },
    },
    { headers: PRIVATE_PAGE_HEADERS },
  );
}

/** data() headers reach only data requests; the HTML page itself needs this to stay out of caches. */
export const headers: HeadersFunction = () => PRIVATE_PAGE_HEADERS;

/** Saves the notification preferences. Red alerts cannot be muted (see staffWantsMessage). */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireStaff(request);
  const form = PreferencesForm.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) throw new Response('Bad request', { status: 400, headers: PRIVATE_PAGE_HEADERS });
  const enabled = new Set(STAFF_TOPICS.filter((topic) => form.data[topic] === 'on'));
  const user = await db().staffUser.findUniqueOrThrow({ where: { id: actor.id }, select: { mutedNotifications: true } });
  await db().staffUser.update({
    where: { id: actor.id },
    data: { mutedNotifications: mutedAfterSave(user.mutedNotifications, topicsForRole(actor.role), enabled) },
  });
  return redirect('/office/account?changed=notifications', { status: 303, headers: PRIVATE_PAGE_HEADERS });
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export default function AccountPage() {
  const { changed, account, notifications } = useLoaderData<typeof loader>();
  const { t } = useTranslation('office-auth');
  const navigation = useNavigation();
  const formatDate = useFormatDate();
  return (
    <div className="office-main--narrow">
      {changed ? (
        <div className="notice notice--success" role="status">
          {changed === 'notifications' ? notifications.saved : t(`account.notices.${changed}`)}
        </div>
      ) : null}
      <h1>{t('account.title')}</h1>

      <h2>{t('account.detailsTitle')}</h2>
      <dl className="summary-list">
        <div>
          <dt>{t('account.name')}</dt>
          <dd>{account.name}</dd>
        </div>
        <div>
          <dt>{t('account.email')}</dt>
          <dd>{account.email}</dd>
        </div>
        <div>
          <dt>{t('account.role')}</dt>
          <dd>{t(`office:roles.${account.role}`)}</dd>
        </div>
        <div>
          <dt>{t('account.unit')}</dt>
          <dd>{account.unit ?? t('account.noUnit')}</dd>
        </div>
      </dl>
      <p className="field__hint">{t('account.detailsHint')}</p>

      <h2>{t('account.securityTitle')}</h2>
      <dl className="summary-list">
        <div>
          <dt>{t('account.password')}</dt>
          <dd>
            <Link to="/office/account/password">{t('account.changePassword')}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('account.twoFactor')}</dt>
          <dd>
            {account.twoFactorSince ? (
              t('account.twoFactorOn', { date: formatDate(account.twoFactorSince) })
            ) : (
              <>
                {t('account.twoFactorOff')} <Link to="/office/account/two-factor">{t('account.setUpTwoFactor')}</Link>
              </>
            )}
            {account.twoFactorRequired ? <span className="field__hint">{t('account.twoFactorRequired')}</span> : null}
          </dd>
        </div>
        {account.twoFactorSince ? (
          <div>
            <dt>{t('account.recoveryCodes')}</dt>
            <dd>
              <span data-testid="recovery-codes-left">{account.recoveryCodesLeft}</span>
              {account.recoveryCodesLeft <= FEW_RECOVERY_CODES ? (
                <span className="field__hint">{t('account.recoveryCodesFew')}</span>
              ) : null}
            </dd>
          </div>
        ) : null}
      </dl>

      <h2 id="notifications">{notifications.title}</h2>
      {notifications.topics.length === 0 ? (
        <p>{notifications.none}</p>
      ) : (
        <Form method="post" noValidate className="form" aria-labelledby="notifications">
          <p>{notifications.lead}</p>
          <fieldset className="field fieldset">
            <legend className="field__label fieldset__legend">{notifications.legend}</legend>
            {notifications.topics.map((item) => (
              <Checkbox key={item.topic} name={item.topic} value="on" defaultSelected={item.on}>
                {item.label}
                <span className="choice__hint">{item.hint}</span>
              </Checkbox>
            ))}
          </fieldset>
          <p className="field__hint" data-testid="red-alerts-always">
            {notifications.redAlways}
          </p>
          <Button isDisabled={navigation.state === 'submitting'}>{notifications.save}</Button>
        </Form>
      )}
    </div>
  );
}
