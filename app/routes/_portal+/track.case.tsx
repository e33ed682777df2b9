import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { caseAttachments } from '#app/features/attachments/attachments.server.ts';
import { TrackCaseFiles } from '#app/features/attachments/ui/attachment-list.tsx';
import { publicCaseView } from '#app/features/cases/cases.server.ts';
import { DEADLINE_ARTICLE } from '#app/features/cases/deadlines.ts';
import { eventLabelKey } from '#app/features/cases/events.ts';
import { PRIVATE_PAGE_HEADERS, trackCookie } from '#app/features/cases/portal-cookies.server.ts';
import { FollowUpOptions } from '#app/features/cases/ui/follow-up-options.tsx';
import { pickLocalized } from '#app/i18n/localized.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { privatePageHeaders } from '#app/platform/http/private-page-headers.ts';
import { Button } from '#app/ui/button.tsx';
import { useFormatDate } from '#app/ui/format.ts';

/** Pages with a case, a code or staff data: browsers and proxies must not keep them. */
export const headers = privatePageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const session = trackCookie.read(request);
  const view = session ? await publicCaseView(session.caseId) : null;
  if (!view) throw redirect('/track', { headers: { 'Set-Cookie': trackCookie.clear() } });
  const { locale, t } = await translatorFor(request);
  const category = pickLocalized(view.category, locale);
  return data(
    {
      title: t('case.title', { receiptNo: view.receiptNo }),
      view: { ...view, categoryName: category },
      now: new Date().toISOString(),
      attachments: session ? await caseAttachments(session.caseId) : [],
    },
    { headers: PRIVATE_PAGE_HEADERS },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

/** Ends the track session in this browser. */
export async function action(_args: ActionFunctionArgs) {
  return redirect('/track', { status: 303, headers: { 'Set-Cookie': trackCookie.clear() } });
}

export default function CasePage() {
  const { view, now, attachments } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <>
      <p className="caption">{t('case.caption')}</p>
      <h1>
        <span className="reference" data-testid="case-receipt">
          {view.receiptNo}
        </span>
      </h1>
      <dl className="summary-list">
        <div>
          <dt>{t('case.subject')}</dt>
          <dd>{view.subject}</dd>
        </div>
        <div>
          <dt>{t('case.kind')}</dt>
          <dd>{t(`kinds.${view.kind}.label`)}</dd>
        </div>
        <div>
          <dt>{t('case.category')}</dt>
          <dd>{view.categoryName}</dd>
        </div>
        <div>
          <dt>{t('case.received')}</dt>
          <dd>{formatDate(view.receivedAt)}</dd>
        </div>
      </dl>

      <section className="status-panel" aria-labelledby="status-title">
        <h2 id="status-title">{t('case.statusTitle')}</h2>
        <p className="status-panel__status" data-testid="case-status">
          <strong className={`tag tag--${view.status.toLowerCase()}`}>{t(`status.${view.status}.title`)}</strong>
        </p>
        <p>{t(`status.${view.status}.description`)}</p>
      </section>

      <h2>{t('case.deadlinesTitle')}</h2>
      <ul className="deadline-list">
        {view.status === 'SUBMITTED' ? (
          <li>
            {t('case.deadlines.acceptance')} <strong>{formatDate(view.acceptDueAt)}</strong>{' '}
            <span className="article">{t('case.article', { article: DEADLINE_ARTICLE.acceptance })}</span>
          </li>
        ) : null}
        {view.replyDueAt && (view.status === 'ACCEPTED' || view.status === 'IN_PROGRESS') ? (
          <li>
            {t('case.deadlines.reply')} <strong>{formatDate(view.replyDueAt)}</strong>{' '}
            <span className="article">{t('case.article', { article: DEADLINE_ARTICLE.reply })}</span>
            {view.extensionDays ? (
              <p>{t('case.deadlines.extended', { days: view.extensionDays, reason: view.extensionReason ?? '' })}</p>
            ) : null}
          </li>
        ) : null}
        {view.reviewRequestDueAt && view.status === 'REPLIED' ? (
          <li>
            {t('case.deadlines.reviewRequest')} <strong>{formatDate(view.reviewRequestDueAt)}</strong>{' '}
            <span className="article">{t('case.article', { article: DEADLINE_ARTICLE.reviewRequest })}</span>
          </li>
        ) : null}
        {['SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'REPLIED'].includes(view.status) ? null : <li>{t('case.deadlines.none')}</li>}
      </ul>

      {view.reply ? (
        <section className="reply" aria-labelledby="reply-title">
          <h2 id="reply-title">{t('case.replyTitle')}</h2>
          <p className="caption">{t('case.replyDate', { date: formatDate(view.reply.at) })}</p>
          <div className="reply__body" data-testid="case-reply">
            {view.reply.message.split(/\n{2,}/).map((paragraph, i) => (
              <p key={i}>{paragraph}</p>
            ))}
          </div>
        </section>
      ) : null}

      <FollowUpOptions view={view} now={now} />

      <TrackCaseFiles attachments={attachments} status={view.status} />

      <h2>{t('case.timelineTitle')}</h2>
      <ol className="timeline" data-testid="case-timeline">
        {view.timeline.map((event, i) => (
          <li key={i}>
            <p className="timeline__date">{formatDate(event.at, true)}</p>
            <p className="timeline__what">{t(eventLabelKey(event.type))}</p>
            {event.message && event.type !== 'REPLY_PUBLISHED' ? <p>{event.message}</p> : null}
          </li>
        ))}
      </ol>

      <Form method="post" className="no-print">
        <Button variant="secondary">{t('case.signOut')}</Button>
      </Form>
    </>
  );
}
