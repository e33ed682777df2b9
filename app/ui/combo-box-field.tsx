// A choice from a long list (handlers, units, topics) that can be typed to filter. On the server
// and on the first render it is the native <select> of SelectField, so it works with scripts off
// and before they load; once the page has hydrated it becomes react-aria's ComboBox, which posts
// the chosen option's value (not its text) under the same name. Labelled, with hint and error tied
// to the input like every other field, and the same id so an error summary can link to it.
import {
  ComboBox,
  FieldError,
  Group,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
  Button as AriaButton,
} from 'react-aria-components';
import { AriaLocale } from './aria-locale.tsx';
import { fieldId } from './field-ids.ts';
import { SelectField } from './select-field.tsx';
import { useHydrated } from './use-hydrated.ts';
import type { ReactNode } from 'react';

interface ComboBoxFieldProps {
  name: string;
  /** Needed when a page has several forms with a field of the same name. */
  id?: string;
  label: ReactNode;
  /** The empty choice of the select, and the input's placeholder: "Choose a unit", "No handler yet". */
  placeholder: string;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  options: { value: string; label: string }[];
  /** Shown in the list when nothing matches what was typed. */
  noMatches: string;
  /** Told the chosen option's value ('' for none) when it changes, for a field whose choices follow this one. */
  onChange?: (value: string) => void;
}

export function ComboBoxField(props: ComboBoxFieldProps) {
  const hydrated = useHydrated();
  if (!hydrated) return <SelectField {...props} />;
  const { onChange } = props;
  const id = props.id ?? fieldId(props.name);
  const invalid = Boolean(props.error);
  const items = props.options.map((option) => ({ id: option.value, name: option.label }));
  return (
    <AriaLocale>
      <ComboBox
        id={id}
        name={props.name}
        formValue="key"
        defaultItems={items}
        defaultValue={props.defaultValue || null}
        allowsEmptyCollection
        onSelectionChange={onChange ? (key) => onChange(key === null ? '' : String(key)) : undefined}
        isInvalid={invalid}
        validationBehavior="aria"
        className={`field combo-box${invalid ? ' field--error' : ''}`}
      >
        {/* The heading of every field (field-heading.tsx), in react-aria's parts, which the combo box ties to its input. */}
        <Label className="field__label">{props.label}</Label>
        {props.hint ? (
          <Text slot="description" className="field__hint">
            {props.hint}
          </Text>
        ) : null}
        <FieldError className="field__error">{props.error}</FieldError>
        <Group className="combo-box__group">
          <Input className="field__input combo-box__input" placeholder={props.placeholder} />
          <AriaButton className="combo-box__button">
            <span aria-hidden="true">▾</span>
          </AriaButton>
        </Group>
        <Popover className="combo-box__popover" placement="bottom start" maxHeight={320}>
          <ListBox className="combo-box__list" renderEmptyState={() => <p className="combo-box__empty">{props.noMatches}</p>}>
            {(item: { id: string; name: string }) => (
              <ListBoxItem id={item.id} textValue={item.name} className="combo-box__option">
                {item.name}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
    </AriaLocale>
  );
}
