// Builders for the reception-day, appointment and notice tests: real rows in the throwaway
// database, and a small reader for what a route's loader or action returned.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { submitCase } from '#app/features/cases/submission.server.ts';
import { db } from '#app/platform/db.server.ts';
import { newIdempotencyKey, validSubmission } from './fixtures.ts';
import type { NoticeKind } from '#app/features/notices/rules.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The service's zone (Asia/Shanghai) has no daylight saving: a day starts at 16:00 UTC the day before. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar day `daysFromToday` after today in Shanghai, as YYYY-MM-DD. */
export function shanghaiDay(daysFromToday: number, now = new Date()): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS + daysFromToday * DAY_MS).toISOString().slice(0, 10);
}

/** The instant at which `HH:MM` strikes in Shanghai on `isoDay`. */
export function shanghaiTime(isoDay: string, time: string): Date {
  return new Date(`${isoDay}T${time}:00.000+08:00`);
}

export interface SeededDay {
  dayId: string;
  date: string;
  slots: { id: string; startsAt: Date; endsAt: Date; capacity: number }[];
}

/**
 * A reception day with slots at the given Shanghai times (default: one 09:00–09:30 slot of 3
 * places), `daysFromToday` days from today, published unless told otherwise.
 */
export async function receptionDay(
  options: {
    daysFromToday?: number;
    published?: boolean;
    slots?: { start: string; end: string; capacity: number }[];
    unitIds?: string[];
    categoryIds?: string[];
    place?: string;
  } = {},
): Promise<SeededDay> {
  const date = shanghaiDay(options.daysFromToday ?? 3);
  const slots = options.slots ?? [{ start: '09:00', end: '09:30', capacity: 3 }];
  const tag = randomBytes(3).toString('hex');
  const day = await db().receptionDay.create({
    data: {
      date: new Date(`${date}T00:00:00.000Z`),
      placeZhHans: options.place ?? `信访接待中心 ${tag} 室`,
      placeZhHant: options.place ?? `信訪接待中心 ${tag} 室`,
      placeEn: options.place ?? `Reception centre, room ${tag}`,
      officialZhHans: '区长',
      officialZhHant: '區長',
      officialEn: 'District head',
      unitIds: options.unitIds ?? [],
      categoryIds: options.categoryIds ?? [],
      published: options.published ?? true,
      slots: {
        create: slots.map((slot) => ({
          startsAt: shanghaiTime(date, slot.start),
          endsAt: shanghaiTime(date, slot.end),
          capacity: slot.capacity,
        })),
      },
    },
    include: { slots: { orderBy: { startsAt: 'asc' } } },
  });
  return { dayId: day.id, date, slots: day.slots.map((s) => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt, capacity: s.capacity })) };
}

/** A case sent online, with the receipt number and access code its citizen holds. */
export async function caseWithCode(overrides: Parameters<typeof validSubmission>[0] = {}) {
  const receipt = await submitCase(await validSubmission(overrides), { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans' });
  const row = await db().case.findUniqueOrThrow({
    where: { receiptNo: receipt.receiptNo },
    select: { id: true, unitId: true, categoryId: true },
  });
  return { caseId: row.id, unitId: row.unitId, categoryId: row.categoryId, receiptNo: receipt.receiptNo, accessCode: receipt.accessCode! };
}

export function bookingForm(fields: Record<string, string>): FormData {
  const form = new FormData();
  form.set('idempotencyKey', newIdempotencyKey());
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
}

export const newVisit = (overrides: Record<string, string> = {}) =>
  bookingForm({ mode: 'NEW', name: '王小明', phone: '13812345678', topic: '小区噪音扰民', representatives: '1', ...overrides });

/** A client address of its own, so per-address rate limits of one test do not reach another. */
export function clientIp(): string {
  const b = randomBytes(2);
  return `10.${b[0]}.${b[1]}.${Math.floor(Math.random() * 250) + 1}`;
}

export async function notice(
  options: { kind?: NoticeKind; title?: string; publishedAt?: Date; expiresAt?: Date | null; body?: string } = {},
): Promise<{ id: string; title: string }> {
  const title = options.title ?? `通知 ${randomBytes(4).toString('hex')}`;
  const now = new Date();
  const row = await db().notice.create({
    data: {
      kind: options.kind ?? 'SERVICE_CHANGE',
      titleZhHans: title,
      titleZhHant: `${title}（繁）`,
      titleEn: `${title} (en)`,
      bodyZhHans: options.body ?? '春节期间来访接待时间调整。\n\n详情请致电。',
      bodyZhHant: options.body ?? '春節期間來訪接待時間調整。',
      bodyEn: options.body ?? 'Reception hours change over the Spring Festival.',
      publishedAt: options.publishedAt ?? new Date(now.getTime() - 60_000),
      expiresAt: options.expiresAt ?? null,
      createdAt: now,
      updatedAt: now,
    },
  });
  return { id: row.id, title };
}

/** What a loader or action returned: the payload of data(), or the plain object. */
export function payloadOf<T>(result: unknown): T {
  const wrapped = z.object({ data: z.unknown(), init: z.unknown() }).safeParse(result);
  return (wrapped.success && result !== null && typeof result === 'object' && 'type' in result ? wrapped.data.data : result) as T;
}
