// Administration of staff accounts for /office/staff: the list, one account, creating one with a
// one-time password, changing its role and unit, deactivating and reactivating it, ending its
// sessions and resetting its two-step verification. Admins only, checked here whoever calls; the
// rules that keep an admin from locking themselves out are in account-rules.ts; every change is
// audited.
import { z } from 'zod';
import { auditChange } from '#app/features/audit/audit.server.ts';
import {
  OptionalId,
  changeStatus,
  done,
  statusDetails,
  type FormInput,
  type RecordEditor,
  type RequestContext,
} from '#app/features/reference-data/admin-forms.server.ts';
import { localizedName } from '#app/i18n/localized.ts';
import { db, Prisma } from '#app/platform/db.server.ts';
import { ForbiddenError, NotFoundError } from '#app/platform/http/errors.ts';
import { parseForm } from '#app/platform/http/forms.ts';
import { refused, refusedFor, type Outcome } from '#app/platform/http/outcome.server.ts';
import { accountStatusRefusal, roleChangeRefusal, secondFactorResetRefusal } from './account-rules.ts';
import { createStaffAccount, StaffAccountError } from './accounts.server.ts';
import { sortStaffRows, staffOrderFrom, type StaffOrderParams, type StaffSort } from './list-order.ts';
import { STAFF_ROLES, canManageStaff, requiresSecondFactor, type Actor, type StaffRole } from './permissions.ts';
import type { Locale } from '#app/i18n/config.ts';
import type { ListOrder } from '#app/platform/http/list-order.ts';

function requireStaffAdmin(actor: Actor): void {
  if (!canManageStaff(actor)) throw new ForbiddenError('staff accounts');
}

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
  /** The admin's own account, which they may not demote, deactivate or reset (account-rules.ts). */
  self: boolean;
  statusRefusal: 'selfDeactivation' | null;
  resetRefusal: 'selfSecondFactorReset' | null;
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
  signInLockouts: { address: string }[];
  totpEnabledAt: Date | null;
  mustChangePassword: boolean;
  lastSignInAt: Date | null;
  unit: { nameZhHans: string; nameZhHant: string; nameEn: string } | null;
}

/** The addresses locked out of an account now (only whether there are any is shown). */
function activeLockouts(now: Date) {
  return { where: { lockedUntil: { gt: now } }, select: { address: true }, take: 1 };
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
    // Locked for everyone (the hourly ceiling), or for some address (sign-in-lockout.ts).
    locked: (row.lockedUntil !== null && row.lockedUntil > now) || row.signInLockouts.length > 0,
    totpEnabled: row.totpEnabledAt !== null,
    mustChangePassword: row.mustChangePassword,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
  };
}

/** Every account, active ones first, with its unit's name. Staff lists are short: no paging. */
export async function listStaff(actor: Actor, locale: Locale, now = new Date()): Promise<StaffListRow[]> {
  requireStaffAdmin(actor);
  const rows = await db().staffUser.findMany({
    orderBy: [{ active: 'desc' }, { name: 'asc' }, { email: 'asc' }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      lockedUntil: true,
      signInLockouts: activeLockouts(now),
      totpEnabledAt: true,
      mustChangePassword: true,
      lastSignInAt: true,
      unit: unitNames,
    },
  });
  return rows.map((row) => staffSummary(row, locale, now));
}

export interface StaffListPage {
  staff: StaffListRow[];
  order: ListOrder<StaffSort>;
  params: StaffOrderParams;
  /** The units a new account can be placed in. */
  units: UnitOption[];
}

/**
 * The staff list page: every account in the order the URL asks for (a short list, sorted here by
 * the names as the reader sees them; `roleLabel` names a role in the reader's language).
 */
export async function staffListPage(
  actor: Actor,
  search: URLSearchParams,
  locale: Locale,
  roleLabel: (role: string) => string,
): Promise<StaffListPage> {
  const { params, order } = staffOrderFrom(search);
  const [staff, units] = await Promise.all([listStaff(actor, locale), listActiveUnits(locale)]);
  return { staff: sortStaffRows(staff, order, locale, roleLabel), order, params, units };
}

