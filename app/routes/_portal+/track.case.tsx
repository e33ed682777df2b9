// /track/case: the case the citizen's track session opened: its status and every date of its clock, the answer,
// what they may do now (with the check-in after the reply, 回访), their files and the public timeline.
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { TrackCaseFiles } from '#app/features/attachments/ui/attachment-list.tsx';
import { isAgreementEvent } from '#app/features/cases/agreements.ts';
import { eventLabelKey } from '#app/features/cases/events.ts';
import { citizenCasePage } from '#app/features/cases/lookup.server.ts';
import { backToLookup, requireTrackedCase } from '#app/features/cases/track-session.server.ts';
import { CheckInPanel } from '#app/features/cases/ui/check-in-panel.tsx';
import { CitizenClockList } from '#app/features/cases/ui/citizen-clock-list.tsx';
import { ClaimChecklist } from '#app/features/cases/ui/claim-checklist.tsx';
import { FollowUpOptions } from '#app/features/cases/ui/follow-up-options.tsx';
import { ReportOpenings } from '#app/features/cases/ui/report-openings.tsx';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { paragraphsOf } from '#app/platform/codecs/text.ts';
import { noStoreHeaders } from '#app/platform/http/headers.ts';
import { route } from '#app/platform/http/route.server.ts';
import { Button } from '#app/ui/button.tsx';
import { useFormatDate } from '#app/ui/format.ts';
import { SummaryList } from '#app/ui/summary-list.tsx';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

export const headers = noStoreHeaders;

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const { locale, t } = await translatorFor(request);
  const page = await requireTrackedCase(request, (caseId) => citizenCasePage(caseId, locale));
  return { title: t('case.title', { receiptNo: page.view.receiptNo }), ...page };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

/** Ends the track session in this browser. */
export const action = /* @__PURE__ */ route(async ({ request }: ActionFunctionArgs) => backToLookup(request));

export default function CasePage() {
  const { view, clock, followUp, checkIn, attachments, report, routedTo, answers, notices } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const asking = checkIn.stage === 'asked' && checkIn.mayAnswer;
  return (
    <>
      <p className="caption">{t('case.caption')}</p>
      <h1>
        <span className="reference" data-testid="case-receipt">
          {view.receiptNo}
        </span>
      </h1>
      <SummaryList
        items={[
          { label: t('case.subject'), value: view.subject },
          { label: t('case.kind'), value: t(`kinds.${view.kind}.label`) },
          { label: t('case.category'), value: view.categoryName },
          { label: t('case.received'), value: formatDate(view.receivedAt) },
        ]}
      />

      <section className="status-panel" aria-labelledby="status-title">
        <h2 id="status-title">{t('case.statusTitle')}</h2>
        <p className="status-panel__status" data-testid="case-status">
          <strong className={`tag tag--${view.status.toLowerCase()}`}>{t(`status.${view.status}.title`)}</strong>
        </p>
        <p>{t(`status.${view.status}.description`)}</p>
        {view.status === 'MERGED' ? <p>{t('case.mergedFollows')}</p> : null}
        {view.routeReason === 'discipline' ? <p data-testid="route-reason">{t('case.routed.discipline')}</p> : null}
        {view.routeReason === 'courts' ? (
          <p data-testid="route-reason">{t('case.routed.courts', { unit: routedTo ?? t('case.routed.legalBody') })}</p>
        ) : null}
      </section>

      {/* The one question after the reply comes first: the citizen followed a message to answer it. */}
      {asking ? <CheckInPanel checkIn={checkIn} /> : null}

      <CitizenClockList
        steps={clock}
        extension={view.extensionDays ? { days: view.extensionDays, reason: view.extensionReason ?? '' } : null}
      />

      {report ? <ReportOpenings report={report} /> : null}

      {view.reply ? (
        <section className="reply" aria-labelledby="reply-title">
          {/* An agreement (art. 33) is named as one, not as a reply. */}
          <h2 id="reply-title">{isAgreementEvent(view.reply.type) ? t(eventLabelKey(view.reply.type)) : t('case.replyTitle')}</h2>
          <p className="caption">{t('case.replyDate', { date: formatDate(view.reply.at) })}</p>
          {view.reply.outcome ? (
            <p data-testid="case-outcome">
              <strong>{t('case.outcome', { outcome: t(`outcomes.${view.reply.outcome}`) })}</strong>
            </p>
          ) : null}
          <div className="reply__body" data-testid="case-reply">
            {paragraphsOf(view.reply.message).map((paragraph, i) => (
              <p key={i}>{paragraph}</p>
            ))}
          </div>
        </section>
      ) : null}

      {answers ? (
        <section className="claims" aria-labelledby="claims-title">
          <h2 id="claims-title">{t('claims.checklistTitle')}</h2>
          <p>{t('claims.checklistIntro')}</p>
          <ClaimChecklist claims={answers.claims} legalBasis={answers.legalBasis} legalReferences={answers.legalReferences} />
        </section>
      ) : null}

      {notices.length > 0 ? (
        <section aria-labelledby="notices-title">
          <h2 id="notices-title">{t('writtenNotices.listTitle')}</h2>
          <ul className="notice-list" data-testid="written-notices">
            {notices.map((notice) => (
              <li key={notice.kind}>
                <Link to={`/track/case/notices/${notice.kind}`}>{t(`writtenNotices.titles.${notice.kind}`)}</Link>{' '}
                <span className="caption">{formatDate(notice.issuedAt)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <FollowUpOptions view={view} choices={followUp} />

      {asking ? null : <CheckInPanel checkIn={checkIn} />}

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
