// The unit tree as the permission rules need it. Read fresh on each call (units are few and an
// admin's move of a unit must bar its staff at once), within the caller's transaction when given.
import { db, type Prisma } from '#app/platform/db.server.ts';
import { lineageIn, subtreeIn, type UnitParents } from './unit-tree.ts';

type Client = Prisma.TransactionClient | ReturnType<typeof db>;

export async function unitParents(client: Client = db()): Promise<UnitParents> {
  const rows = await client.unit.findMany({ select: { id: true, parentId: true } });
  return new Map(rows.map((row) => [row.id, row.parentId]));
}

/** The unit and every unit above it, nearest first. */
export async function unitLineage(unitId: string | null, client: Client = db()): Promise<string[]> {
  return unitId ? lineageIn(await unitParents(client), unitId) : [];
}

/** The unit and every unit below it. */
export async function unitSubtree(unitId: string | null, client: Client = db()): Promise<Set<string>> {
  return unitId ? subtreeIn(await unitParents(client), unitId) : new Set();
}
