// Administration of staff accounts and reading of the audit log, for the admin pages under
// /office/staff and /office/audit. Routes check canManageStaff / canReadAuditLog first; these
// functions add the rules that hold whoever calls them (no self-lock-out, every change audited).
import { z } from 'zod';
import { AUDIT_ACTIONS } from '#app/features/audit/actions.ts';
import { audit } from '#app/features/audit/audit.server.ts';
import { localizedName } from '#app/i18n/localized.ts';
import { db, Prisma } from '#app/platform/db.server.ts';
import { createStaffAccount, StaffAccountError } from './accounts.server.ts';
import { STAFF_ROLES, requiresSecondFactor, type Actor, type StaffRole } from './permissions.ts';
import type { Locale } from '#app/i18n/config.ts';

/** The admin pages show accounts, passwords and the audit log: never kept by browsers or proxies. */
export const NO_STORE_HEADERS = { 'Cache-Control': 'no-store', Pragma: 'no-cache' } as const;

// ---------------------------------------------------------------------------------------------
// Reading accounts

export interface UnitOption {
  id: string;
  name: string;
}

export interface StaffListRow {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  unitName: string | null;
  active: boolean;
  locked: boolean;
  totpEnabled: boolean;
  mustChangePassword: boolean;
  lastSignInAt: string | null;
}

export interface StaffDetail extends StaffListRow {
  unitId: string | null;
  createdAt: string;
  activeSessions: number;
  /** The role must use two-step verification (set up again at the next sign-in after a reset). */
  twoFactorRequired: boolean;
}

const unitNames = { select: { nameZhHans: true, nameZhHant: true, nameEn: true } } as const;

/** Units an account can be placed in: the active ones, named in the reader's language. */
export async function listActiveUnits(locale: Locale): Promise<UnitOption[]> {
  const rows = await db().unit.findMany({
    where: { active: true },
    orderBy: { code: 'asc' },
    select: { id: true, nameZhHans: true, nameZhHant: true, nameEn: true },
  });
  return rows.map((row) => ({ id: row.id, name: localizedName(row, locale) })).sort((a, b) => a.name.localeCompare(b.name, locale));
}

interface StaffRowForSummary {
  id: string;
  email: string;
  name: string;
  role: StaffListRow['role'];
  active: boolean;
  lockedUntil: Date | null;
  totpEnabledAt: Date | null;
  mustChangePassword: boolean;
  lastSignInAt: Date | null;
  unit: { nameZhHans: string; nameZhHant: string; nameEn: string } | null;
}

/** What the staff pages show of an account: status worked out, nothing secret. */
function staffSummary(row: StaffRowForSummary, locale: Locale, now: Date): StaffListRow {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    unitName: row.unit ? localizedName(row.unit, locale) : null,
    active: row.active,
    locked: row.lockedUntil !== null && row.lockedUntil > now,
    totpEnabled: row.totpEnabledAt !== null,
    mustChangePassword: row.mustChangePassword,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
  };
}

/** Every account, active ones first, with its unit's name. Staff lists are short: no paging. */
export async function listStaff(locale: Locale, now = new Date()): Promise<StaffListRow[]> {
  const rows = await db().staffUser.findMany({
    orderBy: [{ active: 'desc' }, { name: 'asc' }, { email: 'asc' }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      lockedUntil: true,
      totpEnabledAt: true,
      mustChangePassword: true,
      lastSignInAt: true,
      unit: unitNames,
    },
  });
  return rows.map((row) => staffSummary(row, locale, now));
}

export async function staffDetail(id: string, locale: Locale, now = new Date()): Promise<StaffDetail | null> {
  const row = await db().staffUser.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      unitId: true,
      active: true,
      lockedUntil: true,
      totpEnabledAt: true,
      mustChangePassword: true,
      lastSignInAt: true,
      createdAt: true,
      unit: unitNames,
    },
  });
  if (!row) return null;
  const activeSessions = await db().staffSession.count({
    where: { userId: id, revokedAt: null, expiresAt: { gt: now } },
  });
  return {
    ...staffSummary(row, locale, now),
    unitId: row.unitId,
    createdAt: row.createdAt.toISOString(),
    activeSessions,
    twoFactorRequired: requiresSecondFactor(row.role),
  };
}

