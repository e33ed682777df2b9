// /submit/confirmation: the receipt number and access code of the letter just sent (from a sealed
// cookie, never the URL), the deadlines that now run, and where to get help now if the letter
// showed signs of danger.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { STATUTORY_LIMITS } from '#app/features/cases/deadlines.ts';
import { confirmationOf, forgetReceipt } from '#app/features/cases/submit.server.ts';
import { ReceiptPanel } from '#app/features/cases/ui/receipt-panel.tsx';
import { WelfareHelp } from '#app/features/early-warning/ui/welfare-help.tsx';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { noStoreHeaders } from '#app/platform/http/headers.ts';
import { route } from '#app/platform/http/route.server.ts';
import { useFormatDate } from '#app/ui/format.ts';
import { ShownOnceActions, ShownOnceGone } from '#app/ui/shown-once.tsx';

export const headers = noStoreHeaders;

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const { t, locale } = await translatorFor(request);
  const { receipt, crisisLines } = await confirmationOf(request, locale);
  const title = receipt?.welfareConcern ? `${t('welfare.title')} – ${t('confirmation.title')}` : t('confirmation.title');
  return { title, receipt, crisisLines };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

/** "I have noted it down": forget the receipt in this browser now, not in 30 minutes. */
export const action = /* @__PURE__ */ route(async (_args: ActionFunctionArgs) =>
  redirect('/', { status: 303, headers: { 'Set-Cookie': forgetReceipt() } }),
);

export default function ConfirmationPage() {
  const { receipt, crisisLines } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const formatDate = useFormatDate();

  if (!receipt) {
    const link = { to: '/track', label: t('confirmation.trackLink') };
    return <ShownOnceGone title={t('confirmation.goneTitle')} body={t('confirmation.goneBody')} link={link} />;
  }

  return (
    <>
      {crisisLines.length > 0 ? <WelfareHelp lines={crisisLines} /> : null}
      <ReceiptPanel
        title={t('confirmation.title')}
        receiptNo={receipt.receiptNo}
        accessCode={receipt.accessCode}
        accessCodeNote={t('confirmation.accessCodeWarning')}
        withoutCode={<p className="warning-text">{t('confirmation.accessCodeNotShown')}</p>}
      />

      <h2>{t('confirmation.nextTitle')}</h2>
      <ul className="deadline-list">
        <li>
          {t('confirmation.decisionBy', { days: STATUTORY_LIMITS.acceptanceDays })} <strong>{formatDate(receipt.acceptDueAt)}</strong>
        </li>
        <li>
          {t('confirmation.replyBy', { days: STATUTORY_LIMITS.replyDays })} <strong>{formatDate(receipt.latestReplyDueAt)}</strong>
        </li>
      </ul>
      <p>{t('confirmation.replyNote')}</p>

      <h2>{t('confirmation.trackTitle')}</h2>
      <p>
        {t('confirmation.trackBody')} <Link to="/track">{t('confirmation.trackLink')}</Link>
      </p>

      <ShownOnceActions done={t('confirmation.done')} />
    </>
  );
}
