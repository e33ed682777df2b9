// The contact part of a letter: anonymous or not, name, phone, email, postal address, how the
// reply should come and whether they may be asked afterwards if it solved their problem (回访). Citizens fill it in for themselves on /submit (with hints and autofill);
// clerks type it in for someone else when they register a letter, visit or call.
import { useTranslation } from 'react-i18next';
import { REPLY_CHANNELS, type ReplyChannel } from '#app/features/cases/kinds.ts';
import { Checkbox, RadioGroup } from '#app/ui/choice-fields.tsx';
import { TextField } from '#app/ui/text-field.tsx';
import { CheckInField } from './check-in-field.tsx';
import type { ContactField } from '#app/features/cases/submission-fields.ts';

interface ContactFieldsProps {
  /** Each field's message and what was typed (useFormErrors, or the page's own). */
  form: { error: (field: ContactField) => string | undefined; value: (field: ContactField) => string | undefined };
  /** Who types: the citizen about themselves, or a clerk for someone else (no hints or autofill). */
  by: 'citizen' | 'clerk';
  defaultReplyChannel: ReplyChannel;
}

/** A typed contact detail: how it is entered, and what a citizen's browser may fill in for them. */
interface ContactText {
  name: 'name' | 'phone' | 'email' | 'postalAddress';
  type?: 'tel' | 'email';
  width?: 'medium';
  /** Whose form shows the field's hint. */
  hintFor: 'everyone' | 'citizen' | 'nobody';
  autofill: { autoComplete: string; inputMode?: 'tel' | 'email'; spellCheck?: boolean };
}

const TEXT_FIELDS: readonly ContactText[] = [
  { name: 'name', width: 'medium', hintFor: 'nobody', autofill: { autoComplete: 'name' } },
  { name: 'phone', type: 'tel', width: 'medium', hintFor: 'everyone', autofill: { autoComplete: 'tel', inputMode: 'tel' } },
  {
    name: 'email',
    type: 'email',
    width: 'medium',
    hintFor: 'nobody',
    autofill: { autoComplete: 'email', inputMode: 'email', spellCheck: false },
  },
  { name: 'postalAddress', hintFor: 'citizen', autofill: { autoComplete: 'street-address' } },
];

export function ContactFields({ form, by, defaultReplyChannel }: ContactFieldsProps) {
  const { t } = useTranslation('common');
  const citizen = by === 'citizen';
  const label = (field: ContactField) => t(`submit.fields.${field}.label`);
  return (
    <>
      <h2>{t('submit.sections.contact')}</h2>
      {citizen ? <p>{t('submit.contactIntro')}</p> : null}
      <Checkbox name="anonymous" error={form.error('anonymous')} defaultSelected={form.value('anonymous') === 'yes'}>
        {label('anonymous')}
        {citizen ? <span className="choice__hint">{t('submit.fields.anonymous.hint')}</span> : null}
      </Checkbox>
      {TEXT_FIELDS.map(({ name, type, width, hintFor, autofill }) => (
        <TextField
          key={name}
          name={name}
          type={type}
          label={label(name)}
          hint={hintFor === 'everyone' || (hintFor === 'citizen' && citizen) ? t(`submit.fields.${name}.hint`) : undefined}
          error={form.error(name)}
          defaultValue={form.value(name)}
          width={width}
          {...(citizen ? autofill : {})}
        />
      ))}
      <RadioGroup
        name="preferredReplyChannel"
        label={label('preferredReplyChannel')}
        error={form.error('preferredReplyChannel')}
        defaultValue={form.value('preferredReplyChannel') ?? defaultReplyChannel}
        options={REPLY_CHANNELS.map((channel) => ({ value: channel, label: t(`replyChannels.${channel}`) }))}
      />
      <CheckInField by={by} error={form.error('checkIn')} defaultValue={form.value('checkIn')} />
    </>
  );
}
