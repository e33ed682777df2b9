// Printing needs JavaScript to start from a button; without it, the page says how instead.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button.tsx';

export function PrintButton() {
  const { t } = useTranslation();
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(typeof window.print === 'function'), []);
  if (!canPrint) return <p className="field__hint">{t('confirmation.printHint')}</p>;
  return (
    <Button type="button" variant="secondary" onPress={() => window.print()}>
      {t('confirmation.print')}
    </Button>
  );
}
