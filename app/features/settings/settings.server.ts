// Settings admins change at run time. Each key has a zod schema and a default, so a missing or
// malformed row never breaks a page: the default applies and the admin page shows it.
import { z } from 'zod';
import { CHECK_IN_DAYS_DEFAULT, CHECK_IN_DAYS_MAX } from '#app/features/cases/check-in.ts';
import { LOCALES } from '#app/i18n/config.ts';
import { db } from '#app/platform/db.server.ts';

const CrisisLine = z.object({
  name: z.string().trim().min(1).max(120),
  phone: z.string().trim().min(1).max(40),
  hours: z.string().trim().max(80).default(''),
});
export type CrisisLine = z.infer<typeof CrisisLine>;

const CrisisLines = z.object({
  'zh-Hans': z.array(CrisisLine).min(1).max(8),
  'zh-Hant': z.array(CrisisLine).min(1).max(8),
  en: z.array(CrisisLine).min(1).max(8),
});
export type CrisisLines = z.infer<typeof CrisisLines>;

const Clustering = z.object({
  enabled: z.boolean(),
  /** Share of character pairs two texts must have in common (Jaccard, 0–1) to count as the same issue. */
  similarity: z.number().min(0.05).max(0.95),
});
export type ClusteringSettings = z.infer<typeof Clustering>;

/** A unit's or category's code (it never changes once made: reference-data/admin-forms.server.ts). */
const Code = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(50);

/**
 * Where the statute, rather than the category, sends a case: reports of misconduct to the discipline
 * and supervision body (arts. 22, 30), matters for the courts to the political and legal affairs body
 * (arts. 22, 28), and reviews and re-reviews without a unit above the deciding one to the review
 * office (arts. 35, 36). Units and categories by code; a code that names no active unit sends the
 * case to the office's clerks instead.
 */
export const COURT_CATEGORIES_MAX = 100;
const Routing = z.object({
  disciplineUnit: Code.nullable(),
  legalUnit: Code.nullable(),
  reviewOffice: Code.nullable(),
  courtCategories: z.array(Code).max(COURT_CATEGORIES_MAX),
});
export type RoutingSettings = z.infer<typeof Routing>;

/**
 * How long personal data is kept (PIPL art. 19: no longer than needed); the worker removes it when
 * the period ends and the privacy page states these periods.
 */
export const RETENTION_LIMITS = {
  /** A closed case's contact details, in years after it closed. */
  contactYears: { min: 1, max: 30 },
  /** A reception booking's name and phone number, in days after the day. */
  bookingDays: { min: 1, max: 3650 },
  /** A closed case's files, in years after it closed. */
  attachmentYears: { min: 1, max: 30 },
  /** Rate-limit counters, in days after their window ended. */
  rateLimitDays: { min: 1, max: 365 },
  /** Ended staff sessions (with their addresses), in days after they ended. */
  sessionDays: { min: 1, max: 365 },
} as const;
export type RetentionPeriod = keyof typeof RETENTION_LIMITS;

const period = (name: RetentionPeriod) => z.number().int().min(RETENTION_LIMITS[name].min).max(RETENTION_LIMITS[name].max);
const Retention = z.object({
  contactYears: period('contactYears'),
  bookingDays: period('bookingDays'),
  attachmentYears: period('attachmentYears'),
  rateLimitDays: period('rateLimitDays'),
  sessionDays: period('sessionDays'),
});
export type RetentionSettings = z.infer<typeof Retention>;

/** The office's name as its written notices are headed and signed, in each language. */
const Office = z.object({
  'zh-Hans': z.string().trim().min(1).max(100),
  'zh-Hant': z.string().trim().min(1).max(100),
  en: z.string().trim().min(1).max(200),
});
export type OfficeSettings = z.infer<typeof Office>;

/** 回访: how many days after the reply the citizen who agreed to it is asked whether it was solved. */
const CheckIn = z.object({ days: z.number().int().min(1).max(CHECK_IN_DAYS_MAX) });
export type CheckInSettings = z.infer<typeof CheckIn>;