/** One account for the admin page; NotFoundError when there is none. */
export async function staffDetail(actor: Actor, id: string, locale: Locale, now = new Date()): Promise<StaffDetail> {
  requireStaffAdmin(actor);
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
      signInLockouts: activeLockouts(now),
      totpEnabledAt: true,
      mustChangePassword: true,
      lastSignInAt: true,
      createdAt: true,
      unit: unitNames,
    },
  });
  if (!row) throw new NotFoundError('staff account');
  const activeSessions = await db().staffSession.count({
    where: { userId: id, revokedAt: null, expiresAt: { gt: now } },
  });
  return {
    ...staffSummary(row, locale, now),
    unitId: row.unitId,
    createdAt: row.createdAt.toISOString(),
    activeSessions,
    twoFactorRequired: requiresSecondFactor(row.role),
    self: row.id === actor.id,
    statusRefusal: accountStatusRefusal({ self: row.id === actor.id, active: row.active }),
    resetRefusal: secondFactorResetRefusal({ self: row.id === actor.id }),
  };
}

// ---------------------------------------------------------------------------------------------
// Changing accounts

export type CreateStaffField = 'email' | 'name' | 'role' | 'unitId';
export type UpdateStaffField = 'role' | 'unitId';

/** The staff page's requests: which session is making it, so ending "all" sessions keeps it. */
export interface StaffRequestContext extends RequestContext {
  currentSessionId?: string;
}

const RoleAndUnit = z.object({ role: z.enum(STAFF_ROLES, { error: 'required' }), unitId: OptionalId });

/**
 * A handler works one unit's cases, so needs a unit. Checked even when other fields fail (`when`),
 * so it is reported together with the others.
 */
function withHandlerUnit<S extends typeof RoleAndUnit>(schema: S) {
  return schema.refine((value) => value.role !== 'HANDLER' || value.unitId !== undefined, {
    path: ['unitId'],
    error: 'required',
    when: () => true,
  });
}

export const CreateStaffForm = withHandlerUnit(
  RoleAndUnit.extend({
    email: z
      .string()
      .trim()
      .min(1, { error: 'required' })
      .max(254, { error: 'tooLong' })
      .pipe(z.email({ error: 'invalid' })),
    name: z.string().trim().min(1, { error: 'required' }).max(100, { error: 'tooLong' }),
  }),
);

export const UpdateStaffForm = withHandlerUnit(RoleAndUnit);

async function isActiveUnit(client: Prisma.TransactionClient, unitId: string): Promise<boolean> {
  return (await client.unit.count({ where: { id: unitId, active: true } })) === 1;
}

export interface CreatedAccount {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  oneTimePassword: string;
}

/** Creates an account from the admin form; the one-time password is returned once and never stored. */
export async function createStaff(
  actor: Actor,
  form: FormInput,
  context: RequestContext,
): Promise<Outcome<CreateStaffField, { created: CreatedAccount }>> {
  requireStaffAdmin(actor);
  const parsed = parseForm(form, CreateStaffForm);
  if (!parsed.ok) return refused(parsed);
  const { values, value: input } = parsed;
  if (input.unitId && !(await isActiveUnit(db(), input.unitId)))
    return refused<CreateStaffField>({ errors: { unitId: 'invalid' }, values });
  const taken = refused<CreateStaffField>({ errors: { email: 'taken' }, values });
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
    if (error instanceof StaffAccountError && error.code === 'emailTaken') return taken;
    if (error instanceof StaffAccountError && error.code === 'unitRequired') return refused({ errors: { unitId: 'required' }, values });
    // Two admins creating the same address at once: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return taken;
    throw error;
  }
}

const NOTICES = 'office-admin:staff.detail.done';

/** Locks an account's row, so two admins changing it at once each log what they replaced. */
async function lockAccount(tx: Prisma.TransactionClient, id: string): Promise<void> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "StaffUser" WHERE "id" = ${id}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new NotFoundError('staff account');
}

/** The same as revokeAllSessions in sign-in.server.ts, inside the caller's transaction. */
async function endSessions(tx: Prisma.TransactionClient, userId: string, keep?: string): Promise<number> {
  const revoked = await tx.staffSession.updateMany({
    where: { userId, revokedAt: null, ...(keep ? { id: { not: keep } } : {}) },
    data: { revokedAt: new Date() },
  });
  return revoked.count;
}

