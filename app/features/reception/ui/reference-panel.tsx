// GOV.UK's confirmation panel around a booking reference: after booking, and after cancelling.
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
