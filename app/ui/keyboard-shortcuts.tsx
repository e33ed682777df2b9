// Single-key shortcuts for people who triage all day (j, k, x, a, r, /), listed behind "?". They
// never fire while the focus is in a field where those keys are typed, nor with Ctrl, Alt or Meta
// held (the browser's and the screen reader's own keys), and the page works the same without them.
import { useEffect, useRef, useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button } from './button.tsx';
import { useHydrated } from './use-hydrated.ts';

export interface Shortcut {
  /** The key as KeyboardEvent.key reports it: "j", "/", "Enter". */
  key: string;
  /** What it does, for the list. */
  label: string;
  run: (event: KeyboardEvent) => void;
  /** When it does nothing now (no row chosen, no form on the page). */
  available?: () => boolean;
}

const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'email',
  'tel',
  'url',
  'number',
  'password',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
]);

/** Whether a key typed here is text (a field, a list box, an editable region): shortcuts stay out of its way. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(target.type);
  const role = target.getAttribute('role');
  return role === 'combobox' || role === 'textbox' || role === 'listbox' || role === 'option';
}

/** Runs each shortcut on its key, anywhere on the page but in a field. */
export function useKeyboardShortcuts(shortcuts: Shortcut[], onHelp: () => void): void {
  const latest = useRef({ shortcuts, onHelp });
  latest.current = { shortcuts, onHelp };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || isTypingTarget(event.target)) return;
      if (event.key === '?') {
        event.preventDefault();
        latest.current.onHelp();
        return;
      }
      // Enter on a link or a button is theirs: following the link, pressing the button.
      if (
        event.key === 'Enter' &&
        event.target instanceof HTMLElement &&
        event.target.closest('a, button, [role="button"], [role="columnheader"]')
      )
        return;
      const shortcut = latest.current.shortcuts.find((s) => s.key === event.key);
      if (!shortcut || (shortcut.available && !shortcut.available())) return;
      event.preventDefault();
      // Ahead of react-aria's type-to-select inside tables and lists.
      event.stopPropagation();
      shortcut.run(event);
    };
    window.addEventListener('keydown', listener, { capture: true });
    return () => window.removeEventListener('keydown', listener, { capture: true });
  }, []);
}

interface ShortcutsHelpProps {
  shortcuts: { key: string; label: string }[];
  title: string;
  /** The button that opens the list, for those who do not know "?". */
  buttonLabel: string;
  closeLabel: string;
  keyNames: Record<string, string>;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}

/**
 * The list of shortcuts in a dialog, opened by "?" or by its button (shown only where scripts run).
 * Until the page has hydrated its place is kept by an invisible copy of the button: the page must
 * not move when scripts start, or a press made while it hydrates (a slow phone, an early click)
 * ends on whatever moved under the pointer, and the link pressed is never followed.
 */
export function ShortcutsHelp(props: ShortcutsHelpProps) {
  const hydrated = useHydrated();
  if (!hydrated) {
    return (
      <span className="button button--link shortcuts-button shortcuts-button--placeholder" aria-hidden="true">
        {props.buttonLabel}
      </span>
    );
  }
  return (
    <>
      <Button type="button" variant="link" className="shortcuts-button" onPress={() => props.onOpenChange(true)}>
        {props.buttonLabel}
      </Button>
      <ModalOverlay isOpen={props.isOpen} onOpenChange={props.onOpenChange} isDismissable className="modal-overlay">
        <Modal className="modal">
          <Dialog className="dialog" aria-labelledby="shortcuts-title">
            <Heading slot="title" id="shortcuts-title" className="dialog__title">
              {props.title}
            </Heading>
            <dl className="shortcuts-list">
              {props.shortcuts.map((s) => (
                <div key={s.key} className="shortcuts-list__row">
                  <dt>
                    <kbd>{props.keyNames[s.key] ?? s.key}</kbd>
                  </dt>
                  <dd>{s.label}</dd>
                </div>
              ))}
            </dl>
            <Button type="button" variant="secondary" onPress={() => props.onOpenChange(false)}>
              {props.closeLabel}
            </Button>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </>
  );
}

/** The dialog's open state, with "?" opening it. */
export function useShortcutsHelp() {
  const [isOpen, setOpen] = useState(false);
  return { isOpen, setOpen, open: () => setOpen(true) };
}
