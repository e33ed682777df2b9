// /office/cases/:id/warning: raise or lower a case's warning level with a reason, or record that a
// response target was met. Its own page (GOV.UK: one thing per page), back to the case when done.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { WARNING_LEVELS } from '#app/features/cases/attributes.ts';
import { PRIVATE_PAGE_HEADERS } from '#app/features/cases/portal-cookies.server.ts';
import { CaseAccessError, CaseActionError, CaseConflictError, caseForActor, scopeOf } from '#app/features/cases/staff-actions.server.ts';
import { mayChangeWarning, warningChanges } from '#app/features/early-warning/changes.ts';
import { milestoneUpdates, responseWording, targetStatuses, TARGET_KINDS } from '#app/features/early-warning/levels.ts';
import { overrideWarning, recordMilestone, WarningChangeForm } from '#app/features/early-warning/overrides.server.ts';
import { TargetBadge, WarningLevelBadge } from '#app/features/early-warning/ui/warning-badges.tsx';
import { requireStaff } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { privatePageHeaders } from '#app/platform/http/private-page-headers.ts';
import { Button } from '#app/ui/button.tsx';
import { RadioGroup } from '#app/ui/choice-fields.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { officeLinks } from '#app/ui/office-styles.ts';
import { TextField } from '#app/ui/text-field.tsx';

export const headers = privatePageHeaders;
export const links = officeLinks;
export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';

const Params = z.object({ caseId: z.uuid() });

async function load(request: Request, params: unknown) {
  const actor = await requireStaff(request);
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw new Response('Not found', { status: 404 });
  try {
    const row = await caseForActor(actor, parsed.data.caseId);
    const scope = scopeOf(row);
    const changes = warningChanges(actor, scope, row.status);
    if (!mayChangeWarning(changes)) throw new Response('Forbidden', { status: 403 });
    return { actor, row, canOverride: changes.override, canRecord: changes.milestone };
  } catch (error) {
    if (error instanceof CaseAccessError) throw new Response('Not found', { status: 404 });
    throw error;
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { row, canOverride, canRecord } = await load(request, params);
  const { t } = await translatorFor(request);
  const now = new Date();
  const met = { respondedAt: row.respondedAt, progressAt: row.progressAt, resultAt: row.resultAt };
  return data(
    {
      title: t('office-warning:change.title', { receiptNo: row.receiptNo }),
      caseId: row.id,
      receiptNo: row.receiptNo,
      version: row.version,
      level: row.warningLevel,
      wording: responseWording(row.warningLevel),
      targets: targetStatuses(row, met, now),
      // Only milestones that would still change something are offered.
      milestones: TARGET_KINDS.filter((kind) => Object.keys(milestoneUpdates(kind, met, now)).length > 0),
      canOverride,
      canRecord,
      now: now.toISOString(),
    },
    { headers: PRIVATE_PAGE_HEADERS },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

type FieldErrors = Partial<Record<'level' | 'reason' | 'milestone' | 'note', string>>;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, row } = await load(request, params);
  const parsed = WarningChangeForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === 'level' || field === 'reason' || field === 'milestone' || field === 'note') errors[field] ??= issue.message;
    }
    return data({ errors, form: Object.keys(errors).length ? null : 'invalid' }, { status: 400 });
  }
  try {
    if (parsed.data.intent === 'override') await overrideWarning(actor, row.id, parsed.data, context.clientIp);
    else await recordMilestone(actor, row.id, parsed.data);
  } catch (error) {
    if (error instanceof CaseConflictError) return data({ errors: {} as FieldErrors, form: 'conflict' }, { status: 409 });
    if (error instanceof CaseActionError) return data({ errors: {} as FieldErrors, form: error.code }, { status: 422 });
    if (error instanceof CaseAccessError) throw new Response('Forbidden', { status: 403 });
    throw error;
  }
  return redirect(`/office/cases/${row.id}`, { status: 303 });
}

export default function WarningChangePage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation('office-warning');
  const errors = result?.errors ?? {};
  const summary = [
    ...(result?.form ? [{ message: t(`errors.${result.form}`) }] : []),
    ...Object.entries(errors).map(([field, code]) => ({ field, message: t(`errors.${code}`) })),
  ];

  return (
    <>
      <p>
        <Link to={`/office/cases/${page.caseId}`}>{t('change.back', { receiptNo: page.receiptNo })}</Link>
      </p>
      <ErrorSummary errors={summary} />
      <h1>{page.title}</h1>
      <p>
        {t('panel.level')} <WarningLevelBadge level={page.level} />
      </p>
      {page.targets.length > 0 ? (
        <ul className="target-list">
          {page.targets.map((target) => (
            <li key={target.kind}>
              <TargetBadge target={target} wording={page.wording} now={page.now} />
            </li>
          ))}
        </ul>
      ) : null}

      {page.canRecord && page.milestones.length > 0 ? (
        <Form method="post">
          <h2>{t('change.milestoneTitle')}</h2>
          <input type="hidden" name="intent" value="milestone" />
          <input type="hidden" name="version" value={page.version} />
          <RadioGroup
            name="milestone"
            label={t('change.milestone')}
            error={errors.milestone ? t(`errors.${errors.milestone}`) : undefined}
            options={page.milestones.map((kind) => ({ value: kind, label: t(`milestone.${kind}`) }))}
          />
          <TextField
            name="note"
            label={t('change.note')}
            hint={t('change.noteHint')}
            error={errors.note ? t(`errors.${errors.note}`) : undefined}
            multiline={{ maxLength: 2000, rows: 3 }}
          />
          <Button>{t('change.recordMilestone')}</Button>
        </Form>
      ) : null}

      {page.canOverride ? (
        <Form method="post">
          <h2>{t('change.overrideTitle')}</h2>
          <p>{t('change.overrideHint')}</p>
          <input type="hidden" name="intent" value="override" />
          <input type="hidden" name="version" value={page.version} />
          <RadioGroup
            name="level"
            label={t('change.level')}
            error={errors.level ? t(`errors.${errors.level}`) : undefined}
            options={WARNING_LEVELS.filter((level) => level !== page.level).map((level) => ({ value: level, label: t(`level.${level}`) }))}
          />
          <TextField
            name="reason"
            label={t('change.reason')}
            error={errors.reason ? t(`errors.${errors.reason}`) : undefined}
            multiline={{ maxLength: 2000, rows: 3 }}
          />
          <Button>{t('change.override')}</Button>
        </Form>
      ) : null}
    </>
  );
}
