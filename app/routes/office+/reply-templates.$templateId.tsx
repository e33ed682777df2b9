// /office/reply-templates/:templateId: one reply template. Change it, take it out of use or put it
// back. Admins only; every change is audited in app/features/reference-data/reply-templates.server.ts.
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { idParam } from '#app/features/reference-data/admin-forms.server.ts';
import {
  ReplyTemplateError,
  TEMPLATE_BODY_MAX,
  replyTemplateDetail,
  setReplyTemplateActive,
  updateReplyTemplateFromForm,
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
import { OfficeErrorBoundary } from '#app/ui/office-error-boundary.tsx';
import { officeLinks } from '#app/ui/office-styles.ts';

export const links = officeLinks;

export const headers: HeadersFunction = () => NO_STORE_HEADERS;

const DONE = ['created', 'updated', 'unchanged', 'deactivated', 'alreadyInactive', 'reactivated', 'alreadyActive'] as const;
type Done = (typeof DONE)[number];
const Intent = z.enum(['update', 'deactivate', 'reactivate']);

const notFound = () => new Response('Not Found', { status: 404 });

function templateIdFrom(params: LoaderFunctionArgs['params']): string {
  const id = idParam(params.templateId);
  if (!id) throw notFound();
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaffAllowed(request, canManageReferenceData);
  const templateId = templateIdFrom(params);
  const { t } = await translatorFor(request);
  const template = await replyTemplateDetail(templateId);
  if (!template) throw notFound();
  const done = z
    .enum(DONE)
    .optional()
    .catch(undefined)
    .parse(new URL(request.url).searchParams.get('done') ?? undefined);
  return data(
    {
      title: t('office-admin:replyTemplates.detail.title', { title: template.title }),
      template,
      bodyMax: TEMPLATE_BODY_MAX,
      done: done ?? null,
    },
    { headers: NO_STORE_HEADERS },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireStaffAllowed(request, canManageReferenceData);
  const templateId = templateIdFrom(params);
  const form = await request.formData();
  const intent = Intent.safeParse(form.get('intent'));
  if (!intent.success) throw new Response('Bad Request', { status: 400 });
  const ctx = { ipAddress: context.clientIp, locale: localeFromRequest(request) };
  const back = (done: Done) => redirect(`/office/reply-templates/${templateId}?done=${done}`, { status: 303, headers: NO_STORE_HEADERS });
  try {
    switch (intent.data) {
      case 'update': {
        const outcome = await updateReplyTemplateFromForm(form, actor, templateId, ctx);
        if (!outcome.ok) return data({ errors: outcome.errors, values: outcome.values }, { status: 400, headers: NO_STORE_HEADERS });
        return back(outcome.changed ? 'updated' : 'unchanged');
      }
      case 'deactivate':
        return back((await setReplyTemplateActive(actor, templateId, false, ctx)) ? 'deactivated' : 'alreadyInactive');
      case 'reactivate':
        return back((await setReplyTemplateActive(actor, templateId, true, ctx)) ? 'reactivated' : 'alreadyActive');
    }
  } catch (error) {
    if (error instanceof ReplyTemplateError && error.code === 'notFound') throw notFound();
    throw error;
  }
}

export default function ReplyTemplatePage() {
  const { template, bodyMax, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation('office-admin');
  const formatDate = useFormatDate();
  const errors: Partial<Record<ReplyTemplateField, string>> = actionData?.errors ?? {};
  const posted: ReplyTemplateValues | null = actionData?.values ?? null;
  const values: ReplyTemplateValues = posted ?? {
    kind: template.kind,
    locale: template.locale,
    title: template.title,
    body: template.body,
  };
  const error = (field: ReplyTemplateField) => {
    const code = errors[field];
    return code ? t(`replyTemplates.errors.${field}.${code}`) : undefined;
  };
  const summary = REPLY_TEMPLATE_FIELDS.filter((field) => errors[field]).map((field) => ({ field, message: error(field) ?? '' }));
  const busy = navigation.state === 'submitting';

  return (
    <>
      <p>
        <Link to="/office/reply-templates">{t('replyTemplates.detail.back')}</Link>
      </p>
      <ErrorSummary errors={summary} />
      <h1>{t('replyTemplates.detail.title', { title: template.title })}</h1>
      <div role="status">
        {done ? <p className="notice notice--success">{t(`replyTemplates.detail.done.${done}`, { title: template.title })}</p> : null}
      </div>

      <dl className="summary-list">
        <div>
          <dt>{t('replyTemplates.columns.kind')}</dt>
          <dd>{t(`kinds.${template.kind}.label`, { ns: 'common' })}</dd>
        </div>
        <div>
          <dt>{t('replyTemplates.columns.locale')}</dt>
          <dd>{t(`languages.${template.locale}`)}</dd>
        </div>
        <div>
          <dt>{t('replyTemplates.columns.status')}</dt>
          <dd>{template.active ? t('status.active') : t('status.inactive')}</dd>
        </div>
        <div>
          <dt>{t('replyTemplates.columns.createdAt')}</dt>
          <dd>{formatDate(template.createdAt, true)}</dd>
        </div>
      </dl>

      <h2>{t('replyTemplates.detail.edit.title')}</h2>
      <p>{t('replyTemplates.detail.edit.lead')}</p>
      <Form method="post" noValidate className="form" key={`${template.kind}|${template.locale}|${template.title}|${template.body}`}>
        <input type="hidden" name="intent" value="update" />
        <ReplyTemplateFields error={error} values={values} bodyMax={bodyMax} />
        <Button isDisabled={busy}>{t('replyTemplates.detail.edit.submit')}</Button>
      </Form>

      <h2>{t('replyTemplates.detail.statusSection.title')}</h2>
      {template.active ? (
        <>
          <p>{t('replyTemplates.detail.statusSection.activeBody')}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="deactivate" />
            <Button variant="secondary" className="button--warning" isDisabled={busy}>
              {t('replyTemplates.detail.statusSection.deactivate')}
            </Button>
          </Form>
        </>
      ) : (
        <>
          <p>{t('replyTemplates.detail.statusSection.inactiveBody')}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="reactivate" />
            <Button variant="secondary" isDisabled={busy}>
              {t('replyTemplates.detail.statusSection.reactivate')}
            </Button>
          </Form>
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation('office-admin');
  return <OfficeErrorBoundary back={{ to: '/office/reply-templates', label: t('replyTemplates.detail.back') }} />;
}
