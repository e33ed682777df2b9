// The reports the worker prepares on its own (the routine of a petition office): the weekly risk
// list (周风险清单) every Friday, the monthly report on the 25th for the month so far (月研判), and
// the quarterly report on the first working day after the quarter (季总结). Pure: which reports
// fall due on a day, given which days are working days.
import { addCalendarDays, isoDate, parseIsoDate, weekday, type CivilDate } from '#app/platform/time/civil-date.ts';
import { periodContaining, periodKey, previousPeriod, type Period } from './periods.ts';

export const PREPARED_KINDS = ['weeklySweep', 'monthly', 'quarterly'] as const;
export type PreparedKind = (typeof PREPARED_KINDS)[number];

export interface DueReport {
  kind: PreparedKind;
  period: Period;
  key: string;
}

/** The day of the month the monthly report is prepared for the month so far. */
export const MONTHLY_DAY = 25;
const FRIDAY = 5;

/** The first working day after `day` (the day itself not counted). */
function nextWorkingDay(day: CivilDate, isWorkingDay: (day: CivilDate) => boolean): CivilDate {
  let cursor = addCalendarDays(day, 1);
  // A year has no run of 60 days off; the bound only guards against a broken calendar.
  for (let i = 0; i < 60 && !isWorkingDay(cursor); i++) cursor = addCalendarDays(cursor, 1);
  return cursor;
}

/** The reports that fall due on `today`, in the service's calendar. */
export function reportsDueOn(today: CivilDate, isWorkingDay: (day: CivilDate) => boolean): DueReport[] {
  const due: DueReport[] = [];
  const add = (kind: PreparedKind, period: Period) => due.push({ kind, period, key: periodKey(period) });
  if (weekday(today) === FRIDAY) add('weeklySweep', periodContaining('week', today));
  if (today.day === MONTHLY_DAY) add('monthly', periodContaining('month', today));
  const lastQuarter = previousPeriod(periodContaining('quarter', today));
  const quarterEnd = parseIsoDate(lastQuarter.end)!;
  if (isoDate(nextWorkingDay(quarterEnd, isWorkingDay)) === isoDate(today)) add('quarterly', lastQuarter);
  return due;
}

/** Where the office shows a prepared report: the risk list as prepared, the others as the live report of their period. */
export function preparedPath(kind: PreparedKind, period: Period, key: string): string {
  if (kind === 'weeklySweep') return `/office/reports/weekly/${key}`;
  return `/office/reports?period=${period.kind}&date=${period.start}`;
}