/**
 * Changes an account's role and unit, audited as staff.roleChanged with before and after.
 * An admin cannot take the admin role from themselves (roleChangeRefusal).
 */
export async function updateRoleAndUnit(
  actor: Actor,
  targetId: string,
  form: FormInput,
  context: RequestContext,
): Promise<Outcome<UpdateStaffField>> {
  requireStaffAdmin(actor);
  const parsed = parseForm(form, UpdateStaffForm);
  if (!parsed.ok) return refused(parsed);
  const { values } = parsed;
  const { role, unitId = null } = parsed.value;
  const refusal = roleChangeRefusal({ self: targetId === actor.id, role });
  if (refusal) return refused<UpdateStaffField>({ errors: { role: refusal }, values });

  return await db().$transaction(async (tx) => {
    await lockAccount(tx, targetId);
    const before = await tx.staffUser.findUniqueOrThrow({ where: { id: targetId }, select: { name: true, role: true, unitId: true } });
    if (unitId && unitId !== before.unitId && !(await isActiveUnit(tx, unitId))) {
      return refused<UpdateStaffField>({ errors: { unitId: 'invalid' }, values });
    }
    if (before.role === role && before.unitId === unitId) return done(NOTICES, 'unchanged', { name: before.name });
    await tx.staffUser.update({ where: { id: targetId }, data: { role, unitId } });
    await auditChange(tx, { actor, context }, ['StaffUser', targetId], 'staff.roleChanged', {
      before: { role: before.role, unitId: before.unitId },
      after: { role, unitId },
    });
    return done(NOTICES, 'updated', { name: before.name });
  });
}

/**
 * Turns an account off, ending every session it holds in the same transaction (staff.deactivated),
 * or back on, clearing any sign-in lockout (staff.reactivated). Nobody deactivates themselves;
 * asking for the status it already has changes nothing.
 */
export async function setStaffActive(actor: Actor, targetId: string, active: boolean, context: RequestContext): Promise<Outcome<never>> {
  requireStaffAdmin(actor);
  return await db().$transaction(async (tx): Promise<Outcome<never>> => {
    const target = await tx.staffUser.findUnique({ where: { id: targetId }, select: { name: true, active: true } });
    if (!target) throw new NotFoundError('staff account');
    return await changeStatus(NOTICES, {
      active,
      was: target.active,
      values: { name: target.name },
      refusal: () => accountStatusRefusal({ self: targetId === actor.id, active: target.active }),
      refusalStatus: 400,
      write: async () => {
        const data = active ? { active, ...NO_ACCOUNT_FAILURES } : { active };
        if (active) await tx.signInLockout.deleteMany({ where: { userId: targetId } });
        const updated = await tx.staffUser.updateMany({ where: { id: targetId, active: !active }, data });
        if (updated.count === 0) return false;
        // Deactivation signs the account out everywhere, in the same transaction.
        const revoked = active ? {} : { sessionsRevoked: await endSessions(tx, targetId) };
        const action = active ? 'staff.reactivated' : 'staff.deactivated';
        await auditChange(tx, { actor, context }, ['StaffUser', targetId], action, { ...statusDetails(active), ...revoked });
      },
    });
  });
}

const NO_ACCOUNT_FAILURES = { failedSignIns: 0, failedSignInsSince: null, lockedUntil: null };

/**
 * Lifts every sign-in lock on an account, for the whole account and for each address, and
 * forgets its failures (staff.unlocked): for a holder who was locked out by someone else's
 * attempts. Changes nothing, and says so, when nothing was locked.
 */
