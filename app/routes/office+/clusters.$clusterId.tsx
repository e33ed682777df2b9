// /office/clusters/:id: the cases about one issue, with size, level and trend. Supervisors confirm,
// split or dissolve the cluster, and publish one coordinated reply to every case that can take it.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CLAIM_REASONS_MAX_LENGTH, LEGAL_BASIS_MAX_LENGTH } from '#app/features/cases/claims.ts';
import { LEGAL_REFERENCES_TEXT_MAX_LENGTH } from '#app/features/cases/legal-references.ts';
import { clusterPage, submitClusterChange, type CoordinatedReplyResult } from '#app/features/early-warning/clusters.server.ts';
import { CLUSTER_FIELDS } from '#app/features/early-warning/forms.ts';
import { BoardTable, useCaseColumns } from '#app/features/early-warning/ui/board-table.tsx';
import { WarningLevelBadge } from '#app/features/early-warning/ui/warning-badges.tsx';
import { canViewClusters } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { NO_STORE } from '#app/platform/http/headers.ts';
import { respond } from '#app/platform/http/outcome.server.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { parseParams, route } from '#app/platform/http/route.server.ts';
import { Button } from '#app/ui/button.tsx';
import { Checkbox, RadioGroup } from '#app/ui/choice-fields.tsx';
import { ConfirmSubmitButton, confirmTexts } from '#app/ui/confirm-submit-button.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { useFormatDate } from '#app/ui/format.ts';
import { SummaryList } from '#app/ui/summary-list.tsx';
import { TextField } from '#app/ui/text-field.tsx';
import { useFormErrors } from '#app/ui/use-form-errors.ts';

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';

const PARAMS = { clusterId: 'uuid' } as const;

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canViewClusters);
  const { clusterId } = parseParams(params, PARAMS);
  const { t } = await translatorFor(request);
  const now = new Date();
  const page = await clusterPage(actor, clusterId, now);
  return { ...page, pageTitle: t('office-warning:cluster.title', { title: page.title }), now };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.pageTitle }];

export const action = /* @__PURE__ */ route(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canViewClusters);
  const { clusterId } = parseParams(params, PARAMS);
  const outcome = await submitClusterChange(actor, clusterId, await readForm(request));
  // A coordinated reply says case by case what it reached, which a one-line notice cannot.
  if (outcome.ok && outcome.reply) return data({ reply: outcome.reply }, { headers: NO_STORE });
  return respond(outcome, `/office/clusters/${clusterId}`);
});

/** Where each field's messages are: the split's and the reply's. */
const ERROR_PREFIX = {
  caseIds: 'office-warning:errors.split',
  outcome: 'office-warning:errors.replyOutcome',
  reasons: 'office-warning:errors.replyReasons',
  legalBasis: 'office-warning:errors.replyLegalBasis',
  legalReferences: 'office-warning:errors.replyLegalReferences',
  message: 'office-warning:errors.reply',
} as const;

