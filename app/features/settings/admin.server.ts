// The admin page for run-time settings (/office/settings): what is in force now, and the forms
// that change it: the office's name on its written notices, the crisis support lines in each
// language, the clustering of similar cases, the check-in's days, where the statute sends a case
// and how long personal data is kept. Admins only, checked here whoever calls. Values are checked
// against the schemas in settings.server.ts; every change is audited.
import { z } from 'zod';
import { audit } from '#app/features/audit/audit.server.ts';
import { CHECK_IN_DAYS_MAX } from '#app/features/cases/check-in.ts';
import { forgetRoutingTargets } from '#app/features/cases/routing.server.ts';
import { canManageSettings, type Actor } from '#app/features/staff/permissions.ts';
import { LOCALES, type Locale } from '#app/i18n/config.ts';
import { localizedName } from '#app/i18n/localized.ts';
import { db, type Prisma } from '#app/platform/db.server.ts';
import { ForbiddenError } from '#app/platform/http/errors.ts';
import { parseForm, rawForm, type FieldErrors, type FormValues, type RawForm } from '#app/platform/http/forms.ts';
import {
  COURT_CATEGORIES_MAX,
  RETENTION_LIMITS,
  SETTING_DEFAULTS,
  SETTING_SCHEMAS,
  forgetSetting,
  type ClusteringSettings,
  type CrisisLine,
  type OfficeSettings,
  type CrisisLines,
  type RetentionPeriod,
  type RoutingSettings,
  type SettingKey,
  type SettingValue,
} from './settings.server.ts';
import type { FormInput, RequestContext } from '#app/features/reference-data/admin-forms.server.ts';
import type { Notice } from '#app/platform/http/notice.server.ts';

export const CRISIS_LINES_MIN = 1;
export const CRISIS_LINES_MAX = 8;
/** Room for eight full lines; the text area's character count states it. */
export const CRISIS_LINES_TEXT_MAX = 2000;
export const SIMILARITY_MIN = 0.05;
export const SIMILARITY_MAX = 0.95;
/** What separates name, phone and hours on a line (the full-width bar too, as Chinese input methods type it). */
const SEPARATOR = /[|｜]/;

