// A deadline's countdown in words and colour, never colour alone: "Due in 3 days", "Overdue,
// 2 days ago". Intl.RelativeTimeFormat words it in the reader's language.
import { useTranslation } from 'react-i18next';
import { calendarDaysUntil, dueState } from '#app/features/cases/deadlines.ts';
import { SERVICE_TIME_ZONE, formatDate } from '#app/ui/format.ts';

export function DueBadge({ dueAt, now }: { dueAt: string | Date; now: string | Date }) {
  const { t, i18n } = useTranslation('office');
  const due = new Date(dueAt);
  const current = new Date(now);
  const state = dueState(due, current);
  const days = calendarDaysUntil(due, current, { timeZone: SERVICE_TIME_ZONE, holidays: new Set(), extraWorkingDays: new Set() });
  const relative = new Intl.RelativeTimeFormat(i18n.language, { numeric: 'auto' }).format(days, 'day');
  return (
    <span className={`due due--${state}`} title={formatDate(due, i18n.language, true)}>
      {t(`due.${state}`, { when: relative })}
    </span>
  );
}
