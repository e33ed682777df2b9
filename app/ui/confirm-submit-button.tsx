// A submit button for a step that cannot be undone (decline, forward, merge, close a case).
// With JavaScript, pressing it (or Enter in one of its form's fields, which presses it too) opens
// a modal alert dialog that says what will happen: Confirm submits the form as this button would
// have (same submitter name and value), Cancel or Escape closes it and changes nothing, and focus
// goes into the dialog and back to the button. Without JavaScript, and until the page has
// hydrated, it is a plain submit button: the form, and the server's checks, are the same.
import { useId, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { Button as AriaButton, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button } from './button.tsx';
import { useHydrated } from './use-hydrated.ts';

interface ConfirmSubmitButtonProps {
  children: ReactNode;
  /** The dialog's question: "Close this case?" */
  title: string;
  /** What will happen, in a sentence or two. */
  description: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  name?: string;
  value?: string;
  isDisabled?: boolean;
  variant?: 'primary' | 'secondary';
}

/** The dialog's words from one place in the locale files, `${key}.{title,body,confirm,cancel}`. */
export function confirmTexts(t: (key: string) => string, key: string) {
  return { title: t(`${key}.title`), description: t(`${key}.body`), confirmLabel: t(`${key}.confirm`), cancelLabel: t(`${key}.cancel`) };
}

export function ConfirmSubmitButton(props: ConfirmSubmitButtonProps) {
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const descriptionId = useId();
  const variant = props.variant ?? 'primary';

  if (!hydrated) {
    return (
      <Button name={props.name} value={props.value} isDisabled={props.isDisabled} variant={variant}>
        {props.children}
      </Button>
    );
  }

  // A click, a key press on the button, or Enter in a text field of the form (the browser then
  // clicks the form's first submit button): ask first.
  const ask = (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    setOpen(true);
  };
  const confirm = () => {
    setOpen(false);
    const button = buttonRef.current;
    // requestSubmit runs the form's submit handlers (Remix's <Form>) with this button as the
    // submitter, as a real click would, without clicking it again.
    button?.form?.requestSubmit(button);
  };

  return (
    <>
      <button
        ref={buttonRef}
        type="submit"
        name={props.name}
        value={props.value}
        disabled={props.isDisabled}
        data-disabled={props.isDisabled || undefined}
        aria-haspopup="dialog"
        onClick={ask}
        className={`button button--${variant}`}
      >
        {props.children}
      </button>
      <ModalOverlay isOpen={open} onOpenChange={setOpen} isDismissable={false} className="modal-overlay">
        <Modal className="modal">
          <Dialog role="alertdialog" aria-describedby={descriptionId} className="dialog">
            <Heading slot="title" className="dialog__title">
              {props.title}
            </Heading>
            <div id={descriptionId} className="dialog__body">
              {props.description}
            </div>
            <div className="dialog__actions">
              <AriaButton className="button button--warning" onPress={confirm}>
                {props.confirmLabel}
              </AriaButton>
              {/* The safe choice takes the focus: Enter or Space straight away changes nothing. */}
              <AriaButton className="button button--secondary" slot="close" autoFocus>
                {props.cancelLabel}
              </AriaButton>
            </div>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </>
  );
}
