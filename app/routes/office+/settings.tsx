// /office/settings: the run-time settings in force (the built-in defaults until an admin saves
// something) and the forms that change them: the office's name on its written notices, the crisis
// support lines the portal shows people at risk, per language, the clustering of similar cases, the
// days before the check-in after the reply (回访), the units the statute sends cases to, and how
// long personal data is kept. Admins only; each save is audited in
// app/features/settings/admin.server.ts.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import {
  saveSettings,
  settingsPage,
  type ClusteringField,
  type CrisisLinesField,
  type LineError,
  type OfficeNameField,
  type RetentionField,
  type RoutingField,
} from '#app/features/settings/admin.server.ts';
import { canManageSettings } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { LOCALES, type Locale } from '#app/i18n/config.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { NO_STORE } from '#app/platform/http/headers.ts';
import { redirectWithNotice } from '#app/platform/http/notice.server.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import { Button } from '#app/ui/button.tsx';
import { CheckboxList } from '#app/ui/checkbox-list.tsx';
import { Checkbox } from '#app/ui/choice-fields.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { useFormatDate } from '#app/ui/format.ts';
import { SelectField } from '#app/ui/select-field.tsx';
import { TextField } from '#app/ui/text-field.tsx';
import type { ReactNode } from 'react';

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canManageSettings);
  const { t, locale } = await translatorFor(request);
  return { title: t('office-admin:settings.title'), ...(await settingsPage(actor, locale)) };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export const action = /* @__PURE__ */ route(async ({ request, context }: ActionFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canManageSettings);
  const { locale } = await translatorFor(request);
  const outcome = await saveSettings(actor, await readForm(request), { ipAddress: context.clientIp, locale });
  // Not respond(): a support line's problem names its line, which a field's code cannot carry.
  if (outcome.ok) return redirectWithNotice('/office/settings', outcome.notice);
  return data(outcome.problem, { status: outcome.status, headers: NO_STORE });
});

