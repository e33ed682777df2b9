// /office/cases/:id/warning: raise or lower a case's warning level with a reason, or record that a
// response target was met. Its own page (GOV.UK: one thing per page), back to the case when done.
// Who may do which is the one rule in app/features/early-warning/changes.ts.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { WARNING_LEVELS } from '#app/features/cases/attributes.ts';
import { WARNING_FIELDS } from '#app/features/early-warning/forms.ts';
import { changeWarning, warningChangePage } from '#app/features/early-warning/overrides.server.ts';
import { TargetList, WarningLevelBadge } from '#app/features/early-warning/ui/warning-badges.tsx';
import { WarningChangeForm } from '#app/features/early-warning/ui/warning-change-form.tsx';
import { requireStaff } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { NO_STORE } from '#app/platform/http/headers.ts';
import { respond } from '#app/platform/http/outcome.server.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { parseParams, route } from '#app/platform/http/route.server.ts';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { under, useFormErrors } from '#app/ui/use-form-errors.ts';

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';

const PARAMS = { caseId: 'uuid' } as const;

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request);
  const { caseId } = parseParams(params, PARAMS);
  const { t } = await translatorFor(request);
  const page = await warningChangePage(actor, caseId);
  return { ...page, title: t('office-warning:change.title', { receiptNo: page.receiptNo }) };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export const action = /* @__PURE__ */ route(async ({ request, params, context }: ActionFunctionArgs) => {
  const actor = await requireStaff(request);
  const { caseId } = parseParams(params, PARAMS);
  const outcome = await changeWarning(actor, caseId, await readForm(request), { ipAddress: context.clientIp });
  // Done: the case page shows the new level and targets, which say it all.
  if (outcome.ok) return redirect(`/office/cases/${caseId}`, { status: 303, headers: NO_STORE });
  return respond(outcome, `/office/cases/${caseId}/warning`);
});

export default function WarningChangePage() {
  const page = useLoaderData<typeof loader>();
  const form = useFormErrors(useActionData<typeof action>(), {
    fields: WARNING_FIELDS,
    prefix: under('office-warning:errors'),
    formPrefix: 'office-warning:errors',
  });
  const { t } = useTranslation('office-warning');
  const otherLevels = WARNING_LEVELS.filter((level) => level !== page.level).map((level) => ({ value: level, label: t(`level.${level}`) }));

  return (
    <>
      <p>
        <Link to={`/office/cases/${page.caseId}`}>{t('change.back', { receiptNo: page.receiptNo })}</Link>
      </p>
      <ErrorSummary errors={form.summary} />
      <h1>{page.title}</h1>
      <p>
        {t('panel.level')} <WarningLevelBadge level={page.level} />
      </p>
      {page.targets.length > 0 ? <TargetList targets={page.targets} wording={page.wording} now={page.now} /> : null}

      {page.canRecord && page.milestones.length > 0 ? (
        <WarningChangeForm
          intent="milestone"
          version={page.version}
          title={t('change.milestoneTitle')}
          choice={{
            name: 'milestone',
            label: t('change.milestone'),
            options: page.milestones.map((kind) => ({ value: kind, label: t(`milestone.${kind}`) })),
          }}
          text={{ name: 'note', label: t('change.note'), hint: t('change.noteHint') }}
          submit={t('change.recordMilestone')}
          form={form}
        />
      ) : null}
      {page.canOverride ? (
        <WarningChangeForm
          intent="override"
          version={page.version}
          title={t('change.overrideTitle')}
          lead={t('change.overrideHint')}
          choice={{ name: 'level', label: t('change.level'), options: otherLevels }}
          text={{ name: 'reason', label: t('change.reason') }}
          submit={t('change.override')}
          form={form}
        />
      ) : null}
    </>
  );
}
