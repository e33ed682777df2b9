// /office/reply-templates/:templateId: one reply template. Change it, take it out of use or put it
// back. Admins only; every change is audited in app/features/reference-data/reply-templates.server.ts.
import { useActionData, useLoaderData } from '@remix-run/react';
import { editAction } from '#app/features/reference-data/admin-actions.server.ts';
import { TEMPLATE_BODY_MAX, replyTemplateDetail, replyTemplateEditor } from '#app/features/reference-data/reply-templates.server.ts';
import { EditSection, RecordErrorBoundary, RecordPage, useAdminPage } from '#app/features/reference-data/ui/admin-page.tsx';
import { REPLY_TEMPLATE_FORM } from '#app/features/reference-data/ui/form-errors.ts';
import { RecordStatusSection } from '#app/features/reference-data/ui/record-status-section.tsx';
import { ReplyTemplateFields } from '#app/features/reference-data/ui/reply-template-fields.tsx';
import { canManageReferenceData } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { parseParams, route } from '#app/platform/http/route.server.ts';
import { useFormatDate } from '#app/ui/format.ts';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

const PARAMS = { templateId: 'uuid' } as const;
/** Where the page's words are, and the list it belongs to. */
const PAGE = { texts: 'replyTemplates.detail', list: '/office/reply-templates' };

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canManageReferenceData);
  const { templateId } = parseParams(params, PARAMS);
  const { t } = await translatorFor(request);
  const template = await replyTemplateDetail(actor, templateId);
  return { title: t('office-admin:replyTemplates.detail.title', { title: template.title }), template, bodyMax: TEMPLATE_BODY_MAX };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export const action = /* @__PURE__ */ editAction(replyTemplateEditor, '/office/reply-templates', 'templateId');

export default function ReplyTemplatePage() {
  const { template, bodyMax } = useLoaderData<typeof loader>();
  const { form, busy, t } = useAdminPage(useActionData<typeof action>(), REPLY_TEMPLATE_FORM);
  const formatDate = useFormatDate();

  return (
    <RecordPage
      {...PAGE}
      titleValues={{ title: template.title }}
      summary={form.summary}
      facts={[
        { label: t('replyTemplates.columns.kind'), value: t(`kinds.${template.kind}.label`, { ns: 'common' }) },
        { label: t('replyTemplates.columns.locale'), value: t(`languages.${template.locale}`) },
        { label: t('replyTemplates.columns.status'), value: template.active ? t('status.active') : t('status.inactive') },
        { label: t('replyTemplates.columns.createdAt'), value: formatDate(template.createdAt, true) },
      ]}
    >
      <EditSection
        texts="replyTemplates.detail.edit"
        formKey={`${template.kind}|${template.locale}|${template.title}|${template.body}`}
        busy={busy}
      >
        <ReplyTemplateFields form={form} saved={template} bodyMax={bodyMax} />
      </EditSection>

      <RecordStatusSection active={template.active} texts="replyTemplates.detail.statusSection" blocked={null} busy={busy} />
    </RecordPage>
  );
}

export const ErrorBoundary = () => <RecordErrorBoundary {...PAGE} />;
