// Setting reception days up and publishing them (administrators and supervisors, checked here
// whoever calls), and the back office's list of days with how full each is.
import { z } from 'zod';
import { canManageReceptionDays, canViewReceptionDays, type Actor } from '#app/features/staff/permissions.ts';
import { localizedName } from '#app/i18n/localized.ts';
import { db } from '#app/platform/db.server.ts';
import { ForbiddenError, NotFoundError } from '#app/platform/http/errors.ts';
import { parseForm, type FieldErrors, type FormInput } from '#app/platform/http/forms.ts';
import { refused, type Outcome } from '#app/platform/http/outcome.server.ts';
import { civilDateIn, civilDateToDbDate, compareCivilDates, parseIsoDate, zonedInstant } from '#app/platform/time/civil-date.ts';
import { serviceTimeZone } from '#app/platform/time/service-time-zone.server.ts';
import { dayHeading, todayAsDbDate, type DayHeading } from './day-views.server.ts';
import { generateSlotLines, parseSlotLines, type DayField } from './rules.ts';
import type { Locale } from '#app/i18n/config.ts';
import type { Notice } from '#app/platform/http/notice.server.ts';

const NOTICES = 'visits:office.day.done';

export interface Option {
  value: string;
  label: string;
}

const DEFAULT_SLOTS = generateSlotLines(9 * 60, 11 * 60 + 30, 30, 4);

/** The units and categories a day may cover, and a starting set of slots to edit. */
export async function receptionDayFormOptions(locale: Locale): Promise<{ units: Option[]; categories: Option[]; defaultSlots: string }> {
  const names = { select: { id: true, nameZhHans: true, nameZhHant: true, nameEn: true } } as const;
  const [units, categories] = await Promise.all([
    db().unit.findMany({ where: { active: true }, orderBy: { code: 'asc' }, ...names }),
    db().category.findMany({ where: { active: true }, orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }], ...names }),
  ]);
  return {
    units: units.map((u) => ({ value: u.id, label: localizedName(u, locale) })).sort((a, b) => a.label.localeCompare(b.label, locale)),
    categories: categories.map((c) => ({ value: c.id, label: localizedName(c, locale) })),
    defaultSlots: DEFAULT_SLOTS,
  };
}

const shortText = z.string().trim().min(1, { error: 'required' }).max(200, { error: 'tooLong' });
/** Ticked boxes: none, one (a string) or several (a list). */
const Ids = z.preprocess(
  (value) => (value === undefined ? [] : typeof value === 'string' ? [value] : value),
  z.array(z.uuid({ error: 'invalid' })).max(200, { error: 'invalid' }),
);
const DayForm = z.object({
  date: z.string(),
  placeZhHans: shortText,
  placeZhHant: shortText,
  placeEn: shortText,
  officialZhHans: shortText,
  officialZhHant: shortText,
  officialEn: shortText,
  unitIds: Ids,
  categoryIds: Ids,
  slots: z.string().max(5000, { error: 'tooLong' }),
});

/**
 * Creates an unpublished day with its slots: staff check it on its page, then publish it. Field
 * errors are codes under `visits:office.new.errors`; a slot error's line is found again by the page
 * with the same parseSlotLines.
 */
export async function createReceptionDay(
  actor: Actor,
  form: FormInput,
  now = new Date(),
): Promise<Outcome<DayField, { id: string; notice: Notice }>> {
  if (!canManageReceptionDays(actor)) throw new ForbiddenError('reception days');
  const parsed = parseForm(form, DayForm);
  const { values } = parsed;
  const errors: FieldErrors<DayField> = parsed.ok ? {} : { ...parsed.errors };
  const tz = serviceTimeZone();
  const date = parseIsoDate(values.date ?? '');
  if (!date) errors.date = values.date?.trim() ? 'invalid' : 'required';
  else if (compareCivilDates(date, civilDateIn(now, tz)) < 0) errors.date = 'past';
  const slots = parseSlotLines(values.slots ?? '');
  if (!slots.ok) errors.slots ??= slots.error;
  // Only what exists and is in use may be covered (a stale form, or a crafted post, names other ids).
  if (parsed.ok) {
    const { unitIds, categoryIds } = parsed.value;
    const [units, categories] = await Promise.all([
      db().unit.count({ where: { id: { in: unitIds }, active: true } }),
      db().category.count({ where: { id: { in: categoryIds }, active: true } }),
    ]);
    if (units !== new Set(unitIds).size) errors.unitIds = 'invalid';
    if (categories !== new Set(categoryIds).size) errors.categoryIds = 'invalid';
  }
  if (!parsed.ok || !date || !slots.ok || Object.keys(errors).length > 0) return refused({ errors, values });

  const { date: _typed, unitIds, categoryIds, slots: _lines, ...text } = parsed.value;
  const day = await db().receptionDay.create({
    data: {
      date: civilDateToDbDate(date),
      ...text,
      unitIds: [...new Set(unitIds)],
      categoryIds: [...new Set(categoryIds)],
      published: false,
      createdById: actor.id,
      slots: {
        create: slots.slots.map((slot) => ({
          startsAt: zonedInstant(date, slot.start, tz),
          endsAt: zonedInstant(date, slot.end, tz),
          capacity: slot.capacity,
        })),
      },
    },
    select: { id: true },
  });
  return { ok: true, id: day.id, notice: { key: `${NOTICES}.created` } };
}

/**
 * Publishing makes the day bookable on the portal; unpublishing takes it off the portal and stops
 * new bookings, while the bookings already made stand (staff tell those people themselves).
 */
export async function setReceptionDayPublished(actor: Actor, dayId: string, published: boolean): Promise<Outcome<never>> {
  if (!canManageReceptionDays(actor)) throw new ForbiddenError('reception days');
  const result = await db().receptionDay.updateMany({ where: { id: dayId }, data: { published } });
  if (result.count !== 1) throw new NotFoundError('reception day');
  return { ok: true, notice: { key: `${NOTICES}.${published ? 'published' : 'unpublished'}` } };
}

export interface OfficeDayRow extends DayHeading {
  id: string;
  published: boolean;
  slotCount: number;
  capacity: number;
  booked: number;
}

/** Days from today on (soonest first) and the last 50 before (latest first), with how full each is. */
export async function listReceptionDaysForOffice(
  actor: Actor,
  locale: Locale,
  now = new Date(),
): Promise<{ upcoming: OfficeDayRow[]; past: OfficeDayRow[] }> {
  if (!canViewReceptionDays(actor)) throw new ForbiddenError('reception days');
  const today = todayAsDbDate(now);
  const include = { slots: { select: { capacity: true, bookedCount: true } } } as const;
  const [upcoming, past] = await Promise.all([
    db().receptionDay.findMany({ where: { date: { gte: today } }, orderBy: [{ date: 'asc' }, { createdAt: 'asc' }], include, take: 200 }),
    db().receptionDay.findMany({ where: { date: { lt: today } }, orderBy: [{ date: 'desc' }, { createdAt: 'desc' }], include, take: 50 }),
  ]);
  const row = (day: (typeof upcoming)[number]): OfficeDayRow => ({
    id: day.id,
    ...dayHeading(day, locale),
    published: day.published,
    slotCount: day.slots.length,
    capacity: day.slots.reduce((sum, s) => sum + s.capacity, 0),
    booked: day.slots.reduce((sum, s) => sum + s.bookedCount, 0),
  });
  return { upcoming: upcoming.map(row), past: past.map(row) };
}
