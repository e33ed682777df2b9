// Public notices (信息发布): written in all three languages by supervisors and administrators,
// shown on the portal from their publish time until they expire, and offered as an Atom feed.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canManageNotices, type Actor } from '#app/features/staff/permissions.ts';
import { pickLocalized } from '#app/i18n/localized.ts';
import { buildAtomFeed } from '#app/platform/codecs/atom.ts';
import { db } from '#app/platform/db.server.ts';
import { env } from '#app/platform/env.server.ts';
import {
  civilDateIn,
  compareCivilDates,
  isoDate,
  parseIsoDate,
  startOfCivilDay,
  addCalendarDays,
  type CivilDate,
} from '#app/platform/time/civil-date.ts';
import { serviceTimeZone } from '#app/platform/time/service-time-zone.server.ts';
import {
  NOTICE_BODY_MAX,
  NOTICE_KINDS,
  NOTICE_TITLE_MAX,
  noticeState,
  noticeUpdatedAt,
  type NoticeKind,
  type NoticeState,
} from './rules.ts';
import type { Locale } from '#app/i18n/config.ts';

const timeZone = () => serviceTimeZone();
const forbidden = () => new Response('Forbidden', { status: 403 });

/** Shown now: published, and not yet expired. The one filter every portal query uses. */
const currentWhere = (now: Date) => ({ publishedAt: { lte: now }, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] });
const newestFirst = [{ publishedAt: 'desc' as const }, { createdAt: 'desc' as const }, { id: 'asc' as const }];

interface NoticeRow {
  id: string;
  kind: NoticeKind;
  titleZhHans: string;
  titleZhHant: string;
  titleEn: string;
  bodyZhHans: string;
  bodyZhHant: string;
  bodyEn: string;
  publishedAt: Date;
  expiresAt: Date | null;
  updatedAt: Date;
}

const titleOf = (row: NoticeRow, locale: Locale) =>
  pickLocalized({ zhHans: row.titleZhHans, zhHant: row.titleZhHant, en: row.titleEn }, locale);
const bodyOf = (row: NoticeRow, locale: Locale) =>
  pickLocalized({ zhHans: row.bodyZhHans, zhHant: row.bodyZhHant, en: row.bodyEn }, locale);

// ── The portal ──────────────────────────────────────────────────────────────────────────────

export interface NoticeListItem {
  id: string;
  kind: NoticeKind;
  title: string;
  publishedAt: string;
}

/** Current notices in the reader's language, newest first. */
export async function currentNotices(locale: Locale, now = new Date(), limit = 100): Promise<NoticeListItem[]> {
  const rows = await db().notice.findMany({ where: currentWhere(now), orderBy: newestFirst, take: limit });
  return rows.map((row) => ({ id: row.id, kind: row.kind, title: titleOf(row, locale), publishedAt: row.publishedAt.toISOString() }));
}

export interface PublicNotice extends NoticeListItem {
  body: string;
  updatedAt: string;
}

/** One notice, only while it is current: a scheduled or expired notice does not exist for citizens. */
export async function currentNotice(id: string, locale: Locale, now = new Date()): Promise<PublicNotice | null> {
  const row = await db().notice.findFirst({ where: { id, ...currentWhere(now) } });
  if (!row) return null;
  return {
    id: row.id,
    kind: row.kind,
    title: titleOf(row, locale),
    body: bodyOf(row, locale),
    publishedAt: row.publishedAt.toISOString(),
    updatedAt: noticeUpdatedAt(row).toISOString(),
  };
}

