// /office/calendar: the public-holiday calendar that working-day limits count with (the days in
// it by year, each with a button that removes it), the form that adds or changes one day, and the
// form that imports a CSV or iCalendar file. Admins only; the rules, the import and the audit
// entries live in app/features/calendar/.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { FILES_FIELD } from '#app/features/attachments/rules.ts';
import { ADD_DAY_FIELDS, CALENDAR_DAY_KINDS, type CalendarEntry } from '#app/features/calendar/calendar-days.ts';
import { calendarPage, changeCalendar } from '#app/features/calendar/calendar.server.ts';
import { CalendarFileField } from '#app/features/calendar/ui/calendar-file-field.tsx';
import { useAdminPage } from '#app/features/reference-data/ui/admin-page.tsx';
import { canManageCalendar } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { NO_STORE } from '#app/platform/http/headers.ts';
import { redirectWithNotice } from '#app/platform/http/notice.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import { Button } from '#app/ui/button.tsx';
import { RadioGroup } from '#app/ui/choice-fields.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { useFormatDay } from '#app/ui/format.ts';
import { SimpleTable } from '#app/ui/simple-table.tsx';
import { TextField } from '#app/ui/text-field.tsx';
import { under } from '#app/ui/use-form-errors.ts';

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canManageCalendar);
  const { t } = await translatorFor(request);
  return { title: t('office-admin:calendar.title'), ...(await calendarPage(actor)) };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export const action = /* @__PURE__ */ route(async ({ request, context }: ActionFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canManageCalendar);
  const { locale } = await translatorFor(request);
  const outcome = await changeCalendar(actor, request, { ipAddress: context.clientIp, locale });
  if (outcome.ok) return redirectWithNotice('/office/calendar', outcome.notice);
  const { form, errors, values, formError, importProblem } = outcome;
  return data({ form, errors, values, formError, importProblem }, { status: outcome.status, headers: NO_STORE });
});

export default function CalendarPage() {
  const { years, limits } = useLoaderData<typeof loader>();
  const problem = useActionData<typeof action>();
  const formatDay = useFormatDay();
  const { form, busy, t, number } = useAdminPage(problem?.form === 'add' ? problem : null, {
    fields: ADD_DAY_FIELDS,
    prefix: under('office-admin:calendar.errors'),
    messageValues: { max: limits.nameMax },
  });

  const importProblem = problem?.form === 'import' ? problem.importProblem : null;
  const importError = importProblem
    ? [
        importProblem.line ? t('calendar.errors.import.atLine', { line: importProblem.line }) : null,
        importProblem.event ? t('calendar.errors.import.atEvent', { event: importProblem.event }) : null,
        t(`calendar.errors.import.${importProblem.code}`, {
          day: importProblem.day ?? '',
          maxKilobytes: number.format(limits.maxFileKilobytes),
          maxDays: number.format(limits.maxImportDays),
          max: limits.nameMax,
        }),
      ]
        .filter(Boolean)
        .join(' ')
    : undefined;
  const summary = [
    ...form.summary,
    ...(importError ? [{ field: FILES_FIELD, message: importError }] : []),
    ...(problem?.form === 'remove' ? [{ message: t('calendar.errors.remove') }] : []),
    ...(problem?.formError ? [{ message: t(`calendar.errors.form.${problem.formError}`) }] : []),
  ];
  const kindLabel = (entry: CalendarEntry) => t(`calendar.kinds.${entry.kind}.short`);

  return (
    <>
      <ErrorSummary errors={summary} />
      <h1>{t('calendar.title')}</h1>
      <p>{t('calendar.lead')}</p>
      <p>{t('calendar.calendarDays')}</p>
      <ul>
        <li>
          <a href="#add-day">{t('calendar.add.title')}</a>
        </li>
        <li>
          <a href="#import">{t('calendar.import.title')}</a>
        </li>
      </ul>

      <h2 id="calendar-days">{t('calendar.list.title')}</h2>
      {years.length === 0 ? <p>{t('calendar.list.empty')}</p> : null}
      {years.map((year) => (
        <section key={year.year} aria-labelledby={`year-${year.year}`}>
          <h3 id={`year-${year.year}`}>{t('calendar.list.year', { year: year.year })}</h3>
          <p>{t('calendar.list.counts', { holidays: year.holidays, workdays: year.workdays })}</p>
          <SimpleTable
            labelledBy={`year-${year.year}`}
            testId={`calendar-${year.year}`}
            items={year.days}
            itemKey={(entry) => entry.day}
            columns={[
              { label: t('calendar.columns.day'), isRowHeader: true, cell: (entry) => formatDay.day(entry.day) },
              { label: t('calendar.columns.kind'), cell: kindLabel },
              { label: t('calendar.columns.name'), cell: (entry) => entry.name ?? t('common.none') },
              {
                label: t('calendar.columns.change'),
                cell: (entry) => (
                  <Form method="post" noValidate>
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="day" value={entry.day} />
                    <Button variant="secondary" isDisabled={busy}>
                      {t('calendar.remove')}
                      <span className="visually-hidden"> {formatDay.day(entry.day)}</span>
                    </Button>
                  </Form>
                ),
              },
            ]}
          />
        </section>
      ))}

      <h2 id="add-day" tabIndex={-1}>
        {t('calendar.add.title')}
      </h2>
      <p>{t('calendar.add.lead')}</p>
      <Form method="post" noValidate className="form">
        <input type="hidden" name="intent" value="add" />
        <TextField
          name="day"
          label={t('calendar.fields.day.label')}
          hint={t('calendar.fields.day.hint')}
          error={form.error('day')}
          defaultValue={form.value('day') ?? ''}
          autoComplete="off"
          spellCheck={false}
          width="short"
        />
        <RadioGroup
          name="kind"
          label={t('calendar.fields.kind.label')}
          error={form.error('kind')}
          defaultValue={form.value('kind') ?? ''}
          options={CALENDAR_DAY_KINDS.map((kind) => ({
            value: kind,
            label: t(`calendar.kinds.${kind}.label`),
            hint: t(`calendar.kinds.${kind}.hint`),
          }))}
        />
        <TextField
          name="name"
          label={t('calendar.fields.name.label')}
          hint={t('calendar.fields.name.hint', { max: limits.nameMax })}
          error={form.error('name')}
          defaultValue={form.value('name') ?? ''}
          autoComplete="off"
        />
        <Button isDisabled={busy}>{t('calendar.add.submit')}</Button>
      </Form>

      <h2 id="import" tabIndex={-1}>
        {t('calendar.import.title')}
      </h2>
      <p>{t('calendar.import.lead')}</p>
      <ul>
        <li>{t('calendar.import.csv')}</li>
        <li>{t('calendar.import.ics')}</li>
        <li>{t('calendar.import.never')}</li>
      </ul>
      <Form method="post" encType="multipart/form-data" noValidate className="form">
        <input type="hidden" name="intent" value="import" />
        <CalendarFileField
          label={t('calendar.import.fileLabel')}
          hint={t('calendar.import.fileHint', { maxKilobytes: number.format(limits.maxFileKilobytes) })}
          error={importError}
        />
        <Button isDisabled={busy}>{t('calendar.import.submit')}</Button>
      </Form>
    </>
  );
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';
