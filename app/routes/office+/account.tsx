// My account, inside the shell: who is signed in, the way to change the password and to turn on
// two-step verification, and which email notifications to receive.
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { myAccount, saveNotificationPreferences } from '#app/features/staff/account.server.ts';
import { requireStaff } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { redirectWithNotice } from '#app/platform/http/notice.server.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { badRequest } from '#app/platform/http/route.ts';
import { Button } from '#app/ui/button.tsx';
import { Checkbox } from '#app/ui/choice-fields.tsx';
import { useFormatDate } from '#app/ui/format.ts';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

/** Recovery codes at or below this count get a warning. */
const FEW_RECOVERY_CODES = 3;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaff(request);
  const { locale, t } = await translatorFor(request);
  const account = await myAccount(actor, locale);
  // The `notifications` namespace (mostly email templates) is not sent to browsers, so this page's
  // few strings travel with its data.
  const notifications = {
    title: t('notifications:preferences.title'),
    lead: t('notifications:preferences.lead'),
    legend: t('notifications:preferences.legend'),
    redAlways: t('notifications:preferences.redAlways'),
    none: t('notifications:preferences.none'),
    save: t('notifications:preferences.save'),
    topics: account.topics.map(({ topic, on }) => ({
      topic,
      label: t(`notifications:preferences.topics.${topic}.label`),
      hint: t(`notifications:preferences.topics.${topic}.hint`),
      on,
    })),
  };
  return { title: `${t('office-auth:account.title')} – ${t('office:shell.name')}`, notifications, account };
}

/** Saves the notification preferences. */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireStaff(request);
  if (!(await saveNotificationPreferences(actor, await readForm(request)))) badRequest();
  return redirectWithNotice('/office/account', { key: 'notifications:preferences.saved' });
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export default function AccountPage() {
  const { account, notifications } = useLoaderData<typeof loader>();
  const { t } = useTranslation('office-auth');
  const navigation = useNavigation();
  const formatDate = useFormatDate();
  return (
    <div className="office-main--narrow">
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
