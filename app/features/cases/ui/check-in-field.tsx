// 回访, with consent only: whether the citizen may be asked, once and some days after the reply,
// whether their problem was solved, and by which channel. "No" is the default: nothing is sent and
// nobody calls unless they say so. The same question on the portal's letter form and on the
// clerks' registration forms; the track page asks it again (check-in-panel.tsx).
import { useTranslation } from 'react-i18next';
import { CHECK_IN_CHOICES, type CheckInChoice } from '#app/features/cases/check-in.ts';
import { RadioGroup } from '#app/ui/choice-fields.tsx';

interface CheckInFieldProps {
  error: string | undefined;
  defaultValue: string | undefined;
  /** The citizen about themselves, or a clerk asking them (the question is then put to "them"). */
  by: 'citizen' | 'clerk';
  /** Only the choices the contact details allow (the track page); every choice on a form being filled in. */
  choices?: readonly CheckInChoice[];
}

export function CheckInField({ error, defaultValue, by, choices = CHECK_IN_CHOICES }: CheckInFieldProps) {
  const { t } = useTranslation('common');
  return (
    <RadioGroup
      name="checkIn"
      label={t(`submit.fields.checkIn.label.${by}`)}
      hint={t('submit.fields.checkIn.hint')}
      error={error}
      defaultValue={defaultValue ?? 'NONE'}
      options={choices.map((choice) => ({ value: choice, label: t(`submit.fields.checkIn.options.${choice}`) }))}
    />
  );
}
