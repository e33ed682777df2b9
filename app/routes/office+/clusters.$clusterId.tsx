// /office/clusters/:id: the cases about one issue, with size, level and trend. Supervisors confirm,
// split or dissolve the cluster, and publish one coordinated reply to every case that can take it.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PRIVATE_PAGE_HEADERS } from '#app/features/cases/portal-cookies.server.ts';
import { CaseAccessError, CaseActionError } from '#app/features/cases/staff-actions.server.ts';
import { ClusterChangeForm, ClusterNotFoundError, changeCluster, clusterPage } from '#app/features/early-warning/clusters.server.ts';
import { responseWording } from '#app/features/early-warning/levels.ts';
import { TargetBadge, WarningLevelBadge } from '#app/features/early-warning/ui/warning-badges.tsx';
import { canViewClusters } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { privatePageHeaders } from '#app/platform/http/private-page-headers.ts';
import { Button } from '#app/ui/button.tsx';
import { Checkbox } from '#app/ui/choice-fields.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { useFormatDate } from '#app/ui/format.ts';
import { officeLinks } from '#app/ui/office-styles.ts';
import { TextField } from '#app/ui/text-field.tsx';

export const headers = privatePageHeaders;
export const links = officeLinks;
export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';

const Params = z.object({ clusterId: z.uuid() });

function clusterIdFrom(params: unknown): string {
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw new Response('Not found', { status: 404 });
  return parsed.data.clusterId;
}

function rethrow(error: unknown): never {
  if (error instanceof ClusterNotFoundError) throw new Response('Not found', { status: 404 });
  if (error instanceof CaseAccessError) throw new Response('Forbidden', { status: error.status });
  throw error;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireStaffAllowed(request, canViewClusters);
  const clusterId = clusterIdFrom(params);
  const { t } = await translatorFor(request);
  const now = new Date();
  try {
    const page = await clusterPage(actor, clusterId, now);
    return data(
      { ...page, pageTitle: t('office-warning:cluster.title', { title: page.title }), now: now.toISOString() },
      { headers: PRIVATE_PAGE_HEADERS },
    );
  } catch (error) {
    rethrow(error);
  }
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.pageTitle }];

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireStaffAllowed(request, canViewClusters);
  const clusterId = clusterIdFrom(params);
  const form = await request.formData();
  const parsed = ClusterChangeForm.safeParse({
    intent: form.get('intent'),
    message: form.get('message') ?? undefined,
    caseIds: form.getAll('caseIds'),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0] === 'message' ? 'message' : issue?.path[0] === 'caseIds' ? 'caseIds' : null;
    return data({ kind: 'invalid' as const, field, code: issue?.message ?? 'invalid' }, { status: 400 });
  }
  try {
    const outcome = await changeCluster(actor, clusterId, parsed.data);
    return data({ kind: 'done' as const, intent: parsed.data.intent, ...outcome });
  } catch (error) {
    if (error instanceof CaseActionError) return data({ kind: 'invalid' as const, field: null, code: error.code }, { status: 422 });
    rethrow(error);
  }
}

