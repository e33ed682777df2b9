// The append-only audit log: sign-ins and their failures, account changes, changes to units,
// categories, reply templates and settings, every view of a citizen's contact details, every
// export. Admins read it; nothing can change it.
import { db, type Prisma } from '#app/platform/db.server.ts';

export type AuditAction =
  | 'signIn.success'
  | 'signIn.failure'
  | 'signIn.lockout'
  | 'signIn.secondFactorFailure'
  | 'signOut'
  | 'password.changed'
  | 'totp.enabled'
  | 'totp.recoveryCodeUsed'
  | 'staff.created'
  | 'staff.roleChanged'
  | 'staff.deactivated'
  | 'staff.reactivated'
  | 'staff.sessionsRevoked'
  | 'totp.resetByAdmin'
  | 'unit.created'
  | 'unit.updated'
  | 'unit.deactivated'
  | 'unit.reactivated'
  | 'category.created'
  | 'category.updated'
  | 'category.deactivated'
  | 'category.reactivated'
  | 'replyTemplate.created'
  | 'replyTemplate.updated'
  | 'replyTemplate.deactivated'
  | 'replyTemplate.reactivated'
  | 'setting.updated'
  | 'warning.overridden'
  | 'contact.viewed'
  | 'attachment.downloaded'
  | 'export';

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

export async function recentAuditEntries(limit = 200, before?: bigint) {
  return await db().auditLog.findMany({
    where: before ? { id: { lt: before } } : {},
    orderBy: { id: 'desc' },
    take: limit,
  });
}