export async function unlockSignIn(actor: Actor, targetId: string, context: RequestContext): Promise<Outcome<never>> {
  requireStaffAdmin(actor);
  const now = new Date();
  return await db().$transaction(async (tx): Promise<Outcome<never>> => {
    await lockAccount(tx, targetId);
    const target = await tx.staffUser.findUniqueOrThrow({ where: { id: targetId }, select: { name: true, lockedUntil: true } });
    const addresses = await tx.signInLockout.findMany({ where: { userId: targetId, lockedUntil: { gt: now } }, select: { address: true } });
    const accountLocked = target.lockedUntil !== null && target.lockedUntil > now;
    if (!accountLocked && addresses.length === 0) return done(NOTICES, 'notLocked', { name: target.name });
    await tx.staffUser.update({ where: { id: targetId }, data: NO_ACCOUNT_FAILURES });
    await tx.signInLockout.deleteMany({ where: { userId: targetId } });
    await auditChange(tx, { actor, context }, ['StaffUser', targetId], 'staff.unlocked', {
      accountLocked,
      addressesLocked: addresses.length,
    });
    return done(NOTICES, 'unlocked', { name: target.name });
  });
}

/**
 * Ends every session of an account (a lost laptop, a suspected break-in), audited as
 * staff.sessionsRevoked. For one's own account, the session making the request is kept.
 */
export async function endAllSessions(actor: Actor, targetId: string, context: StaffRequestContext): Promise<Outcome<never>> {
  requireStaffAdmin(actor);
  const target = await db().staffUser.findUnique({ where: { id: targetId }, select: { name: true } });
  if (!target) throw new NotFoundError('staff account');
  const keep = targetId === actor.id ? context.currentSessionId : undefined;
  await db().$transaction(async (tx) => {
    const sessionsRevoked = await endSessions(tx, targetId, keep);
    await auditChange(tx, { actor, context }, ['StaffUser', targetId], 'staff.sessionsRevoked', {
      sessionsRevoked,
      keptCurrentSession: Boolean(keep),
    });
  });
  return done(NOTICES, 'sessionsRevoked', { name: target.name });
}

/**
 * Resets an account's two-step verification when its holder lost their authenticator and their
 * recovery codes: the TOTP secret, the recovery codes and the last accepted step are cleared and
 * every session is ended, in one transaction audited as totp.resetByAdmin. Supervisors and admins
 * must then set it up again at their next sign-in (requireStaff sends them there while
 * totpEnabledAt is null). Nobody resets their own (secondFactorResetRefusal). Changes nothing when
 * two-step verification was not on.
 */
export async function resetSecondFactor(actor: Actor, targetId: string, context: RequestContext): Promise<Outcome<never>> {
  requireStaffAdmin(actor);
  const refusal = secondFactorResetRefusal({ self: targetId === actor.id });
  if (refusal) return refusedFor(refusal, 400);
  return await db().$transaction(async (tx) => {
    await lockAccount(tx, targetId);
    const before = await tx.staffUser.findUniqueOrThrow({
      where: { id: targetId },
      select: { name: true, role: true, totpEnabledAt: true, totpSecretSealed: true, recoveryCodeHashes: true },
    });
    if (before.totpEnabledAt === null && before.totpSecretSealed === null)
      return done(NOTICES, 'twoFactorAlreadyOff', { name: before.name });
    await tx.staffUser.update({
      where: { id: targetId },
      data: { totpSecretSealed: null, totpEnabledAt: null, totpLastStep: null, recoveryCodeHashes: [] },
    });
    const sessionsRevoked = await endSessions(tx, targetId);
    await auditChange(tx, { actor, context }, ['StaffUser', targetId], 'totp.resetByAdmin', {
      before: { totpEnabled: before.totpEnabledAt !== null, recoveryCodesLeft: before.recoveryCodeHashes.length },
      after: { totpEnabled: false, recoveryCodesLeft: 0 },
      sessionsRevoked,
      mustSetUpAgain: requiresSecondFactor(before.role),
    });
    return done(NOTICES, 'twoFactorReset', { name: before.name });
  });
}

/**
 * The staff page's editor: its forms (role and unit, deactivate, reactivate, end sessions, reset
 * two-step verification) post through one action.
 */
export const staffEditor: RecordEditor<UpdateStaffField, StaffRequestContext> = {
  update: updateRoleAndUnit,
  setActive: setStaffActive,
  actions: { endSessions: endAllSessions, resetTwoFactor: resetSecondFactor, unlock: unlockSignIn },
};
