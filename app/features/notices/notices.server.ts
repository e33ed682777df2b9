// Public notices (信息发布): written in all three languages by supervisors and administrators,
// shown on the portal from their publish time until they expire, and offered as an Atom feed.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canManageNotices, type Actor } from '#app/features/staff/permissions.ts';
import { pickLocalized } from '#app/i18n/localized.ts';
import { buildAtomFeed } from '#app/platform/codecs/atom.ts';
import { db } from '#app/platform/db.server.ts';
import { env } from '#app/platform/env.server.ts';
import { ForbiddenError, NotFoundError } from '#app/platform/http/errors.ts';
import { formFields, parseForm, type FieldErrors, type FormInput, type FormValues } from '#app/platform/http/forms.ts';
import { refused, refusedFor, type Outcome } from '#app/platform/http/outcome.server.ts';
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
  type NoticeField,
  type NoticeKind,
  type NoticeState,
} from './rules.ts';
import type { Locale } from '#app/i18n/config.ts';
import type { Notice } from '#app/platform/http/notice.server.ts';

const timeZone = () => serviceTimeZone();

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
export async function currentNotice(id: string, locale: Locale, now = new Date()): Promise<PublicNotice> {
  const row = await db().notice.findFirst({ where: { id, ...currentWhere(now) } });
  if (!row) throw new NotFoundError('notice');
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

const NOTICES = 'notices:office.edit.done';

function requireNoticeEditor(actor: Actor): void {
  if (!canManageNotices(actor)) throw new ForbiddenError('notices');
}

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
  requireNoticeEditor(actor);
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

export interface OfficeNotice {
  id: string;
  values: Record<NoticeField, string>;
  state: NoticeState;
  publishedAt: string;
  expiresAt: string | null;
  updatedAt: string;
}

/** The last day a notice is shown is the day before it expires (expiry is at the next midnight). */
function lastDayOf(expiresAt: Date | null): string {
  return expiresAt ? isoDate(civilDateIn(new Date(expiresAt.getTime() - 1), timeZone())) : '';
}

/** One notice as its edit form shows it; NotFoundError when there is none. */
export async function noticeForOffice(actor: Actor, id: string, now = new Date()): Promise<OfficeNotice> {
  requireNoticeEditor(actor);
  const row = await db().notice.findUnique({ where: { id } });
  if (!row) throw new NotFoundError('notice');
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
/** Field errors are codes under `notices:office.errors.<field without its language>`. */
const NoticeForm = z.object({
  kind: z.enum(NOTICE_KINDS, { error: 'required' }),
  titleZhHans: title,
  titleZhHant: title,
  titleEn: title,
  bodyZhHans: body,
  bodyZhHant: body,
  bodyEn: body,
  publishOn: z.string().optional(),
  lastDay: z.string().optional(),
});

interface NoticeDates {
  publishedAt: Date;
  expiresAt: Date | null;
}

/**
 * The publish day and the last day shown, as instants. A notice published today goes up now
 * (not at last midnight, which would misdate it in feeds); an unchanged publish day keeps its time.
 * A publish day may not be in the past, except the one a notice already has.
 */
function noticeDates(
  values: FormValues<NoticeField>,
  errors: FieldErrors<NoticeField>,
  now: Date,
  existing: NoticeDates | null,
): NoticeDates | null {
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

/** The notice to store, or every problem with the form at once. */
function readNotice(form: FormInput, now: Date, existing: NoticeDates | null) {
  const parsed = parseForm(form, NoticeForm);
  const errors: FieldErrors<NoticeField> = parsed.ok ? {} : { ...parsed.errors };
  const dates = noticeDates(parsed.values, errors, now, existing);
  if (!parsed.ok || !dates || Object.keys(errors).length > 0) return refused<NoticeField>({ errors, values: parsed.values });
  const { publishOn: _publishOn, lastDay: _lastDay, ...text } = parsed.value;
  return { ok: true as const, data: { ...text, ...dates } };
}

export async function createNotice(
  actor: Actor,
  form: FormInput,
  now = new Date(),
): Promise<Outcome<NoticeField, { id: string; notice: Notice }>> {
  requireNoticeEditor(actor);
  const notice = readNotice(form, now, null);
  if (!notice.ok) return notice;
  const created = await db().notice.create({
    data: { ...notice.data, createdById: actor.id, createdAt: now, updatedAt: now },
    select: { id: true },
  });
  return { ok: true, id: created.id, notice: { key: `${NOTICES}.created` } };
}

export async function updateNotice(actor: Actor, id: string, form: FormInput, now = new Date()): Promise<Outcome<NoticeField>> {
  requireNoticeEditor(actor);
  const existing = await db().notice.findUnique({ where: { id }, select: { publishedAt: true, expiresAt: true } });
  if (!existing) throw new NotFoundError('notice');
  const notice = readNotice(form, now, existing);
  if (!notice.ok) return notice;
  await db().notice.update({ where: { id }, data: { ...notice.data, updatedAt: now } });
  return { ok: true, notice: { key: `${NOTICES}.updated` } };
}

/** Takes a notice off the portal and the feed now, keeping it in the list (it expired now). */
export async function takeDownNotice(actor: Actor, id: string, now = new Date()): Promise<Outcome<never>> {
  requireNoticeEditor(actor);
  const result = await db().notice.updateMany({
    where: { id, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    data: { expiresAt: now, updatedAt: now },
  });
  // Taken down already, it stays down; one that does not exist is not there to take down.
  if (result.count === 0 && (await db().notice.count({ where: { id } })) === 0) throw new NotFoundError('notice');
  return { ok: true, notice: { key: `${NOTICES}.takenDown` } };
}

const EditIntent = z.enum(['update', 'takeDown']);

/** The edit page's forms: change the notice, or take it down now. */
export async function editNotice(actor: Actor, id: string, form: FormInput, now = new Date()): Promise<Outcome<NoticeField>> {
  requireNoticeEditor(actor);
  const raw = formFields(form);
  const intent = EditIntent.safeParse(raw.intent);
  if (!intent.success) return refusedFor('invalid', 400);
  return intent.data === 'takeDown' ? await takeDownNotice(actor, id, now) : await updateNotice(actor, id, raw, now);
}
