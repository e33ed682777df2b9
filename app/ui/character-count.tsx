// GOV.UK's character count pattern: without JavaScript the limit is stated plainly; with it,
// the remaining count updates as the person types and is announced politely, not on every key.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface CharacterCountProps {
  fieldId: string;
  maxLength: number;
  initialLength: number;
}

export function CharacterCount({ fieldId, maxLength, initialLength }: CharacterCountProps) {
  const { t, i18n } = useTranslation();
  const [length, setLength] = useState(initialLength);
  const [announced, setAnnounced] = useState(initialLength);
  const [live, setLive] = useState(false);

  useEffect(() => {
    const field = document.getElementById(fieldId);
    if (!(field instanceof HTMLTextAreaElement)) return;
    setLive(true);
    setLength(field.value.length);
    setAnnounced(field.value.length);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onInput = () => {
      setLength(field.value.length);
      clearTimeout(timer);
      timer = setTimeout(() => setAnnounced(field.value.length), 1000);
    };
    field.addEventListener('input', onInput);
    return () => {
      field.removeEventListener('input', onInput);
      clearTimeout(timer);
    };
  }, [fieldId]);

  const format = (n: number) => new Intl.NumberFormat(i18n.language).format(Math.abs(n));
  const message = (used: number) => {
    const remaining = maxLength - used;
    return remaining >= 0
      ? t('characterCount.remaining', { count: remaining, formatted: format(remaining) })
      : t('characterCount.over', { count: -remaining, formatted: format(remaining) });
  };

  if (!live) {
    // Server render: the limit, and how far over it a rejected submission went.
    return (
      <p className="field__count" id={`${fieldId}-count`}>
        {initialLength > maxLength ? message(initialLength) : t('characterCount.limit', { formatted: format(maxLength) })}
      </p>
    );
  }
  return (
    <>
      <p className={`field__count${length > maxLength ? ' field__count--over' : ''}`} aria-hidden="true">
        {message(length)}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {message(announced)}
      </p>
    </>
  );
}
