// /track/case/remedy: when the office has missed the date of an answer it owes, a request to the
// body above it to order a correction (arts. 44, 45), ready to print, sign and send. While nothing
// is late there is no such request (404).
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { articleList } from '#app/features/cases/deadlines.ts';
import { remedyRequest } from '#app/features/cases/remedy.server.ts';
import { requireTrackedCaseId } from '#app/features/cases/track-session.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { NotFoundError } from '#app/platform/http/errors.ts';
import { noStoreHeaders } from '#app/platform/http/headers.ts';
import { route } from '#app/platform/http/route.server.ts';
import { useFormatDate } from '#app/ui/format.ts';
import { PrintButton } from '#app/ui/print-button.tsx';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

export const headers = noStoreHeaders;

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const found = await remedyRequest(requireTrackedCaseId(request));
  if (!found) throw new NotFoundError('remedy');
  const { t } = await translatorFor(request);
  return { ...found, title: t('remedy.title') };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export default function RemedyPage() {
  const request = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const formatDate = useFormatDate();
  const step = t(`case.deadlines.${request.missed.kind}`);
  return (
    <>
      <div className="no-print">
        <p className="caption">
          <Link to="/track/case">{t('writtenNotices.back')}</Link>
        </p>
        <h1>{request.title}</h1>
        <p className="lead">{t('remedy.lead')}</p>
        <PrintButton />
      </div>
      <article className="written-notice" aria-labelledby="remedy-letter-title" data-testid="remedy-request">
        <p>{t('remedy.to')}</p>
        <h2 id="remedy-letter-title" className="written-notice__title">
          {t('remedy.letterTitle')}
        </h2>
        <p className="written-notice__reference">{request.receiptNo}</p>
        <p className="written-notice__text">
          {t('remedy.body', {
            received: formatDate(request.receivedAt),
            subject: request.subject,
            receiptNo: request.receiptNo,
            step,
            date: formatDate(request.missed.dueAt),
            article: articleList(request.missed.article, i18n.language),
          })}
        </p>
        <p className="written-notice__text">{t('remedy.ask')}</p>
        <p className="written-notice__signature">{t('remedy.signature')}</p>
      </article>
    </>
  );
}
