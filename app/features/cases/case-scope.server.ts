// What the permission rules need to know about a case (features/staff/permissions.ts), read with it:
// its unit and kind, the unit a report of misconduct is about, and who withdrew from it. The same
// rule as a database condition keeps those cases out of every list, count and message.
import { unitParents } from '#app/features/reference-data/unit-tree.server.ts';
import { subtreeIn } from '#app/features/reference-data/unit-tree.ts';
import { barredReportUnits, type Actor, type CaseScope } from '#app/features/staff/permissions.ts';
import { Prisma, type db } from '#app/platform/db.server.ts';

type Client = Prisma.TransactionClient | ReturnType<typeof db>;

/** Select this with a case to build its scope. */
export const SCOPE_SELECT = {
  unitId: true,
  kind: true,
  reportedParty: { select: { unitId: true } },
  recusals: { select: { staffId: true } },
} as const;

export interface ScopeRow {
  unitId: string | null;
  kind: string;
  reportedParty: { unitId: string | null } | null;
  recusals: { staffId: string }[];
}

export function scopeFrom(row: ScopeRow): CaseScope {
  return {
    unitId: row.unitId,
    kind: row.kind,
    reportedUnitId: row.reportedParty?.unitId ?? null,
    recusedStaffIds: row.recusals.map((r) => r.staffId),
  };
}

/** The cases not kept from the actor (isKeptFrom), as a Prisma filter on Case. */
export function visibleToWhere(actor: Actor): Prisma.CaseWhereInput {
  const barred = barredReportUnits(actor);
  const conditions: Prisma.CaseWhereInput[] = [{ recusals: { none: { staffId: actor.id } } }];
  if (barred === 'anyUnit') conditions.push({ NOT: { reportedParty: { is: { unitId: { not: null } } } } });
  else if (barred.length > 0) conditions.push({ NOT: { reportedParty: { is: { unitId: { in: [...barred] } } } } });
  return { AND: conditions };
}

/** The same rule as SQL on the case table under `alias`. */
export function visibleToSql(actor: Actor, alias = 'c'): Prisma.Sql {
  return visibleToCaseSql(actor, Prisma.raw(`${alias}."id"`));
}

/** The same rule on any column holding a case's id (an event's "caseId"), so no join with the case is needed. */
export function visibleToCaseSql(actor: Actor, id: Prisma.Sql): Prisma.Sql {
  const barred = barredReportUnits(actor);
  const parts = [Prisma.sql`NOT EXISTS (SELECT 1 FROM "Recusal" kr WHERE kr."caseId" = ${id} AND kr."staffId" = ${actor.id}::uuid)`];
  if (barred === 'anyUnit') {
    parts.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "ReportedParty" kp WHERE kp."caseId" = ${id} AND kp."unitId" IS NOT NULL)`);
  } else if (barred.length > 0) {
    parts.push(
      Prisma.sql`NOT EXISTS (SELECT 1 FROM "ReportedParty" kp WHERE kp."caseId" = ${id} AND kp."unitId" = ANY(${[...barred]}::uuid[]))`,
    );
  }
  return Prisma.sql`(${Prisma.join(parts, ' AND ')})`;
}

/**
 * Which of these staff the case is kept from (isKeptFrom, for people rather than a signed-in actor):
 * the staff of the unit a report accuses and of the units below it, and whoever withdrew from it.
 * Messages about the case never reach them.
 */
export async function staffKeptFrom(client: Client, caseId: string, staffIds: readonly string[]): Promise<Set<string>> {
  if (staffIds.length === 0) return new Set();
  const c = await client.case.findUnique({
    where: { id: caseId },
    select: { reportedParty: { select: { unitId: true } }, recusals: { select: { staffId: true } } },
  });
  const kept = new Set(c?.recusals.map((r) => r.staffId).filter((id) => staffIds.includes(id)) ?? []);
  const reported = c?.reportedParty?.unitId ?? null;
  if (reported) {
    const barred = subtreeIn(await unitParents(client), reported);
    const staff = await client.staffUser.findMany({ where: { id: { in: [...staffIds] } }, select: { id: true, unitId: true } });
    for (const person of staff) if (person.unitId && barred.has(person.unitId)) kept.add(person.id);
  }
  return kept;
}
