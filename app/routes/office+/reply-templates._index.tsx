// /office/reply-templates: every reply template, and the form that creates one. The case page
// offers the active templates for the case's kind in the reader's language. Admins only; the
// rules and the audit entries live in app/features/reference-data/reply-templates.server.ts.
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import {
  TEMPLATE_BODY_MAX,
  createReplyTemplateFromForm,
  listReplyTemplates,
  type ReplyTemplateField,
  type ReplyTemplateValues,
} from '#app/features/reference-data/reply-templates.server.ts';
import { ReplyTemplateFields, REPLY_TEMPLATE_FIELDS } from '#app/features/reference-data/ui/reply-template-fields.tsx';
import { NO_STORE_HEADERS } from '#app/features/staff/admin.server.ts';
import { canManageReferenceData } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { localeFromRequest } from '#app/i18n/locale.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { Button } from '#app/ui/button.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { useFormatDate } from '#app/ui/format.ts';
import { officeLinks } from '#app/ui/office-styles.ts';

export const links = officeLinks;

export const headers: HeadersFunction = () => NO_STORE_HEADERS;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffAllowed(request, canManageReferenceData);
  const { locale, t } = await translatorFor(request);
  const templates = await listReplyTemplates();
  return data(
    { title: t('office-admin:replyTemplates.list.title'), templates, bodyMax: TEMPLATE_BODY_MAX, locale },
    { headers: NO_STORE_HEADERS },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireStaffAllowed(request, canManageReferenceData);
  const outcome = await createReplyTemplateFromForm(await request.formData(), actor, {
    ipAddress: context.clientIp,
    locale: localeFromRequest(request),
  });
  if (!outcome.ok) return data({ errors: outcome.errors, values: outcome.values }, { status: 400, headers: NO_STORE_HEADERS });
  return redirect(`/office/reply-templates/${outcome.id}?done=created`, { status: 303, headers: NO_STORE_HEADERS });
}

export default function ReplyTemplatesPage() {
  const { templates, bodyMax, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation('office-admin');
  const formatDate = useFormatDate();
  const errors: Partial<Record<ReplyTemplateField, string>> = actionData?.errors ?? {};
  const values: ReplyTemplateValues = actionData?.values ?? {};
  const error = (field: ReplyTemplateField) => {
    const code = errors[field];
    return code ? t(`replyTemplates.errors.${field}.${code}`) : undefined;
  };
  const summary = REPLY_TEMPLATE_FIELDS.filter((field) => errors[field]).map((field) => ({ field, message: error(field) ?? '' }));
  const submitting = navigation.state === 'submitting';

  return (
    <>
      <ErrorSummary errors={summary} />
      <h1>{t('replyTemplates.list.title')}</h1>
      <p>{t('replyTemplates.list.lead')}</p>
      <p>
        <a href="#create-template">{t('replyTemplates.list.createLink')}</a>
      </p>

      <h2 id="templates-table-title">{t('replyTemplates.list.tableTitle')}</h2>
      {templates.length === 0 ? (
        <p>{t('replyTemplates.list.empty')}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="templates-table-title" tabIndex={0}>
          <table className="data-table" aria-labelledby="templates-table-title" data-testid="reply-templates">
            <thead>
              <tr>
                <th scope="col">{t('replyTemplates.columns.title')}</th>
                <th scope="col">{t('replyTemplates.columns.kind')}</th>
                <th scope="col">{t('replyTemplates.columns.locale')}</th>
                <th scope="col">{t('replyTemplates.columns.status')}</th>
                <th scope="col">{t('replyTemplates.columns.createdAt')}</th>
              </tr>
            </thead>
            <tbody>
              {templates.map((template) => (
                <tr key={template.id}>
                  <th scope="row">
                    <Link to={`/office/reply-templates/${template.id}`} lang={template.locale === locale ? undefined : template.locale}>
                      {template.title}
                    </Link>
                  </th>
                  <td>{t(`kinds.${template.kind}.label`, { ns: 'common' })}</td>
                  <td>{t(`languages.${template.locale}`)}</td>
                  <td>{template.active ? t('status.active') : t('status.inactive')}</td>
                  <td>{formatDate(template.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="create-template" tabIndex={-1}>
        {t('replyTemplates.create.title')}
      </h2>
      <p>{t('replyTemplates.create.lead')}</p>
      <Form method="post" noValidate className="form">
        <ReplyTemplateFields error={error} values={values} bodyMax={bodyMax} />
        <Button isDisabled={submitting}>{submitting ? t('replyTemplates.create.submitting') : t('replyTemplates.create.submit')}</Button>
      </Form>
    </>
  );
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';