// ---------------------------------------------------------------------------------------------
// Form input

/** Field → locale key suffix of what is wrong with it (`staff.errors.<field>.<code>`). */
export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

export type CreateStaffField = 'email' | 'name' | 'role' | 'unitId';
export type UpdateStaffField = 'role' | 'unitId';

const text = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value : '');
const optionalText = (value: FormDataEntryValue | null) => text(value).trim() || undefined;

const roleField = z.enum(STAFF_ROLES, { error: 'required' });
const unitField = z.uuid({ error: 'invalid' }).optional();

export const CreateStaffForm = z.object({
  email: z
    .string()
    .trim()
    .min(1, { error: 'required' })
    .max(254, { error: 'tooLong' })
    .pipe(z.email({ error: 'invalid' })),
  name: z.string().trim().min(1, { error: 'required' }).max(100, { error: 'tooLong' }),
  role: roleField,
  unitId: unitField,
});

export const UpdateStaffForm = z.object({ role: roleField, unitId: unitField });

/**
 * The first problem of each field. A handler works one unit's cases, so needs a unit: that rule
 * is checked here rather than in a refinement so it is reported together with the others.
 */
function fieldErrors<Field extends string>(
  error: z.ZodError | null,
  fields: readonly Field[],
  input: { role?: string | undefined; unitId?: string | undefined },
): FieldErrors<Field> {
  const errors: FieldErrors<Field> = {};
  for (const issue of error?.issues ?? []) {
    const field = fields.find((f) => f === issue.path[0]);
    if (field && !errors[field]) errors[field] = issue.message;
  }
  const unitField = fields.find((f) => f === 'unitId');
  if (unitField && input.role === 'HANDLER' && !input.unitId && !errors[unitField]) errors[unitField] = 'required';
  return errors;
}

async function isActiveUnit(unitId: string): Promise<boolean> {
  return (await db().unit.count({ where: { id: unitId, active: true } })) === 1;
}

export interface RequestContext {
  ipAddress: string;
}

export type CreateStaffValues = Partial<Record<CreateStaffField, string>>;

export type CreateStaffOutcome =
  | { ok: true; created: { id: string; name: string; email: string; role: StaffRole; oneTimePassword: string } }
  | { ok: false; errors: FieldErrors<CreateStaffField>; values: CreateStaffValues };

