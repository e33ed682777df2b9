// The contact part of a letter: anonymous or not, name, phone, email, postal address and how the
// reply should come. Citizens fill it in for themselves on /submit (with hints and autofill);
// clerks type it in for someone else when they register a letter, visit or call.
import { useTranslation } from 'react-i18next';
import { REPLY_CHANNELS, type ReplyChannel } from '#app/features/cases/kinds.ts';
import { Checkbox, RadioGroup } from '#app/ui/choice-fields.tsx';
import { TextField } from '#app/ui/text-field.tsx';

export const CONTACT_FIELDS = ['anonymous', 'name', 'phone', 'email', 'postalAddress', 'preferredReplyChannel'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

interface ContactFieldsProps {
  /** Each field's message and what was typed (useFormErrors, or the page's own). */
  form: { error: (field: ContactField) => string | undefined; value: (field: ContactField) => string | undefined };
  /** Who types: the citizen about themselves, or a clerk for someone else (no hints or autofill). */
  by: 'citizen' | 'clerk';
  defaultReplyChannel: ReplyChannel;
}

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
      <TextField
        name="name"
        label={label('name')}
        error={form.error('name')}
        defaultValue={form.value('name')}
        autoComplete={citizen ? 'name' : undefined}
        width="medium"
      />
      <TextField
        name="phone"
        type="tel"
        label={label('phone')}
        hint={t('submit.fields.phone.hint')}
        error={form.error('phone')}
        defaultValue={form.value('phone')}
        autoComplete={citizen ? 'tel' : undefined}
        inputMode={citizen ? 'tel' : undefined}
        width="medium"
      />
      <TextField
        name="email"
        type="email"
        label={label('email')}
        error={form.error('email')}
        defaultValue={form.value('email')}
        autoComplete={citizen ? 'email' : undefined}
        inputMode={citizen ? 'email' : undefined}
        spellCheck={citizen ? false : undefined}
        width="medium"
      />
      <TextField
        name="postalAddress"
        label={label('postalAddress')}
        hint={citizen ? t('submit.fields.postalAddress.hint') : undefined}
        error={form.error('postalAddress')}
        defaultValue={form.value('postalAddress')}
        autoComplete={citizen ? 'street-address' : undefined}
      />
      <RadioGroup
        name="preferredReplyChannel"
        label={label('preferredReplyChannel')}
        error={form.error('preferredReplyChannel')}
        defaultValue={form.value('preferredReplyChannel') ?? defaultReplyChannel}
        options={REPLY_CHANNELS.map((channel) => ({ value: channel, label: t(`replyChannels.${channel}`) }))}
      />
    </>
  );
}
