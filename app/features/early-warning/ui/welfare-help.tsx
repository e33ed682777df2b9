// Where to get help now: shown first on the confirmation page when a letter shows signs that
// someone's life may be in danger. The lines come from the admin settings, in the reader's language.
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { dialNumbers } from '#app/features/early-warning/crisis-lines.ts';

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
            {/* Each number its own link: "110 / 120" as one link would dial 110 for both. */}
            {dialNumbers(line.phone).map((number, i) => (
              <Fragment key={number.dial}>
                {i > 0 ? ' / ' : null}
                <a className="welfare-help__phone" href={`tel:${number.dial}`}>
                  {number.label}
                </a>
              </Fragment>
            ))}
            {line.hours ? <span className="welfare-help__hours"> ({line.hours})</span> : null}
          </li>
        ))}
      </ul>
      <p>{t('welfare.caseNote')}</p>
    </section>
  );
}