/** Creates an account from the admin form; the one-time password is returned once and never stored. */
export async function createStaffFromForm(form: FormData, actor: Actor, context: RequestContext): Promise<CreateStaffOutcome> {
  const values: CreateStaffValues = {
    email: text(form.get('email')).slice(0, 300),
    name: text(form.get('name')).slice(0, 300),
    role: text(form.get('role')).slice(0, 20),
    unitId: text(form.get('unitId')).slice(0, 40),
  };
  const raw = { email: values.email, name: values.name, role: values.role || undefined, unitId: optionalText(form.get('unitId')) };
  const parsed = CreateStaffForm.safeParse(raw);
  const errors = fieldErrors(parsed.error ?? null, ['email', 'name', 'role', 'unitId'], raw);
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors, values };
  const input = parsed.data;
  if (input.unitId && !(await isActiveUnit(input.unitId))) return { ok: false, errors: { unitId: 'invalid' }, values };
  try {
    const created = await createStaffAccount(
      { email: input.email, name: input.name, role: input.role, unitId: input.unitId ?? null },
      { actorId: actor.id, ipAddress: context.ipAddress },
    );
    const user = await db().staffUser.findUniqueOrThrow({ where: { id: created.id }, select: { email: true, name: true } });
    return {
      ok: true,
      created: { id: created.id, name: user.name, email: user.email, role: input.role, oneTimePassword: created.oneTimePassword },
    };
  } catch (error) {
    if (error instanceof StaffAccountError && error.code === 'emailTaken') return { ok: false, errors: { email: 'taken' }, values };
    if (error instanceof StaffAccountError && error.code === 'unitRequired') return { ok: false, errors: { unitId: 'required' }, values };
    // Two admins creating the same address at once: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return { ok: false, errors: { email: 'taken' }, values };
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Changing accounts

export class StaffAdminError extends Error {
  constructor(readonly code: 'notFound' | 'selfDeactivation' | 'selfSecondFactorReset') {
    super(code);
  }
}

export type UpdateStaffOutcome =
  | { ok: true; changed: boolean }
  | { ok: false; errors: FieldErrors<UpdateStaffField>; values: Partial<Record<UpdateStaffField, string>> };

/**
 * Changes an account's role and unit, audited as staff.roleChanged with before and after.
 * An admin cannot take the admin role from themselves (someone must still be able to get in).
 */
export async function updateRoleAndUnit(
  form: FormData,
  actor: Actor,
  targetId: string,
  context: RequestContext,
): Promise<UpdateStaffOutcome> {
  const values = { role: text(form.get('role')).slice(0, 20), unitId: text(form.get('unitId')).slice(0, 40) };
  const raw = { role: values.role || undefined, unitId: optionalText(form.get('unitId')) };
  const parsed = UpdateStaffForm.safeParse(raw);
  const errors = fieldErrors(parsed.error ?? null, ['role', 'unitId'], raw);
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors, values };
  const { role, unitId = null } = parsed.data;
  if (targetId === actor.id && role !== 'ADMIN') return { ok: false, errors: { role: 'selfDemotion' }, values };

  return await db().$transaction(async (tx) => {
    // Lock the row so two admins editing at once produce two consistent audit entries.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "StaffUser" WHERE "id" = ${targetId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new StaffAdminError('notFound');
    const before = await tx.staffUser.findUniqueOrThrow({ where: { id: targetId }, select: { role: true, unitId: true } });
    if (unitId && unitId !== before.unitId && (await tx.unit.count({ where: { id: unitId, active: true } })) !== 1) {
      return { ok: false as const, errors: { unitId: 'invalid' }, values };
    }
    if (before.role === role && before.unitId === unitId) return { ok: true as const, changed: false };
    await tx.staffUser.update({ where: { id: targetId }, data: { role, unitId } });
    await audit(
      {
        action: 'staff.roleChanged',
        actorId: actor.id,
        targetType: 'StaffUser',
        targetId,
        ipAddress: context.ipAddress,
        details: { before: { role: before.role, unitId: before.unitId }, after: { role, unitId } },
      },
      tx,
    );
    return { ok: true as const, changed: true };
  });
}

/**
 * Turns an account off and ends every session it holds, in one transaction, audited as
 * staff.deactivated. Nobody can deactivate themselves. Returns false when it was already off.
 */
export async function deactivateStaff(actor: Actor, targetId: string, context: RequestContext): Promise<boolean> {
  if (targetId === actor.id) throw new StaffAdminError('selfDeactivation');
  return await db().$transaction(async (tx) => {
    const target = await tx.staffUser.findUnique({ where: { id: targetId }, select: { id: true } });
    if (!target) throw new StaffAdminError('notFound');
    const updated = await tx.staffUser.updateMany({ where: { id: targetId, active: true }, data: { active: false } });
    if (updated.count === 0) return false;
    // The same as revokeAllSessions in sign-in.server.ts, inside this transaction.
    const revoked = await tx.staffSession.updateMany({ where: { userId: targetId, revokedAt: null }, data: { revokedAt: new Date() } });
    await audit(
      {
        action: 'staff.deactivated',
        actorId: actor.id,
        targetType: 'StaffUser',
        targetId,
        ipAddress: context.ipAddress,
        details: { before: { active: true }, after: { active: false }, sessionsRevoked: revoked.count },
      },
      tx,
    );
    return true;
  });
}

/** Turns an account back on (and clears any sign-in lockout), audited as staff.reactivated. */
export async function reactivateStaff(actor: Actor, targetId: string, context: RequestContext): Promise<boolean> {
  return await db().$transaction(async (tx) => {
    const target = await tx.staffUser.findUnique({ where: { id: targetId }, select: { id: true } });
    if (!target) throw new StaffAdminError('notFound');
    const updated = await tx.staffUser.updateMany({
      where: { id: targetId, active: false },
      data: { active: true, failedSignIns: 0, lockedUntil: null },
    });
    if (updated.count === 0) return false;
    await audit(
      {
        action: 'staff.reactivated',
        actorId: actor.id,
        targetType: 'StaffUser',
        targetId,
        ipAddress: context.ipAddress,
        details: { before: { active: false }, after: { active: true } },
      },
      tx,
    );
    return true;
  });
}

