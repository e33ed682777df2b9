// Where to get help now: shown first on the confirmation page when a letter shows signs that
// someone's life may be in danger. The lines come from the admin settings, in the reader's language.
import { useTranslation } from 'react-i18next';

export interface CrisisLineView {
  name: string;
  phone: string;
  hours: string;
}

export function WelfareHelp({ lines }: { lines: CrisisLineView[] }) {
  const { t } = useTranslation('common');
  return (
    <section className="welfare-help" aria-labelledby="welfare-help-title" data-testid="welfare-help">
      <h2 id="welfare-help-title">{t('welfare.title')}</h2>
      <p>{t('welfare.intro')}</p>
      <ul className="welfare-help__lines">
        {lines.map((line) => (
          <li key={`${line.name}-${line.phone}`}>
            <span className="welfare-help__name">{line.name}</span>{' '}
            <a className="welfare-help__phone" href={`tel:${line.phone.split('/')[0]!.replace(/[^0-9+]/g, '')}`}>
              {line.phone}
            </a>
            {line.hours ? <span className="welfare-help__hours"> ({line.hours})</span> : null}
          </li>
        ))}
      </ul>
      <p>{t('welfare.caseNote')}</p>
    </section>
  );
}
