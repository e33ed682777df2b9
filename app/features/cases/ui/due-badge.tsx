// A deadline's countdown in words and colour, never colour alone: "Due in 3 days", "Overdue,
// 2 days ago". Intl.RelativeTimeFormat words it in the reader's language.
import { useTranslation } from 'react-i18next';
import { calendarDaysUntil, clockIn, dueState } from '#app/features/cases/deadlines.ts';
import { useFormatDate } from '#app/ui/format.ts';
import { useTimeZone } from '#app/ui/time-zone.tsx';

export function DueBadge({ dueAt, now }: { dueAt: string | Date; now: string | Date }) {
  const { t, i18n } = useTranslation('office');
  const formatDate = useFormatDate();
  const timeZone = useTimeZone();
  const due = new Date(dueAt);
  const current = new Date(now);
  const state = dueState(due, current);
  const days = calendarDaysUntil(due, current, clockIn(timeZone));
  const relative = new Intl.RelativeTimeFormat(i18n.language, { numeric: 'auto' }).format(days, 'day');
  return (
    <span className={`due due--${state}`} title={formatDate(due, true)}>
      {t(`due.${state}`, { when: relative })}
    </span>
  );
}