/**
 * Ends every session of an account (a lost laptop, a suspected break-in), audited as
 * staff.sessionsRevoked. For one's own account, the session making the request is kept.
 */
export async function endAllSessions(
  actor: Actor,
  targetId: string,
  context: RequestContext & { currentSessionId?: string },
): Promise<number> {
  const target = await db().staffUser.findUnique({ where: { id: targetId }, select: { id: true } });
  if (!target) throw new StaffAdminError('notFound');
  const keep = targetId === actor.id ? context.currentSessionId : undefined;
  return await db().$transaction(async (tx) => {
    const revoked = await tx.staffSession.updateMany({
      where: { userId: targetId, revokedAt: null, ...(keep ? { id: { not: keep } } : {}) },
      data: { revokedAt: new Date() },
    });
    await audit(
      {
        action: 'staff.sessionsRevoked',
        actorId: actor.id,
        targetType: 'StaffUser',
        targetId,
        ipAddress: context.ipAddress,
        details: { sessionsRevoked: revoked.count, keptCurrentSession: Boolean(keep) },
      },
      tx,
    );
    return revoked.count;
  });
}

/**
 * Resets an account's two-step verification when its holder lost their authenticator and their
 * recovery codes: the TOTP secret, the recovery codes and the last accepted step are cleared and
 * every session is ended, in one transaction audited as totp.resetByAdmin. Supervisors and admins
 * must then set it up again at their next sign-in (requireStaff sends them there while
 * totpEnabledAt is null). Nobody resets their own: that would let a stolen password alone in.
 * Returns false, changing nothing, when two-step verification was not on.
 */
