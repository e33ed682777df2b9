// The detail pages' "Status" section: close a unit, category or reply template, or open it again.
// When the server would refuse, the page says why and offers nothing to press.
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Button } from '#app/ui/button.tsx';

interface RecordStatusSectionProps {
  active: boolean;
  /** Where the section's words are, e.g. "units.detail.statusSection" (office-admin). */
  texts: string;
  /** Why the status cannot change now: a key under `${texts}.blocked`, or null. */
  blocked: string | null;
  busy: boolean;
}

export function RecordStatusSection({ active, texts, blocked, busy }: RecordStatusSectionProps) {
  const { t } = useTranslation('office-admin');
  return (
    <>
      <h2>{t(`${texts}.title`)}</h2>
      {blocked ? (
        <p>{t(`${texts}.blocked.${blocked}`)}</p>
      ) : (
        <>
          <p>{t(`${texts}.${active ? 'activeBody' : 'inactiveBody'}`)}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value={active ? 'deactivate' : 'reactivate'} />
            <Button variant="secondary" className={active ? 'button--warning' : undefined} isDisabled={busy}>
              {t(`${texts}.${active ? 'deactivate' : 'reactivate'}`)}
            </Button>
          </Form>
        </>
      )}
    </>
  );
}
