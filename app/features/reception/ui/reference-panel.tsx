// The ends of a citizen's booking: GOV.UK's confirmation panel around the booking reference (after
// booking, and after cancelling), and the way back to the reception days.
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

interface ReferencePanelProps {
  title: string;
  reference: string;
  testId?: string;
  referenceTestId?: string;
}

export function ReferencePanel({ title, reference, testId, referenceTestId }: ReferencePanelProps) {
  const { t } = useTranslation('visits');
  return (
    <div className="panel panel--confirmation" data-testid={testId}>
      <h1 className="panel__title">{title}</h1>
      <div className="panel__body">
        {t('confirmation.referenceLabel')}
        <br />
        <strong className="reference" data-testid={referenceTestId}>
          {reference}
        </strong>
      </div>
    </div>
  );
}

/** What happens next, and the link back to the reception days. */
export function BackToVisits({ body, link }: { body: string; link: string }) {
  return (
    <>
      <p>{body}</p>
      <p>
        <Link to="/visits">{link}</Link>
      </p>
    </>
  );
}
