// What every action form of the back-office case page shares: the panel it opens in, the form
// with the intent and the version the staff member read, the submit button (which asks first for a
// step that cannot be undone), and each field's id, error and typed value when that form came back
// refused. The refusal's codes become words through useFormErrors, like every other form.
import { Form } from '@remix-run/react';
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_ACTION_FIELDS, type CaseActionField } from '#app/features/cases/action-fields.ts';
import { offersSaveAndNext, SAVE_AND_NEXT, type CaseFormIntent } from '#app/features/cases/triage.ts';
import { Button } from '#app/ui/button.tsx';
import { ConfirmSubmitButton } from '#app/ui/confirm-submit-button.tsx';
import { fieldId } from '#app/ui/field-ids.ts';
import { useFormErrors, type FormErrors } from '#app/ui/use-form-errors.ts';
import type { CasePageField } from '#app/features/cases/case-page.server.ts';
import type { FormProblem } from '#app/platform/http/forms.ts';

/**
 * Steps that cannot be undone: their button asks first (with JavaScript; see ConfirmSubmitButton).
 * A written answer, once published, is the citizen's to read and the statute's clock moves on it.
 */
const IRREVERSIBLE: ReadonlySet<CaseFormIntent> = new Set([
  'decline',
  'forward',
  'merge',
  'close',
  'reply',
  'issueReview',
  'issueReReview',
]);

/** The id of an action form's field: unique on the page, where several forms have a "message". */
const actionFieldId = (intent: string, field: string) => fieldId(`${intent}-${field}`);

/** A refused post of the page: which form it was, and its problems in words. */
export function useCaseActionErrors(problem: FormProblem<CasePageField> | null | undefined) {
  const form = useFormErrors<CaseActionField>(problem, {
    fields: CASE_ACTION_FIELDS,
    prefix: () => 'office:case.errors',
    formPrefix: 'office:case.errors',
  });
  const intent = problem?.values.intent ?? null;
  // The summary links to the field of the form that was sent.
  const summary = form.summary.map((entry) => (entry.field && intent ? { ...entry, field: `${intent}-${entry.field}` } : entry));
  return { intent, form, summary };
}

interface Frame {
  version: number;
  busy: boolean;
  failedIntent: string | null;
  form: FormErrors<CaseActionField>;
}

const FrameContext = createContext<Frame | null>(null);

export function CaseActionFrame({ children, ...frame }: Frame & { children: ReactNode }) {
  return <FrameContext.Provider value={frame}>{children}</FrameContext.Provider>;
}

function useFrame(): Frame {
  const frame = useContext(FrameContext);
  if (!frame) throw new Error('An action form is used outside CaseActionFrame');
  return frame;
}

/** A field of an action's form, as TextField and ComboBoxField take it (what was typed when that form was refused). */
export function useActionField(intent: CaseFormIntent, name: CaseActionField) {
  const { failedIntent, form } = useFrame();
  const failed = failedIntent === intent;
  return {
    id: actionFieldId(intent, name),
    name,
    error: failed ? form.error(name) : undefined,
    defaultValue: failed ? form.value(name) : undefined,
  };
}

/**
 * One action's form: the intent and the version read, its fields, and its button. A triage step
 * has a second one, "Save and next", which goes on to the next case of the queue the page was opened
 * from (triage.ts); the page's URL carries that queue, and the form posts to it.
 */
export function ActionForm({ intent, children }: { intent: CaseFormIntent; children?: ReactNode }) {
  const { t } = useTranslation('office');
  const { version, busy } = useFrame();
  const label = t(`case.action.${intent}`);
  const next = offersSaveAndNext(intent);
  const confirm = IRREVERSIBLE.has(intent)
    ? {
        title: t(`case.confirm.${intent}.title`),
        description: <p>{t(`case.confirm.${intent}.body`)}</p>,
        confirmLabel: t(`case.confirm.${intent}.confirm`),
        cancelLabel: t('case.confirm.cancel'),
      }
    : null;
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={version} />
      {children}
      <div className="action-buttons">
        {confirm ? (
          <ConfirmSubmitButton isDisabled={busy} {...confirm}>
            {label}
          </ConfirmSubmitButton>
        ) : (
          <Button isDisabled={busy}>{label}</Button>
        )}
        {next && confirm ? (
          <ConfirmSubmitButton isDisabled={busy} name="then" value={SAVE_AND_NEXT} variant="secondary" {...confirm}>
            {t('case.saveAndNext')}
          </ConfirmSubmitButton>
        ) : null}
        {next && !confirm ? (
          <Button isDisabled={busy} name="then" value={SAVE_AND_NEXT} variant="secondary">
            {t('case.saveAndNext')}
          </Button>
        ) : null}
      </div>
    </Form>
  );
}

/**
 * An action behind its summary line, open when its form came back refused (or from the start,
 * `open`); `before` goes above the form.
 */
export function ActionPanel({
  intent,
  before,
  open = false,
  children,
}: {
  intent: CaseFormIntent;
  before?: ReactNode;
  open?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation('office');
  const { failedIntent } = useFrame();
  return (
    <details className="action-panel" open={open || failedIntent === intent} data-action={intent}>
      <summary>{t(`case.action.${intent}`)}</summary>
      {before}
      <ActionForm intent={intent}>{children}</ActionForm>
    </details>
  );
}
