// /office/reply-templates: every reply template, and the form that creates one. The case page
// offers the active templates for the case's kind in the reader's language. Admins only; the
// rules and the audit entries live in app/features/reference-data/reply-templates.server.ts.
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { createAction } from '#app/features/reference-data/admin-actions.server.ts';
import { TEMPLATE_BODY_MAX, createReplyTemplate, listReplyTemplates } from '#app/features/reference-data/reply-templates.server.ts';
import { CreateSection, ListIntro, RecordTable, useAdminPage } from '#app/features/reference-data/ui/admin-page.tsx';
import { REPLY_TEMPLATE_FORM } from '#app/features/reference-data/ui/form-errors.ts';
import { ReplyTemplateFields } from '#app/features/reference-data/ui/reply-template-fields.tsx';
import { canManageReferenceData } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import { useFormatDate } from '#app/ui/format.ts';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canManageReferenceData);
  const { locale, t } = await translatorFor(request);
  const templates = await listReplyTemplates(actor);
  return { title: t('office-admin:replyTemplates.list.title'), templates, bodyMax: TEMPLATE_BODY_MAX, locale };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export const action = /* @__PURE__ */ createAction(createReplyTemplate, '/office/reply-templates');

export default function ReplyTemplatesPage() {
  const { templates, bodyMax, locale } = useLoaderData<typeof loader>();
  const { form, busy, t } = useAdminPage(useActionData<typeof action>(), REPLY_TEMPLATE_FORM);
  const formatDate = useFormatDate();

  return (
    <>
      <ListIntro texts="replyTemplates.list" createId="create-template" summary={form.summary} />

      <RecordTable
        list="replyTemplates"
        items={templates}
        columns={[
          {
            label: t('replyTemplates.columns.title'),
            isRowHeader: true,
            cell: (template) => (
              <Link to={`/office/reply-templates/${template.id}`} lang={template.locale === locale ? undefined : template.locale}>
                {template.title}
              </Link>
            ),
          },
          { label: t('replyTemplates.columns.kind'), cell: (template) => t(`kinds.${template.kind}.label`, { ns: 'common' }) },
          { label: t('replyTemplates.columns.locale'), cell: (template) => t(`languages.${template.locale}`) },
          { label: t('replyTemplates.columns.status'), cell: (template) => (template.active ? t('status.active') : t('status.inactive')) },
          { label: t('replyTemplates.columns.createdAt'), cell: (template) => formatDate(template.createdAt) },
        ]}
      />

      <CreateSection id="create-template" texts="replyTemplates.create" busy={busy}>
        <ReplyTemplateFields form={form} bodyMax={bodyMax} />
      </CreateSection>
    </>
  );
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';