export const SETTING_SCHEMAS = {
  checkIn: CheckIn,
  office: Office,
  crisisLines: CrisisLines,
  clustering: Clustering,
  routing: Routing,
  retention: Retention,
} as const;
export type SettingKey = keyof typeof SETTING_SCHEMAS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTING_SCHEMAS)[K]>;

// Public services that answer at any hour in mainland China. 12356 is the national psychological
// assistance hotline (since 2025); 110 and 120 are the police and ambulance.
export const SETTING_DEFAULTS: { [K in SettingKey]: SettingValue<K> } = {
  crisisLines: {
    'zh-Hans': [
      { name: '全国心理援助热线', phone: '12356', hours: '24小时' },
      { name: '希望24热线（生命危机干预）', phone: '400-161-9995', hours: '24小时' },
      { name: '紧急情况：报警 / 急救', phone: '110 / 120', hours: '24小时' },
    ],
    'zh-Hant': [
      { name: '全國心理援助熱線', phone: '12356', hours: '24小時' },
      { name: '希望24熱線（生命危機干預）', phone: '400-161-9995', hours: '24小時' },
      { name: '緊急情況：報警 / 急救', phone: '110 / 120', hours: '24小時' },
    ],
    en: [
      { name: 'National psychological assistance hotline', phone: '12356', hours: '24 hours' },
      { name: 'Hope 24 crisis line', phone: '400-161-9995', hours: '24 hours' },
      { name: 'Emergency: police / ambulance', phone: '110 / 120', hours: '24 hours' },
    ],
  },
  clustering: { enabled: true, similarity: 0.3 },
  checkIn: { days: CHECK_IN_DAYS_DEFAULT },
  office: { 'zh-Hans': '信访局', 'zh-Hant': '信訪局', en: 'Letters and Visits Bureau' },
  // The seed's units and category (prisma/seed.ts).
  routing: {
    disciplineUnit: 'discipline-inspection',
    legalUnit: 'political-legal',
    reviewOffice: 'review-office',
    courtCategories: ['litigation'],
  },
  retention: { contactYears: 3, bookingDays: 90, attachmentYears: 3, rateLimitDays: 1, sessionDays: 30 },
};

// Read on every submission, changed rarely: keep each value for a few seconds per process. Other
// instances see a change within that time.
const CACHE_MS = 5_000;
const cache = new Map<SettingKey, { at: number; value: Promise<unknown> }>();

export function getSetting<K extends SettingKey>(key: K, now = Date.now()): Promise<SettingValue<K>> {
  const hit = cache.get(key);
  if (hit && now - hit.at < CACHE_MS) return hit.value as Promise<SettingValue<K>>;
  const value = db()
    .setting.findUnique({ where: { key } })
    .then((row) => {
      const parsed = row ? SETTING_SCHEMAS[key].safeParse(row.value) : null;
      return (parsed?.success ? parsed.data : SETTING_DEFAULTS[key]) as SettingValue<K>;
    });
  value.catch(() => cache.delete(key));
  cache.set(key, { at: now, value });
  return value;
}

/** Validates and stores a setting; throws a ZodError when the value does not fit its schema. */
export async function putSetting<K extends SettingKey>(key: K, value: unknown, updatedById: string | null): Promise<SettingValue<K>> {
  const parsed = SETTING_SCHEMAS[key].parse(value) as SettingValue<K>;
  const json = JSON.parse(JSON.stringify(parsed)) as object;
  await db().setting.upsert({
    where: { key },
    create: { key, value: json, updatedById },
    update: { value: json, updatedById },
  });
  cache.delete(key);
  return parsed;
}

/** Drops this process's cached value of a setting, after a change written outside putSetting. */
export function forgetSetting(key: SettingKey): void {
  cache.delete(key);
}

export function crisisLinesFor(lines: CrisisLines, locale: string): CrisisLine[] {
  return (LOCALES as readonly string[]).includes(locale) ? lines[locale as keyof CrisisLines] : lines['zh-Hans'];
}