export default function ClusterPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, i18n } = useTranslation('office-warning');
  const formatDate = useFormatDate();
  const number = new Intl.NumberFormat(i18n.language);
  const invalid = result?.kind === 'invalid' ? result : null;
  const done = result?.kind === 'done' ? result : null;
  const summary = invalid ? [{ field: invalid.field ?? undefined, message: t(`errors.${invalid.code}`) }] : [];

  return (
    <>
      <p>
        <Link to="/office/warnings">{t('cluster.back')}</Link>
      </p>
      <ErrorSummary errors={summary} />
      <h1>{page.pageTitle}</h1>
      {done ? (
        <div className="notice" role="status">
          {done.reply
            ? t('cluster.replyDone', { replied: done.reply.replied.length, skipped: done.reply.skipped.length })
            : t(`cluster.done.${done.intent}`)}
          {done.reply && done.reply.skipped.length > 0 ? (
            <ul>
              {done.reply.skipped.map((s) => (
                <li key={s.receiptNo}>{t(`cluster.skipped.${s.reason}`, { receiptNo: s.receiptNo })}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <dl className="summary-list">
        <div>
          <dt>{t('cluster.size')}</dt>
          <dd data-testid="cluster-size">{number.format(page.size)}</dd>
        </div>
        <div>
          <dt>{t('cluster.level')}</dt>
          <dd>
            <WarningLevelBadge level={page.warningLevel} />
          </dd>
        </div>
        <div>
          <dt>{t('cluster.trend')}</dt>
          <dd>{t('cluster.trendValue', { day: number.format(page.newLast24h), week: number.format(page.newLast7d) })}</dd>
        </div>
        <div>
          <dt>{t('cluster.state')}</dt>
          <dd>{page.dissolved ? t('cluster.dissolved') : page.confirmed ? t('cluster.confirmed') : t('cluster.suggested')}</dd>
        </div>
        <div>
          <dt>{t('cluster.since')}</dt>
          <dd>{formatDate(page.createdAt)}</dd>
        </div>
      </dl>

      <Form method="post" id="split-form">
        <input type="hidden" name="intent" value="split" />
        <table className="board-table" data-testid="cluster-cases">
          <caption className="visually-hidden">{t('cluster.casesCaption')}</caption>
          <thead>
            <tr>
              {page.canManage ? <th scope="col">{t('cluster.columns.select')}</th> : null}
              <th scope="col">{t('board.columns.receipt')}</th>
              <th scope="col">{t('cluster.columns.received')}</th>
              <th scope="col">{t('cluster.columns.signers')}</th>
              <th scope="col">{t('board.columns.level')}</th>
              <th scope="col">{t('board.columns.targets')}</th>
            </tr>
          </thead>
          <tbody>
            {page.cases.map((c) => (
              <tr key={c.id}>
                {page.canManage ? (
                  <td>
                    <Checkbox name="caseIds" id={`case-${c.id}`} value={c.id}>
                      <span className="visually-hidden">{t('cluster.selectCase', { receiptNo: c.receiptNo })}</span>
                    </Checkbox>
                  </td>
                ) : null}
                <td>
                  <Link to={`/office/cases/${c.id}`}>{c.receiptNo}</Link>
                  <br />
                  {c.subject}
                </td>
                <td>{formatDate(c.receivedAt)}</td>
                <td>{number.format(c.coSignerCount)}</td>
                <td>
                  <WarningLevelBadge level={c.warningLevel} />
                </td>
                <td>
                  <ul className="target-list">
                    {c.targets.map((target) => (
                      <li key={target.kind}>
                        <TargetBadge target={target} wording={responseWording(c.warningLevel)} now={page.now} />
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {page.canManage ? <Button variant="secondary">{t('cluster.split')}</Button> : null}
      </Form>

      {page.canManage ? (
        <>
          <Form method="post">
            <h2>{t('cluster.replyTitle')}</h2>
            <p>{t('cluster.replyHint', { count: page.cases.filter((c) => c.replyable).length })}</p>
            <input type="hidden" name="intent" value="reply" />
            <TextField
              name="message"
              label={t('cluster.replyLabel')}
              error={invalid?.field === 'message' ? t(`errors.${invalid.code}`) : undefined}
              multiline={{ maxLength: 20_000, rows: 8 }}
            />
            <Button>{t('cluster.replyButton')}</Button>
          </Form>
          <div className="actions">
            {!page.confirmed ? (
              <Form method="post">
                <input type="hidden" name="intent" value="confirm" />
                <Button variant="secondary">{t('cluster.confirm')}</Button>
              </Form>
            ) : null}
            <Form method="post">
              <input type="hidden" name="intent" value="dissolve" />
              <Button variant="secondary">{t('cluster.dissolve')}</Button>
            </Form>
          </div>
        </>
      ) : null}
    </>
  );
}
