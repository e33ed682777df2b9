// The receipt number and the access code, as the citizen gets them: on the portal's confirmation
// page, and on the page a clerk hands over after registering a letter, visit or call.
import { useTranslation } from 'react-i18next';
import { formatAccessCode } from '#app/features/cases/access-code.ts';
import type { ReactNode } from 'react';

interface ReceiptPanelProps {
  title: string;
  receiptNo: string;
  accessCode: string | null;
  /** What to tell the reader about the code (keep it safe, hand it over, …). */
  accessCodeNote: ReactNode;
  /** Shown instead of the code when it can no longer be shown. */
  withoutCode?: ReactNode;
}

export function ReceiptPanel({ title, receiptNo, accessCode, accessCodeNote, withoutCode }: ReceiptPanelProps) {
  const { t } = useTranslation('common');
  return (
    <>
      <div className="panel panel--confirmation">
        <h1 className="panel__title">{title}</h1>
        <div className="panel__body">
          {t('confirmation.receiptLabel')}
          <br />
          <strong className="reference" data-testid="receipt-no">
            {receiptNo}
          </strong>
        </div>
      </div>
      {accessCode ? (
        <section className="access-code" aria-labelledby="access-code-title">
          <h2 id="access-code-title">{t('confirmation.accessCodeTitle')}</h2>
          <p className="reference reference--code" data-testid="access-code">
            {formatAccessCode(accessCode)}
          </p>
          <p className="warning-text">{accessCodeNote}</p>
        </section>
      ) : (
        (withoutCode ?? null)
      )}
    </>
  );
}
