// The claims of a case, numbered, each with the reply's outcome and reasons once answered: the
// citizen's checklist on the track page (逐条答复), and the same list on the back-office case page.
import { useTranslation } from 'react-i18next';
import { citation, type LegalReference } from '#app/features/cases/legal-references.ts';
import type { ClaimOutcome } from '#app/features/cases/claims.ts';

export interface ChecklistClaim {
  position: number;
  text: string;
  outcome: ClaimOutcome | null;
  reasons: string | null;
}

export function ClaimChecklist({
  claims,
  legalBasis,
  legalReferences,
  headingLevel = 'h3',
}: {
  claims: ChecklistClaim[];
  legalBasis: string | null;
  legalReferences: LegalReference[];
  headingLevel?: 'h2' | 'h3' | 'h4';
}) {
  const { t, i18n } = useTranslation('common');
  const Heading = headingLevel;
  const cite = (reference: LegalReference) => {
    const { key, values } = citation(reference, i18n.language);
    return t(key, values);
  };
  return (
    <>
      <ol className="claim-checklist" data-testid="claim-checklist">
        {claims.map((claim) => (
          <li key={claim.position} className="claim-checklist__item">
            <p className="claim-checklist__claim">{claim.text}</p>
            {claim.outcome ? (
              <>
                <p>
                  <strong className={`tag tag--claim-${claim.outcome.toLowerCase()}`} data-testid="claim-outcome">
                    {t(`claimOutcomes.${claim.outcome}`)}
                  </strong>
                </p>
                {claim.reasons ? <p className="claim-checklist__reasons">{claim.reasons}</p> : null}
              </>
            ) : null}
          </li>
        ))}
      </ol>
      {legalBasis ? (
        <>
          <Heading>{t('claims.legalBasis')}</Heading>
          <p className="claim-checklist__basis" data-testid="legal-basis">
            {legalBasis}
          </p>
        </>
      ) : null}
      {legalReferences.length > 0 ? (
        <>
          <Heading>{t('claims.legalReferences')}</Heading>
          <ul className="claim-checklist__references" data-testid="legal-references">
            {legalReferences.map((reference) => (
              <li key={`${reference.law}:${reference.article}:${reference.paragraph ?? ''}`}>{cite(reference)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