export default function SettingsPage() {
  const { fields, office, crisisLines, clustering, checkIn, routing, retention, limits } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation('office-admin');
  const formatDate = useFormatDate();
  const decimal = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const busy = navigation.state === 'submitting';

  const officeErrors: Partial<Record<OfficeNameField, string>> = actionData?.office?.errors ?? {};
  const officeValues: Partial<Record<OfficeNameField, string>> = actionData?.office?.values ?? {};
  const officeError = (locale: Locale) => {
    const code = officeErrors[office.fields[locale]];
    return code ? t(`settings.office.errors.${code}`, { language: t(`languages.${locale}`), max: limits.officeName[locale] }) : undefined;
  };
  const lineErrors: Partial<Record<CrisisLinesField, LineError>> = actionData?.crisisLines?.errors ?? {};
  const lineValues: Partial<Record<CrisisLinesField, string>> = actionData?.crisisLines?.values ?? {};
  const clusteringErrors: Partial<Record<ClusteringField, string>> = actionData?.clustering?.errors ?? {};
  const clusteringValues: Partial<Record<ClusteringField, string>> = actionData?.clustering?.values ?? {};

  const lineError = (locale: Locale) => {
    const problem = lineErrors[fields[locale]];
    if (!problem) return undefined;
    return t(`settings.crisisLines.errors.${problem.code}`, {
      line: problem.line,
      language: t(`languages.${locale}`),
      max: limits.lines,
      maxLength: limits.textMax,
    });
  };
  const checkInCode = actionData?.checkIn?.errors.checkInDays;
  const checkInError = checkInCode ? t(`settings.checkIn.errors.${checkInCode}`, { max: limits.checkInDaysMax }) : undefined;
  const clusteringError = (field: ClusteringField) => {
    const code = clusteringErrors[field];
    return code
      ? t(`settings.clustering.errors.${field}.${code}`, {
          min: decimal.format(limits.similarityMin),
          max: decimal.format(limits.similarityMax),
        })
      : undefined;
  };
  const routingErrors: Partial<Record<RoutingField, string>> = actionData?.routing?.errors ?? {};
  const routingValues: Partial<Record<RoutingField, string>> = actionData?.routing?.values ?? {};
  const routingError = (field: RoutingField) => {
    const code = routingErrors[field];
    return code ? t(`settings.routing.errors.${field}.${code}`, { max: limits.courtCategories }) : undefined;
  };
  const retentionErrors: Partial<Record<RetentionField, string>> = actionData?.retention?.errors ?? {};
  const retentionValues: Partial<Record<RetentionField, string>> = actionData?.retention?.values ?? {};
  const retentionError = (field: RetentionField) => {
    const code = retentionErrors[field];
    return code ? t(`settings.retention.errors.${field}.${code}`, limits.retention[field]) : undefined;
  };
  const summary = [
    ...LOCALES.filter((locale) => officeErrors[office.fields[locale]]).map((locale) => ({
      field: office.fields[locale],
      message: officeError(locale) ?? '',
    })),
    ...LOCALES.filter((locale) => lineErrors[fields[locale]]).map((locale) => ({
      field: fields[locale],
      message: lineError(locale) ?? '',
    })),
    ...(['clusteringEnabled', 'similarity'] as const)
      .filter((field) => clusteringErrors[field])
      .map((field) => ({ field, message: clusteringError(field) ?? '' })),
    ...(checkInError ? [{ field: 'checkInDays', message: checkInError }] : []),
    ...[...routing.fields, 'courtCategories' as const]
      .filter((field) => routingErrors[field])
      .map((field) => ({ field, message: routingError(field) ?? '' })),
    ...retention.fields.filter((field) => retentionErrors[field]).map((field) => ({ field, message: retentionError(field) ?? '' })),
  ];
  const state = (setting: { stored: boolean; updatedAt: string | null; updatedBy: string | null }) =>
    setting.stored && setting.updatedAt
      ? t('settings.lastChanged', { date: formatDate(setting.updatedAt, true), name: setting.updatedBy ?? t('audit.system') })
      : t('settings.defaults');

  return (
    <>
      <ErrorSummary errors={summary} />
      <h1>{t('settings.title')}</h1>
      <p>{t('settings.lead')}</p>

      <SettingSection id="office-name" intent="office" inForce={state(office)} busy={busy} key={`office:${office.updatedAt ?? ''}`}>
        {LOCALES.map((locale) => (
          <TextField
            key={locale}
            name={office.fields[locale]}
            label={t('settings.office.fieldLabel', { language: t(`languages.${locale}`) })}
            error={officeError(locale)}
            defaultValue={officeValues[office.fields[locale]] ?? office.value[locale]}
            autoComplete="organization"
            spellCheck={false}
          />
        ))}
      </SettingSection>

      <SettingSection
        id="crisis-lines"
        intent="crisisLines"
        inForce={state(crisisLines)}
        busy={busy}
        key={`crisisLines:${crisisLines.updatedAt ?? ''}`}
      >
        {LOCALES.map((locale) => {
          const field = fields[locale];
          return (
            <TextField
              key={field}
              name={field}
              label={t('settings.crisisLines.fieldLabel', { language: t(`languages.${locale}`) })}
              hint={t('settings.crisisLines.fieldHint', { max: limits.lines })}
              error={lineError(locale)}
              defaultValue={lineValues[field] ?? crisisLines.text[field] ?? ''}
              spellCheck={false}
              multiline={{ maxLength: limits.textMax, rows: 6 }}
            />
          );
        })}
      </SettingSection>

      <SettingSection
        id="clustering"
        intent="clustering"
        inForce={state(clustering)}
        busy={busy}
        key={`clustering:${clustering.updatedAt ?? ''}`}
      >
        <Checkbox
          name="clusteringEnabled"
          value="yes"
          error={clusteringError('clusteringEnabled')}
          defaultSelected={actionData?.clustering ? clusteringValues.clusteringEnabled === 'yes' : clustering.value.enabled}
        >
          {t('settings.clustering.enabled')}
        </Checkbox>
        <TextField
          name="similarity"
          label={t('settings.clustering.similarity.label')}
          hint={t('settings.clustering.similarity.hint', {
            min: decimal.format(limits.similarityMin),
            max: decimal.format(limits.similarityMax),
          })}
          error={clusteringError('similarity')}
          defaultValue={clusteringValues.similarity ?? String(clustering.value.similarity)}
          autoComplete="off"
          spellCheck={false}
          width="short"
        />
      </SettingSection>

      <SettingSection id="check-in" intent="checkIn" inForce={state(checkIn)} busy={busy} key={`checkIn:${checkIn.updatedAt ?? ''}`}>
        <TextField
          name="checkInDays"
          label={t('settings.checkIn.days.label')}
          hint={t('settings.checkIn.days.hint', { max: limits.checkInDaysMax })}
          error={checkInError}
          defaultValue={actionData?.checkIn?.values.checkInDays ?? String(checkIn.value.days)}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          width="short"
        />
      </SettingSection>

      <SettingSection id="routing" intent="routing" inForce={state(routing)} busy={busy} key={`routing:${routing.updatedAt ?? ''}`}>
        {routing.fields.map((field) => {
          const closed = routing.notActive.find((entry) => entry.field === field);
          return (
            <SelectField
              key={field}
              name={field}
              label={t(`settings.routing.${field}.label`)}
              hint={
                closed
                  ? `${t(`settings.routing.${field}.hint`)} ${t('settings.routing.notActive', { code: closed.code })}`
                  : t(`settings.routing.${field}.hint`)
              }
              placeholder={t(`settings.routing.${field}.none`)}
              error={routingError(field)}
              defaultValue={routingValues[field] ?? routing.value[field] ?? ''}
              options={routing.units}
            />
          );
        })}
        <CheckboxList
          name="courtCategories"
          legend={t('settings.routing.courtCategories.legend')}
          hint={t('settings.routing.courtCategories.hint')}
          options={routing.categories}
          selected={actionData?.routing ? (routingValues.courtCategories?.split('\n') ?? []) : routing.value.courtCategories}
          error={routingError('courtCategories')}
        />
      </SettingSection>

      <SettingSection
        id="retention"
        intent="retention"
        inForce={state(retention)}
        busy={busy}
        key={`retention:${retention.updatedAt ?? ''}`}
      >
        {retention.fields.map((field) => (
          <TextField
            key={field}
            name={field}
            label={t(`settings.retention.${field}.label`)}
            hint={t(`settings.retention.${field}.hint`, limits.retention[field])}
            error={retentionError(field)}
            defaultValue={retentionValues[field] ?? String(retention.value[field])}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            width="short"
          />
        ))}
      </SettingSection>
    </>
  );
}

/** One setting's section: its heading and what it does, the value in force, and its form with its own intent and button. */
function SettingSection({
  id,
  intent,
  inForce,
  busy,
  children,
}: {
  id: string;
  intent: string;
  inForce: string;
  busy: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation('office-admin');
  return (
    <>
      <h2 id={id}>{t(`settings.${intent}.title`)}</h2>
      <p>{t(`settings.${intent}.lead`)}</p>
      <p>{inForce}</p>
      <Form method="post" noValidate className="form" aria-labelledby={id}>
        <input type="hidden" name="intent" value={intent} />
        {children}
        <Button isDisabled={busy}>{t(`settings.${intent}.submit`)}</Button>
      </Form>
    </>
  );
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';