/** A name-based (version 5 style) UUID: the feed keeps one id for as long as its address stays. */
function nameUuid(name: string): string {
  const hash = createHash('sha1').update(`petition-desk:${name}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const FEED_ENTRIES = 50;

/** The Atom feed of current notices in one language. `t` gives the feed's title and kind labels. */
export async function noticesFeed(locale: Locale, t: (key: string) => string, now = new Date()): Promise<string> {
  const base = env().publicBaseUrl;
  const rows = await db().notice.findMany({ where: currentWhere(now), orderBy: newestFirst, take: FEED_ENTRIES });
  const selfUrl = `${base}/notices.atom?lang=${locale}`;
  const updated = rows.reduce<Date | null>((latest, row) => {
    const at = noticeUpdatedAt(row);
    return latest && latest > at ? latest : at;
  }, null);
  return buildAtomFeed({
    id: `urn:uuid:${nameUuid(selfUrl)}`,
    title: t('notices:feed.title'),
    subtitle: t('notices:feed.subtitle'),
    lang: locale,
    selfUrl,
    pageUrl: `${base}/notices`,
    authorName: t('common:layout.serviceName'),
    // An empty feed changed when its last notice went: "now" is as honest as anything.
    updated: updated ?? now,
    entries: rows.map((row) => ({
      id: `urn:uuid:${row.id}`,
      title: titleOf(row, locale),
      updated: noticeUpdatedAt(row),
      published: row.publishedAt,
      url: `${base}/notices/${row.id}`,
      content: bodyOf(row, locale),
      category: { term: row.kind, label: t(`notices:kinds.${row.kind}`) },
    })),
  });
}

// ── The back office ─────────────────────────────────────────────────────────────────────────

export interface OfficeNoticeRow {
  id: string;
  kind: NoticeKind;
  title: string;
  publishedAt: string;
  expiresAt: string | null;
  state: NoticeState;
}

/** Every notice, scheduled and expired too, newest publish date first. */
export async function listNoticesForOffice(actor: Actor, locale: Locale, now = new Date()): Promise<OfficeNoticeRow[]> {
  if (!canManageNotices(actor)) throw forbidden();
  const rows = await db().notice.findMany({ orderBy: newestFirst, take: 500 });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    title: titleOf(row, locale),
    publishedAt: row.publishedAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    state: noticeState(row, now),
  }));
}

export const NOTICE_FIELDS = [
  'kind',
  'titleZhHans',
  'titleZhHant',
  'titleEn',
  'bodyZhHans',
  'bodyZhHant',
  'bodyEn',
  'publishOn',
  'lastDay',
] as const;
export type NoticeField = (typeof NOTICE_FIELDS)[number];
/** Error codes, translated under `notices:office.errors.<field>.<code>`. */
export type NoticeErrors = Partial<Record<NoticeField, string>>;
export type NoticeValues = Partial<Record<NoticeField, string>>;

export interface OfficeNotice {
  id: string;
  values: Required<NoticeValues>;
  state: NoticeState;
  publishedAt: string;
  expiresAt: string | null;
  updatedAt: string;
}

/** The last day a notice is shown is the day before it expires (expiry is at the next midnight). */
function lastDayOf(expiresAt: Date | null): string {
  return expiresAt ? isoDate(civilDateIn(new Date(expiresAt.getTime() - 1), timeZone())) : '';
}

export async function noticeForOffice(actor: Actor, id: string, now = new Date()): Promise<OfficeNotice | null> {
  if (!canManageNotices(actor)) throw forbidden();
  const row = await db().notice.findUnique({ where: { id } });
  if (!row) return null;
  return {
    id: row.id,
    values: {
      kind: row.kind,
      titleZhHans: row.titleZhHans,
      titleZhHant: row.titleZhHant,
      titleEn: row.titleEn,
      bodyZhHans: row.bodyZhHans,
      bodyZhHant: row.bodyZhHant,
      bodyEn: row.bodyEn,
      publishOn: isoDate(civilDateIn(row.publishedAt, timeZone())),
      lastDay: lastDayOf(row.expiresAt),
    },
    state: noticeState(row, now),
    publishedAt: row.publishedAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const title = z.string().trim().min(1, { error: 'required' }).max(NOTICE_TITLE_MAX, { error: 'tooLong' });
const body = z.string().trim().min(1, { error: 'required' }).max(NOTICE_BODY_MAX, { error: 'tooLong' });
const NoticeForm = z.object({
  kind: z.enum(NOTICE_KINDS, { error: 'required' }),
  titleZhHans: title,
  titleZhHant: title,
  titleEn: title,
  bodyZhHans: body,
  bodyZhHant: body,
  bodyEn: body,
});

export type NoticeOutcome = { ok: true; id: string } | { ok: false; errors: NoticeErrors; values: NoticeValues };

function readNoticeForm(form: FormData): NoticeValues {
  const values: NoticeValues = {};
  for (const field of NOTICE_FIELDS) {
    const value = form.get(field);
    values[field] = typeof value === 'string' ? value.slice(0, NOTICE_BODY_MAX + 100) : '';
  }
  return values;
}

interface NoticeDates {
  publishedAt: Date;
  expiresAt: Date | null;
}

/**
 * The publish day and the last day shown, as instants. A notice published today goes up now
 * (not at last midnight, which would misdate it in feeds); an unchanged publish day keeps its time.
 * A publish day may not be in the past, except the one a notice already has.
 */
function noticeDates(values: NoticeValues, errors: NoticeErrors, now: Date, existing: NoticeDates | null): NoticeDates | null {
  const tz = timeZone();
  const today = civilDateIn(now, tz);
  const publishOn = parseIsoDate(values.publishOn ?? '');
  const unchanged = existing !== null && publishOn !== null && compareCivilDates(publishOn, civilDateIn(existing.publishedAt, tz)) === 0;
  if (!publishOn) errors.publishOn = values.publishOn?.trim() ? 'invalid' : 'required';
  else if (!unchanged && compareCivilDates(publishOn, today) < 0) errors.publishOn = 'past';
  let lastDay: CivilDate | null = null;
  if (values.lastDay?.trim()) {
    lastDay = parseIsoDate(values.lastDay);
    if (!lastDay) errors.lastDay = 'invalid';
    else if (publishOn && compareCivilDates(lastDay, publishOn) < 0) errors.lastDay = 'beforePublish';
  }
  if (!publishOn || errors.publishOn || errors.lastDay) return null;
  const publishedAt =
    unchanged && existing ? existing.publishedAt : compareCivilDates(publishOn, today) === 0 ? now : startOfCivilDay(publishOn, tz);
  // An unchanged last day keeps its instant: a notice taken down at 15:00 stays down when edited.
  if (existing && lastDay && isoDate(lastDay) === lastDayOf(existing.expiresAt)) return { publishedAt, expiresAt: existing.expiresAt };
  return { publishedAt, expiresAt: lastDay ? startOfCivilDay(addCalendarDays(lastDay, 1), tz) : null };
}

function validateNotice(form: FormData, now: Date, existing: NoticeDates | null) {
  const values = readNoticeForm(form);
  const errors: NoticeErrors = {};
  const parsed = NoticeForm.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = NOTICE_FIELDS.find((f) => f === issue.path[0]);
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  const dates = noticeDates(values, errors, now, existing);
  return { values, errors, data: parsed.success && dates && Object.keys(errors).length === 0 ? { ...parsed.data, ...dates } : null };
}

export async function createNotice(actor: Actor, form: FormData, now = new Date()): Promise<NoticeOutcome> {
  if (!canManageNotices(actor)) throw forbidden();
  const { values, errors, data } = validateNotice(form, now, null);
  if (!data) return { ok: false, errors, values };
  const created = await db().notice.create({
    data: { ...data, createdById: actor.id, createdAt: now, updatedAt: now },
    select: { id: true },
  });
  return { ok: true, id: created.id };
}

export async function updateNotice(actor: Actor, id: string, form: FormData, now = new Date()): Promise<NoticeOutcome | null> {
  if (!canManageNotices(actor)) throw forbidden();
  const existing = await db().notice.findUnique({ where: { id }, select: { publishedAt: true, expiresAt: true } });
  if (!existing) return null;
  const { values, errors, data } = validateNotice(form, now, existing);
  if (!data) return { ok: false, errors, values };
  await db().notice.update({ where: { id }, data: { ...data, updatedAt: now } });
  return { ok: true, id };
}

/** Takes a notice off the portal and the feed now, keeping it in the list (it expired now). */
export async function takeDownNotice(actor: Actor, id: string, now = new Date()): Promise<boolean> {
  if (!canManageNotices(actor)) throw forbidden();
  const result = await db().notice.updateMany({
    where: { id, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    data: { expiresAt: now, updatedAt: now },
  });
  return result.count === 1;
}
