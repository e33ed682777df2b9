// What every view of a reception day shares, whoever looks: its date, place and receiving
// official in the reader's language, the names of the units and topics it covers, its slots with
// the places left, and when its day begins in the service's time zone.
import { localizedName, pickLocalized } from '#app/i18n/localized.ts';
import { db } from '#app/platform/db.server.ts';
import { civilDateIn, civilDateToDbDate, dbDateToCivilDate, isoDate, startOfCivilDay } from '#app/platform/time/civil-date.ts';
import { serviceTimeZone } from '#app/platform/time/service-time-zone.server.ts';
import { freePlaces, slotState, type SlotState } from './rules.ts';
import type { Locale } from '#app/i18n/config.ts';

interface DayRow {
  date: Date;
  placeZhHans: string;
  placeZhHant: string;
  placeEn: string;
  officialZhHans: string;
  officialZhHant: string;
  officialEn: string;
}

/** Who is looking, for the audit log of the names they are shown, and in which language. */
export interface ViewContext {
  locale: Locale;
  ipAddress: string;
}

export interface DayHeading {
  /** YYYY-MM-DD in the service's time zone. */
  date: string;
  place: string;
  official: string;
}

export function dayHeading(day: DayRow, locale: Locale): DayHeading {
  return {
    date: isoDate(dbDateToCivilDate(day.date)),
    place: pickLocalized({ zhHans: day.placeZhHans, zhHant: day.placeZhHant, en: day.placeEn }, locale),
    official: pickLocalized({ zhHans: day.officialZhHans, zhHant: day.officialZhHant, en: day.officialEn }, locale),
  };
}

/** Today in the service's time zone, as a day column holds it: days from it on are still to come. */
export function todayAsDbDate(now: Date): Date {
  return civilDateToDbDate(civilDateIn(now, serviceTimeZone()));
}

/** The first instant of the day in the service's time zone: attendance is recorded from then. */
export function dayStartsAt(day: { date: Date }): Date {
  return startOfCivilDay(dbDateToCivilDate(day.date), serviceTimeZone());
}

export function attendanceOpen(day: { date: Date }, now: Date): boolean {
  return now.getTime() >= dayStartsAt(day).getTime();
}

interface Coverage {
  unitIds: string[];
  categoryIds: string[];
}

/**
 * What each of some days covers, as names in the reader's language (none: every topic), looked up
 * for all of them at once.
 */
export async function coverageNames(days: Coverage[], locale: Locale): Promise<(day: Coverage) => string[]> {
  const unitIds = [...new Set(days.flatMap((d) => d.unitIds))];
  const categoryIds = [...new Set(days.flatMap((d) => d.categoryIds))];
  const names = { select: { id: true, nameZhHans: true, nameZhHant: true, nameEn: true } } as const;
  const [units, categories] = await Promise.all([
    unitIds.length ? db().unit.findMany({ where: { id: { in: unitIds } }, ...names }) : Promise.resolve([]),
    categoryIds.length ? db().category.findMany({ where: { id: { in: categoryIds } }, ...names }) : Promise.resolve([]),
  ]);
  const byId = new Map([...units, ...categories].map((row) => [row.id, localizedName(row, locale)]));
  return (day) => [...day.categoryIds, ...day.unitIds].map((id) => byId.get(id)).filter((name): name is string => Boolean(name));
}

export interface PublicSlot {
  id: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  free: number;
  state: SlotState;
}

export function slotView(slot: { id: string; startsAt: Date; endsAt: Date; capacity: number; bookedCount: number }, now: Date): PublicSlot {
  return {
    id: slot.id,
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    capacity: slot.capacity,
    free: freePlaces(slot),
    state: slotState(slot, now),
  };
}