export async function resetSecondFactor(actor: Actor, targetId: string, context: RequestContext): Promise<boolean> {
  if (targetId === actor.id) throw new StaffAdminError('selfSecondFactorReset');
  return await db().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "StaffUser" WHERE "id" = ${targetId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new StaffAdminError('notFound');
    const before = await tx.staffUser.findUniqueOrThrow({
      where: { id: targetId },
      select: { role: true, totpEnabledAt: true, totpSecretSealed: true, recoveryCodeHashes: true },
    });
    if (before.totpEnabledAt === null && before.totpSecretSealed === null) return false;
    await tx.staffUser.update({
      where: { id: targetId },
      data: { totpSecretSealed: null, totpEnabledAt: null, totpLastStep: null, recoveryCodeHashes: [] },
    });
    // The same as revokeAllSessions in sign-in.server.ts, inside this transaction.
    const revoked = await tx.staffSession.updateMany({ where: { userId: targetId, revokedAt: null }, data: { revokedAt: new Date() } });
    await audit(
      {
        action: 'totp.resetByAdmin',
        actorId: actor.id,
        targetType: 'StaffUser',
        targetId,
        ipAddress: context.ipAddress,
        details: {
          before: { totpEnabled: before.totpEnabledAt !== null, recoveryCodesLeft: before.recoveryCodeHashes.length },
          after: { totpEnabled: false, recoveryCodesLeft: 0 },
          sessionsRevoked: revoked.count,
          mustSetUpAgain: requiresSecondFactor(before.role),
        },
      },
      tx,
    );
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// The audit log

export const AUDIT_PAGE_SIZE = 100;

export const AuditFilters = z.object({
  /** Keyset paging: entries with an id below this one (the last id of the previous page). */
  before: z
    .string()
    .regex(/^[1-9]\d{0,18}$/)
    .transform((value) => BigInt(value))
    .optional()
    .catch(undefined),
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  /** Entries by or about one staff account. */
  staff: z.uuid().optional().catch(undefined),
});
export type AuditFilters = z.infer<typeof AuditFilters>;

export function parseAuditFilters(searchParams: URLSearchParams): AuditFilters {
  return AuditFilters.parse({
    before: searchParams.get('before') ?? undefined,
    action: searchParams.get('action') || undefined,
    staff: searchParams.get('staff') || undefined,
  });
}

export interface AuditRow {
  id: string;
  at: string;
  action: string;
  actor: { id: string; name: string | null; email: string | null } | null;
  target: { type: string | null; id: string | null; name: string | null; email: string | null } | null;
  ipAddress: string | null;
  /** The details as compact JSON; "" when there are none. */
  details: string;
}

export interface AuditPage {
  rows: AuditRow[];
  /** `before` for the next (older) page, or null when this is the last one. */
  olderBefore: string | null;
  /** The account the page is filtered by, if any. */
  staff: { id: string; name: string; email: string } | null;
}

/** Names of the units, categories and reply templates that entries are about, by type and id. */
async function referenceTargetNames(entries: { targetType: string | null; targetId: string | null }[], locale: Locale) {
  const uuid = z.uuid();
  const idsOf = (type: string) => [
    ...new Set(entries.filter((e) => e.targetType === type && e.targetId && uuid.safeParse(e.targetId).success).map((e) => e.targetId!)),
  ];
  const [units, categories, templates] = await Promise.all([
    db().unit.findMany({
      where: { id: { in: idsOf('Unit') } },
      select: { id: true, code: true, nameZhHans: true, nameZhHant: true, nameEn: true },
    }),
    db().category.findMany({
      where: { id: { in: idsOf('Category') } },
      select: { id: true, code: true, nameZhHans: true, nameZhHant: true, nameEn: true },
    }),
    db().replyTemplate.findMany({ where: { id: { in: idsOf('ReplyTemplate') } }, select: { id: true, title: true } }),
  ]);
  const names = new Map<string, string>();
  for (const row of units) names.set(`Unit:${row.id}`, `${localizedName(row, locale)} (${row.code})`);
  for (const row of categories) names.set(`Category:${row.id}`, `${localizedName(row, locale)} (${row.code})`);
  for (const row of templates) names.set(`ReplyTemplate:${row.id}`, row.title);
  return names;
}

/** One page of the audit log, newest first; units and categories are named in `locale`. */
export async function auditLogPage(filters: AuditFilters, limit = AUDIT_PAGE_SIZE, locale: Locale = 'zh-Hans'): Promise<AuditPage> {
  const where: Prisma.AuditLogWhereInput = {
    ...(filters.before ? { id: { lt: filters.before } } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.staff ? { OR: [{ actorId: filters.staff }, { targetType: 'StaffUser', targetId: filters.staff }] } : {}),
  };
  const found = await db().auditLog.findMany({ where, orderBy: { id: 'desc' }, take: limit + 1 });
  const entries = found.slice(0, limit);
  const uuid = z.uuid();
  const staffIds = new Set<string>();
  for (const entry of entries) {
    if (entry.actorId) staffIds.add(entry.actorId);
    if (entry.targetType === 'StaffUser' && entry.targetId && uuid.safeParse(entry.targetId).success) staffIds.add(entry.targetId);
  }
  if (filters.staff) staffIds.add(filters.staff);
  const people = new Map(
    (await db().staffUser.findMany({ where: { id: { in: [...staffIds] } }, select: { id: true, name: true, email: true } })).map(
      (person) => [person.id, person],
    ),
  );
  const referenceNames = await referenceTargetNames(entries, locale);
  const rows = entries.map((entry): AuditRow => {
    const actor = entry.actorId ? people.get(entry.actorId) : undefined;
    const person = entry.targetType === 'StaffUser' && entry.targetId ? people.get(entry.targetId) : undefined;
    const referenceName = entry.targetType && entry.targetId ? referenceNames.get(`${entry.targetType}:${entry.targetId}`) : undefined;
    const target = person ?? (referenceName ? { name: referenceName, email: null } : undefined);
    const hasDetails = entry.details !== null && !(typeof entry.details === 'object' && Object.keys(entry.details).length === 0);
    return {
      id: entry.id.toString(),
      at: entry.at.toISOString(),
      action: entry.action,
      actor: entry.actorId ? { id: entry.actorId, name: actor?.name ?? null, email: actor?.email ?? null } : null,
      target:
        entry.targetType || entry.targetId
          ? { type: entry.targetType, id: entry.targetId, name: target?.name ?? null, email: target?.email ?? null }
          : null,
      ipAddress: entry.ipAddress,
      details: hasDetails ? JSON.stringify(entry.details) : '',
    };
  });
  const last = entries.at(-1);
  return {
    rows,
    olderBefore: found.length > limit && last ? last.id.toString() : null,
    staff: filters.staff ? (people.get(filters.staff) ?? null) : null,
  };
}
