// /track/case/notices/:kind: one written notice of the case the citizen's track session opened
// (受理告知书, 信访处理意见书, …), in their language and printable on A4. A step the case has not
// reached has no notice here (404).
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireTrackedCase } from '#app/features/cases/track-session.server.ts';
import { citizenNoticePage, noticeKindParam } from '#app/features/cases/written-notices/notices.server.ts';
import { WrittenNotice } from '#app/features/cases/written-notices/ui/written-notice.tsx';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { noStoreHeaders } from '#app/platform/http/headers.ts';
import { route } from '#app/platform/http/route.server.ts';
import { PrintButton } from '#app/ui/print-button.tsx';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

export const headers = noStoreHeaders;

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const kind = noticeKindParam(params.kind);
  const page = await requireTrackedCase(request, (caseId) => citizenNoticePage(caseId, kind));
  const { t } = await translatorFor(request);
  return { ...page, title: t('writtenNotices.pageTitle', { notice: page.document.title, receiptNo: page.document.receiptNo }) };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export default function CitizenNoticePage() {
  const { document, title } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <div className="no-print">
        <p className="caption">
          <Link to="/track/case">{t('writtenNotices.back')}</Link>
        </p>
        <h1>{title}</h1>
        <PrintButton />
      </div>
      <WrittenNotice document={document} />
    </>
  );
}
