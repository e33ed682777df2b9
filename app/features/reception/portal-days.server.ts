// What the portal shows of reception days: the published days to come with the places left in
// each slot, and one slot for its booking page. Drafts do not exist for citizens.
import { db } from '#app/platform/db.server.ts';
import { NotFoundError } from '#app/platform/http/errors.ts';
import { coverageNames, dayHeading, slotView, todayAsDbDate, type DayHeading, type PublicSlot } from './day-views.server.ts';
import type { Locale } from '#app/i18n/config.ts';

export type { PublicSlot };

export interface PublicDay extends DayHeading {
  id: string;
  covers: string[];
  slots: PublicSlot[];
}

/** Published days from today on that still have a slot to come, with the places left in each. */
export async function upcomingReceptionDays(locale: Locale, now = new Date()): Promise<PublicDay[]> {
  const days = await db().receptionDay.findMany({
    where: { published: true, date: { gte: todayAsDbDate(now) }, slots: { some: { startsAt: { gt: now } } } },
    orderBy: { date: 'asc' },
    include: { slots: { orderBy: { startsAt: 'asc' } } },
    take: 60,
  });
  const covers = await coverageNames(days, locale);
  return days.map((day) => ({
    id: day.id,
    ...dayHeading(day, locale),
    covers: covers(day),
    slots: day.slots.map((slot) => slotView(slot, now)),
  }));
}

export interface SlotForBooking extends PublicSlot {
  day: Omit<PublicDay, 'slots'>;
}

/** A slot of a published day, for its booking page; NotFoundError for anything a citizen may not see. */
export async function slotForBooking(slotId: string, locale: Locale, now = new Date()): Promise<SlotForBooking> {
  const slot = await db().receptionSlot.findUnique({ where: { id: slotId }, include: { day: true } });
  if (!slot || !slot.day.published) throw new NotFoundError('reception slot');
  const covers = await coverageNames([slot.day], locale);
  return { ...slotView(slot, now), day: { id: slot.day.id, ...dayHeading(slot.day, locale), covers: covers(slot.day) } };
}
