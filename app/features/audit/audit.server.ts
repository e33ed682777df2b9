// The append-only audit log: sign-ins and their failures, account changes, changes to units,
// categories, reply templates and settings, every view of a citizen's contact details, every
// export. Admins read it; nothing can change it.
import { db, type Prisma } from '#app/platform/db.server.ts';
import type { AuditAction } from './actions.ts';

export interface AuditEntry {
  action: AuditAction;
  actorId?: string | null;
  targetType?: string;
  targetId?: string;
  ipAddress?: string | null;
  details?: Prisma.InputJsonObject;
}

type Client = Pick<ReturnType<typeof db>, 'auditLog'>;

export async function audit(entry: AuditEntry, client: Client = db()): Promise<void> {
  await client.auditLog.create({
    data: {
      action: entry.action,
      actorId: entry.actorId ?? null,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      ipAddress: entry.ipAddress ?? null,
      details: entry.details ?? {},
    },
  });
}

/**
 * An admin's change to one record (a unit, a category, a reply template, a staff account),
 * audited in the change's own transaction: who made it and from where, what was changed, and how.
 */
export async function auditChange(
  client: Client,
  who: { actor: { id: string }; context: { ipAddress: string } },
  [targetType, targetId]: [type: string, id: string],
  action: AuditAction,
  details: Prisma.InputJsonObject,
): Promise<void> {
  await audit({ action, actorId: who.actor.id, targetType, targetId, ipAddress: who.context.ipAddress, details }, client);
}
