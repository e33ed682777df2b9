// Settings admins change at run time. Each key has a zod schema and a default, so a missing or
// malformed row never breaks a page: the default applies and the admin page shows it.
import { z } from 'zod';
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

export const SETTING_SCHEMAS = {
  crisisLines: CrisisLines,
  clustering: Clustering,
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