export default function ClusterPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, i18n } = useTranslation('office-warning');
  const { t: tc } = useTranslation('common');
  const formatDate = useFormatDate();
  const form = useFormErrors(result && 'errors' in result ? result : null, {
    fields: CLUSTER_FIELDS,
    prefix: (field) => ERROR_PREFIX[field],
    formPrefix: 'office-warning:errors',
  });
  const reply: CoordinatedReplyResult | null = result && 'reply' in result ? result.reply : null;
  const number = new Intl.NumberFormat(i18n.language);
  const { caseColumn, levelColumn, targetsColumn } = useCaseColumns(page.now);
  type Row = (typeof page.cases)[number];
  const select = {
    header: t('cluster.columns.select'),
    cell: (c: Row) => (
      <Checkbox name="caseIds" id={`case-${c.id}`} value={c.id}>
        <span className="visually-hidden">{t('cluster.selectCase', { receiptNo: c.receiptNo })}</span>
      </Checkbox>
    ),
  };

  return (
    <>
      <p>
        <Link to="/office/warnings">{t('cluster.back')}</Link>
      </p>
      <ErrorSummary errors={form.summary} />
      <h1>{page.pageTitle}</h1>
      {reply ? (
        <div className="notice" role="status">
          {t('cluster.replyDone', { replied: reply.replied.length, skipped: reply.skipped.length })}
          {reply.skipped.length > 0 ? (
            <ul>
              {reply.skipped.map((s) => (
                <li key={s.receiptNo}>{t(`cluster.skipped.${s.reason}`, { receiptNo: s.receiptNo })}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <SummaryList
        items={[
          { label: t('cluster.size'), value: <span data-testid="cluster-size">{number.format(page.size)}</span> },
          { label: t('cluster.level'), value: <WarningLevelBadge level={page.warningLevel} /> },
          {
            label: t('cluster.trend'),
            value: t('cluster.trendValue', { day: number.format(page.newLast24h), week: number.format(page.newLast7d) }),
          },
          {
            label: t('cluster.state'),
            value: page.dissolved ? t('cluster.dissolved') : page.confirmed ? t('cluster.confirmed') : t('cluster.suggested'),
          },
          { label: t('cluster.since'), value: formatDate(page.createdAt) },
        ]}
      />

      <Form method="post" id="split-form">
        <input type="hidden" name="intent" value="split" />
        <BoardTable
          testId="cluster-cases"
          caption={t('cluster.casesCaption')}
          rows={page.cases}
          columns={[
            ...(page.canManage ? [select] : []),
            caseColumn,
            { header: t('cluster.columns.received'), cell: (c: Row) => formatDate(c.receivedAt) },
            { header: t('cluster.columns.signers'), cell: (c: Row) => number.format(c.coSignerCount) },
            levelColumn,
            targetsColumn,
          ]}
        />
        {page.canManage ? <Button variant="secondary">{t('cluster.split')}</Button> : null}
      </Form>

      {page.canManage ? (
        <>
          <Form method="post">
            <h2>{t('cluster.replyTitle')}</h2>
            <p>{t('cluster.replyHint', { count: page.cases.filter((c) => c.replyable).length })}</p>
            <input type="hidden" name="intent" value="reply" />
            <RadioGroup
              name="outcome"
              label={t('cluster.replyOutcome')}
              hint={t('cluster.replyOutcomeHint')}
              error={form.error('outcome')}
              defaultValue={form.value('outcome')}
              options={page.replyOutcomes.map((value) => ({ value, label: tc(`claimOutcomes.${value}`) }))}
            />
            <TextField
              name="reasons"
              label={t('cluster.replyReasons')}
              error={form.error('reasons')}
              defaultValue={form.value('reasons')}
              multiline={{ maxLength: CLAIM_REASONS_MAX_LENGTH, rows: 4 }}
            />
            <TextField
              name="legalBasis"
              label={tc('claims.legalBasis')}
              hint={tc('claims.legalBasisHint')}
              error={form.error('legalBasis')}
              defaultValue={form.value('legalBasis')}
              multiline={{ maxLength: LEGAL_BASIS_MAX_LENGTH, rows: 3 }}
            />
            <TextField
              name="legalReferences"
              label={t('cluster.replyLegalReferences')}
              hint={t('cluster.replyLegalReferencesHint')}
              error={form.error('legalReferences')}
              defaultValue={form.value('legalReferences')}
              multiline={{ maxLength: LEGAL_REFERENCES_TEXT_MAX_LENGTH, rows: 3 }}
            />
            <TextField
              name="message"
              label={t('cluster.replyLabel')}
              error={form.error('message')}
              defaultValue={form.value('message')}
              multiline={{ maxLength: 20_000, rows: 8 }}
            />
            <ConfirmSubmitButton {...confirmTexts(t, 'cluster.replyConfirm')}>{t('cluster.replyButton')}</ConfirmSubmitButton>
          </Form>
          <div className="actions">
            {!page.confirmed ? <IntentButton intent="confirm" label={t('cluster.confirm')} /> : null}
            <IntentButton intent="dissolve" label={t('cluster.dissolve')} />
          </div>
        </>
      ) : null}
    </>
  );
}

/** A change that needs nothing but a press: its own form. */
function IntentButton({ intent, label }: { intent: string; label: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <Button variant="secondary">{label}</Button>
    </Form>
  );
}
