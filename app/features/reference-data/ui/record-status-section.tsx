// The detail pages' one-button changes: the "Status" section that closes a unit, category, reply
// template or staff account, or opens it again, and the other buttons of a page (end sessions).
// When the server would refuse, the section says why and offers nothing to press.
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Button } from '#app/ui/button.tsx';

interface IntentButtonProps {
  /** What the page's action does (editRecord in admin-forms.server.ts). */
  intent: string;
  label: string;
  /** A change that takes something away (deactivate, reset) looks like one. */
  warning?: boolean;
  busy: boolean;
}

/** A form of one button that posts its intent to the page's action. */
export function IntentButton({ intent, label, warning = false, busy }: IntentButtonProps) {
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <Button variant="secondary" className={warning ? 'button--warning' : undefined} isDisabled={busy}>
        {label}
      </Button>
    </Form>
  );
}

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
          <IntentButton
            intent={active ? 'deactivate' : 'reactivate'}
            label={t(`${texts}.${active ? 'deactivate' : 'reactivate'}`)}
            warning={active}
            busy={busy}
          />
        </>
      )}
    </>
  );
}