function requireSettingsAdmin(actor: Actor): void {
  if (!canManageSettings(actor)) throw new ForbiddenError('settings');
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface SettingState<K extends SettingKey> {
  value: SettingValue<K>;
  /** False while nothing (valid) is stored and the built-in default applies. */
  stored: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** A setting as stored now (not the few-seconds cache the portal reads), with who changed it last. */
export async function settingState<K extends SettingKey>(key: K): Promise<SettingState<K>> {
  const row = await db().setting.findUnique({ where: { key } });
  const parsed = row ? SETTING_SCHEMAS[key].safeParse(row.value) : null;
  const updatedBy = row?.updatedById ? await db().staffUser.findUnique({ where: { id: row.updatedById }, select: { name: true } }) : null;
  return {
    value: (parsed?.success ? parsed.data : SETTING_DEFAULTS[key]) as SettingValue<K>,
    stored: parsed?.success === true,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: updatedBy?.name ?? null,
  };
}

/** The settings page: what is in force, who changed it last, and the forms' field names and limits. */
export async function settingsPage(actor: Actor, locale: Locale) {
  requireSettingsAdmin(actor);
  const [office, crisisLines, clustering, checkIn, routing, retention, choices] = await Promise.all([
    settingState('office'),
    settingState('crisisLines'),
    settingState('clustering'),
    settingState('checkIn'),
    settingState('routing'),
    settingState('retention'),
    routingChoices(locale),
  ]);
  const activeUnits = new Set(choices.units.map((unit) => unit.value));
  return {
    office: { ...office, fields: OFFICE_NAME_FIELDS },
    // The form's field names, from here (a server module the browser bundle does not include).
    fields: Object.fromEntries(LOCALES.map((locale) => [locale, crisisLinesField(locale)])) as Record<Locale, CrisisLinesField>,
    crisisLines: {
      text: Object.fromEntries(LOCALES.map((locale) => [crisisLinesField(locale), crisisLinesText(crisisLines.value[locale])])),
      stored: crisisLines.stored,
      updatedAt: crisisLines.updatedAt,
      updatedBy: crisisLines.updatedBy,
    },
    clustering,
    checkIn,
    routing: {
      ...routing,
      fields: ROUTING_UNIT_FIELDS,
      ...choices,
      // A saved unit closed since: routing treats it as none (cases go to the clerks), and the page says so.
      notActive: ROUTING_UNIT_FIELDS.flatMap((field) => {
        const code = routing.value[field];
        return code !== null && !activeUnits.has(code) ? [{ field, code }] : [];
      }),
    },
    retention: { ...retention, fields: RETENTION_FIELDS },
    limits: {
      checkInDaysMax: CHECK_IN_DAYS_MAX,
      retention: RETENTION_LIMITS,
      courtCategories: COURT_CATEGORIES_MAX,
      officeName: OFFICE_NAME_MAX,
      lines: CRISIS_LINES_MAX,
      textMax: CRISIS_LINES_TEXT_MAX,
      similarityMin: SIMILARITY_MIN,
      similarityMax: SIMILARITY_MAX,
    },
  };
}

/** One line per support line, `name | phone | hours`, as the form's text areas show them. */
export function crisisLinesText(lines: CrisisLine[]): string {
  return lines.map((line) => [line.name, line.phone, ...(line.hours ? [line.hours] : [])].join(' | ')).join('\n');
}

// ---------------------------------------------------------------------------------------------
// Crisis support lines

/** The form field of each language's text area. */
export const crisisLinesField = (locale: Locale) => `crisisLines-${locale}` as const;
export type CrisisLinesField = ReturnType<typeof crisisLinesField>;

export type CrisisLineProblem =
  | 'required'
  | 'tooLong'
  | 'tooMany'
  | 'format'
  | 'nameMissing'
  | 'nameTooLong'
  | 'phoneMissing'
  | 'phoneTooLong'
  | 'phoneInvalid'
  | 'hoursTooLong';

/** What is wrong with a text area: a code the page translates, and the line it is on (1-based). */
export interface LineError {
  code: CrisisLineProblem;
  line?: number;
}

const LineSchema = SETTING_SCHEMAS.crisisLines.shape.en.element;

/** Reads one language's text area. The first problem found is the one reported. */
export function parseCrisisLines(text: string): { ok: true; lines: CrisisLine[] } | { ok: false; error: LineError } {
  if (text.length > CRISIS_LINES_TEXT_MAX) return { ok: false, error: { code: 'tooLong' } };
  const numbered = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((raw, index) => ({ raw: raw.trim(), line: index + 1 }))
    .filter((entry) => entry.raw !== '');
  if (numbered.length < CRISIS_LINES_MIN) return { ok: false, error: { code: 'required' } };
  if (numbered.length > CRISIS_LINES_MAX) return { ok: false, error: { code: 'tooMany' } };
  const lines: CrisisLine[] = [];
  for (const { raw, line } of numbered) {
    const parts = raw.split(SEPARATOR).map((part) => part.trim());
    if (parts.length < 2 || parts.length > 3) return { ok: false, error: { code: 'format', line } };
    const [name = '', phone = '', hours = ''] = parts;
    if (!name) return { ok: false, error: { code: 'nameMissing', line } };
    if (!phone) return { ok: false, error: { code: 'phoneMissing', line } };
    if (!/\d/.test(phone)) return { ok: false, error: { code: 'phoneInvalid', line } };
    const parsed = LineSchema.safeParse({ name, phone, hours });
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path[0];
      const code: CrisisLineProblem = field === 'name' ? 'nameTooLong' : field === 'phone' ? 'phoneTooLong' : 'hoursTooLong';
      return { ok: false, error: { code, line } };
    }
    lines.push(parsed.data);
  }
  return { ok: true, lines };
}

export interface CrisisLinesProblem {
  errors: Partial<Record<CrisisLinesField, LineError>>;
  values: Partial<Record<CrisisLinesField, string>>;
}

/** A posted text, the first if the name was posted more than once. */
function postedText(raw: RawForm, name: string): string {
  const value = raw[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** Every language's support lines, or each text area's first problem. */
function readCrisisLines(raw: RawForm): { ok: true; lines: CrisisLines } | ({ ok: false } & CrisisLinesProblem) {
  const values: Partial<Record<CrisisLinesField, string>> = {};
  const errors: Partial<Record<CrisisLinesField, LineError>> = {};
  const parsed: Partial<CrisisLines> = {};
  for (const locale of LOCALES) {
    const field = crisisLinesField(locale);
    values[field] = postedText(raw, field);
    const result = parseCrisisLines(values[field]);
    if (result.ok) parsed[locale] = result.lines;
    else errors[field] = result.error;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, lines: SETTING_SCHEMAS.crisisLines.parse(parsed) };
}

// ---------------------------------------------------------------------------------------------
// Clustering

export type ClusteringField = 'clusteringEnabled' | 'similarity';

const toHalfWidth = (value: string) => value.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

export const ClusteringForm = z.object({
  // An unticked box posts nothing: that is "off", not a missing answer.
  clusteringEnabled: z.preprocess(
    (value) => value ?? '',
    z.literal(['yes', '']).transform((value) => value === 'yes'),
  ),
  similarity: z
    .string()
    .transform((value) => toHalfWidth(value.trim()))
    .pipe(
      z
        .string()
        .min(1, { error: 'required' })
        .regex(/^(?:\d+(?:\.\d*)?|\.\d+)$/, { error: 'invalid' })
        .transform(Number)
        .pipe(z.number().min(SIMILARITY_MIN, { error: 'range' }).max(SIMILARITY_MAX, { error: 'range' })),
    ),
});

export interface ClusteringProblem {
  errors: FieldErrors<ClusteringField>;
  values: FormValues<ClusteringField>;
}

// ---------------------------------------------------------------------------------------------
// 回访: the days after the reply before a consenting citizen is asked (app/features/cases/check-in.ts)

export type CheckInField = 'checkInDays';

/** A whole number typed in a box (full-width digits too, as Chinese input methods type them). */
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .transform((value) => toHalfWidth(value.trim()))
    .pipe(
      z
        .string()
        .min(1, { error: 'required' })
        .regex(/^\d+$/, { error: 'invalid' })
        .transform(Number)
        .pipe(z.number().int().min(min, { error: 'range' }).max(max, { error: 'range' })),
    );

export const CheckInForm = z.object({ checkInDays: wholeNumber(1, CHECK_IN_DAYS_MAX) });

export interface CheckInProblem {
  errors: FieldErrors<CheckInField>;
  values: FormValues<CheckInField>;
}

// ---------------------------------------------------------------------------------------------
// Where the statute sends a case (app/features/cases/routing.ts): the discipline and supervision
// unit (arts. 22, 30), the political and legal affairs unit (arts. 22, 28), the review office
// (arts. 35, 36), each an active unit or none, and the categories that are matters for the courts.

export const ROUTING_UNIT_FIELDS = ['disciplineUnit', 'legalUnit', 'reviewOffice'] as const;
export type RoutingUnitField = (typeof ROUTING_UNIT_FIELDS)[number];
export type RoutingField = RoutingUnitField | 'courtCategories';

/**
 * A unit or category chosen by its code. Whether it names an active one is checked against the
 * database (inactiveRoutingChoices), for every field at once: a code no unit has is 'unknown' there.
 */
const chosenCode = z.string().trim();
// The empty choice is none: routing.ts then falls back (clerks, the category's unit, supervisors).
const unitChoice = chosenCode.transform((code) => code || null);

export const RoutingForm = z.object({
  disciplineUnit: unitChoice,
  legalUnit: unitChoice,
  reviewOffice: unitChoice,
  // Ticked boxes: none (nothing is posted), one (a string) or several (a list).
  courtCategories: z.preprocess(
    (value) => (value === undefined ? [] : typeof value === 'string' ? [value] : value),
    z.array(chosenCode.min(1, { error: 'unknown' })).max(COURT_CATEGORIES_MAX, { error: 'tooMany' }),
  ),
});

export interface RoutingProblem {
  errors: FieldErrors<RoutingField>;
  values: FormValues<RoutingField>;
}

export interface ChoiceOption {
  value: string;
  label: string;
}

/** What the routing form offers: active units by name in the reader's language, active categories in their order; values are codes. */
async function routingChoices(locale: Locale): Promise<{ units: ChoiceOption[]; categories: ChoiceOption[] }> {
  const select = { code: true, nameZhHans: true, nameZhHant: true, nameEn: true } as const;
  const [units, categories] = await Promise.all([
    db().unit.findMany({ where: { active: true }, orderBy: { code: 'asc' }, select }),
    db().category.findMany({ where: { active: true }, orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }], select }),
  ]);
  return {
    units: units.map((u) => ({ value: u.code, label: localizedName(u, locale) })).sort((a, b) => a.label.localeCompare(b.label, locale)),
    categories: categories.map((c) => ({ value: c.code, label: localizedName(c, locale) })),
  };
}

/** The fields whose code names no active unit or category (a page left open while one closed, or a crafted post). */
async function inactiveRoutingChoices(value: RoutingSettings): Promise<FieldErrors<RoutingField>> {
  const unitCodes = ROUTING_UNIT_FIELDS.map((field) => value[field]).filter((code): code is string => code !== null);
  const [units, categories] = await Promise.all([
    db().unit.findMany({ where: { code: { in: unitCodes }, active: true }, select: { code: true } }),
    db().category.findMany({ where: { code: { in: value.courtCategories }, active: true }, select: { code: true } }),
  ]);
  const activeUnits = new Set(units.map((unit) => unit.code));
  const activeCategories = new Set(categories.map((category) => category.code));
  const errors: FieldErrors<RoutingField> = {};
  for (const field of ROUTING_UNIT_FIELDS) {
    const code = value[field];
    if (code !== null && !activeUnits.has(code)) errors[field] = 'unknown';
  }
  if (value.courtCategories.some((code) => !activeCategories.has(code))) errors.courtCategories = 'unknown';
  return errors;
}

// ---------------------------------------------------------------------------------------------
// How long personal data is kept (PIPL art. 19; app/jobs/retention.server.ts and the privacy page)

/** In the privacy page's order. */
export const RETENTION_FIELDS = [
  'contactYears',
  'attachmentYears',
  'bookingDays',
  'rateLimitDays',
  'sessionDays',
] as const satisfies readonly RetentionPeriod[];
export type RetentionField = (typeof RETENTION_FIELDS)[number];

const period = (field: RetentionPeriod) => wholeNumber(RETENTION_LIMITS[field].min, RETENTION_LIMITS[field].max);
export const RetentionForm = z.object({
  contactYears: period('contactYears'),
  attachmentYears: period('attachmentYears'),
  bookingDays: period('bookingDays'),
  rateLimitDays: period('rateLimitDays'),
  sessionDays: period('sessionDays'),
});

export interface RetentionProblem {
  errors: FieldErrors<RetentionField>;
  values: FormValues<RetentionField>;
}

// ---------------------------------------------------------------------------------------------
// The office's name (written notices, app/features/cases/written-notices)

export const OFFICE_NAME_FIELDS = { 'zh-Hans': 'officeZhHans', 'zh-Hant': 'officeZhHant', en: 'officeEn' } as const satisfies Record<
  Locale,
  string
>;
export type OfficeNameField = (typeof OFFICE_NAME_FIELDS)[Locale];
export const OFFICE_NAME_MAX = { 'zh-Hans': 100, 'zh-Hant': 100, en: 200 } as const satisfies Record<Locale, number>;

const officeName = (locale: Locale) => z.string().trim().min(1, { error: 'required' }).max(OFFICE_NAME_MAX[locale], { error: 'tooLong' });
export const OfficeForm = z.object({
  officeZhHans: officeName('zh-Hans'),
  officeZhHant: officeName('zh-Hant'),
  officeEn: officeName('en'),
});

export interface OfficeProblem {
  errors: FieldErrors<OfficeNameField>;
  values: FormValues<OfficeNameField>;
}

// ---------------------------------------------------------------------------------------------
// The page's one action

/** A refused form comes back to the page under its own name, so each form shows its own problems. */
export interface SettingsProblem {
  office: OfficeProblem | null;
  crisisLines: CrisisLinesProblem | null;
  clustering: ClusteringProblem | null;
  checkIn: CheckInProblem | null;
  routing: RoutingProblem | null;
  retention: RetentionProblem | null;
}

export type SettingsOutcome = { ok: true; notice: Notice } | { ok: false; status: 400; problem: SettingsProblem };

const SAVED = 'office-admin:settings.saved';

/**
 * Saves the form the intent names: the office's name in every language, every language's support
 * lines at once (all or nothing), the clustering switch and threshold, the check-in's days, the
 * statute's routing or the retention periods. Audited as setting.updated; the same values again
 * change nothing. An unknown intent is a bad request.
 */
export async function saveSettings(actor: Actor, form: FormInput, context: RequestContext): Promise<SettingsOutcome> {
  requireSettingsAdmin(actor);
  const raw = form instanceof URLSearchParams || form instanceof FormData ? rawForm(form) : form;
  const refused = (problem: Partial<SettingsProblem>) =>
    ({
      ok: false,
      status: 400,
      problem: { office: null, crisisLines: null, clustering: null, checkIn: null, routing: null, retention: null, ...problem },
    }) as const;
  const saved = (intent: string, changed: boolean) => ({
    ok: true as const,
    notice: { key: `${SAVED}.${changed ? intent : 'unchanged'}` },
  });
  switch (raw.intent) {
    case 'office': {
      const parsed = parseForm(raw, OfficeForm);
      if (!parsed.ok) return refused({ office: { errors: parsed.errors, values: parsed.values } });
      const value: OfficeSettings = {
        'zh-Hans': parsed.value.officeZhHans,
        'zh-Hant': parsed.value.officeZhHant,
        en: parsed.value.officeEn,
      };
      return saved('office', await storeSetting('office', value, actor, context));
    }
    case 'crisisLines': {
      const read = readCrisisLines(raw);
      if (!read.ok) return refused({ crisisLines: { errors: read.errors, values: read.values } });
      return saved('crisisLines', await storeSetting('crisisLines', read.lines, actor, context));
    }
    case 'clustering': {
      const parsed = parseForm(raw, ClusteringForm);
      if (!parsed.ok) return refused({ clustering: { errors: parsed.errors, values: parsed.values } });
      const value: ClusteringSettings = { enabled: parsed.value.clusteringEnabled, similarity: parsed.value.similarity };
      return saved('clustering', await storeSetting('clustering', value, actor, context));
    }
    case 'checkIn': {
      const parsed = parseForm(raw, CheckInForm);
      if (!parsed.ok) return refused({ checkIn: { errors: parsed.errors, values: parsed.values } });
      return saved('checkIn', await storeSetting('checkIn', { days: parsed.value.checkInDays }, actor, context));
    }
    case 'routing': {
      const parsed = parseForm(raw, RoutingForm);
      if (!parsed.ok) return refused({ routing: { errors: parsed.errors, values: parsed.values } });
      const value: RoutingSettings = { ...parsed.value, courtCategories: [...new Set(parsed.value.courtCategories)] };
      const errors = await inactiveRoutingChoices(value);
      if (Object.keys(errors).length > 0) return refused({ routing: { errors, values: parsed.values } });
      const changed = await storeSetting('routing', SETTING_SCHEMAS.routing.parse(value), actor, context);
      // Submissions and reviews read the routing through their own few-seconds cache.
      if (changed) forgetRoutingTargets();
      return saved('routing', changed);
    }
    case 'retention': {
      const parsed = parseForm(raw, RetentionForm);
      if (!parsed.ok) return refused({ retention: { errors: parsed.errors, values: parsed.values } });
      // In the schema's order of keys, which is how the stored value is compared.
      return saved('retention', await storeSetting('retention', SETTING_SCHEMAS.retention.parse(parsed.value), actor, context));
    }
    default:
      return refused({});
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Stores a checked value and audits it as setting.updated with before and after, in one
 * transaction (the row is locked, so two admins saving at once each log what they replaced).
 * Returns false, writing nothing, when the value is what is stored already.
 */
async function storeSetting<K extends SettingKey>(key: K, value: SettingValue<K>, actor: Actor, context: RequestContext): Promise<boolean> {
  const json = JSON.parse(JSON.stringify(value)) as Prisma.InputJsonObject;
  const changed = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`petition-desk:setting:${key}`}))`;
    const row = await tx.setting.findUnique({ where: { key } });
    const before = row ? SETTING_SCHEMAS[key].safeParse(row.value) : null;
    if (before?.success && JSON.stringify(before.data) === JSON.stringify(value)) return false;
    await tx.setting.upsert({
      where: { key },
      create: { key, value: json, updatedById: actor.id },
      update: { value: json, updatedById: actor.id },
    });
    await audit(
      {
        action: 'setting.updated',
        actorId: actor.id,
        targetType: 'Setting',
        targetId: key,
        ipAddress: context.ipAddress,
        // null before: nothing was stored and the built-in default applied.
        details: { key, before: before?.success ? (JSON.parse(JSON.stringify(before.data)) as Prisma.InputJsonObject) : null, after: json },
      },
      tx,
    );
    return true;
  });
  if (changed) forgetSetting(key);
  return changed;
}
