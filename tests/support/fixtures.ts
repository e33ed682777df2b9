// Builders for integration tests: real rows in the throwaway database, no mocks.
import { randomBytes } from 'node:crypto';
import { db } from '#app/platform/db.server.ts';
import type { Submission } from '#app/features/cases/submission.ts';

export async function anyCategoryId(code = 'wage-arrears'): Promise<string> {
  const category = await db().category.findUniqueOrThrow({ where: { code } });
  return category.id;
}

export function newIdempotencyKey(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * A client address of its own (IPv6 documentation range, 2001:db8::/32): rate-limit buckets are
 * per address and outlive a test, so two tests must never share one by chance.
 */
export function newClientIp(): string {
  const groups = Array.from({ length: 6 }, () => randomBytes(2).toString('hex'));
  return `2001:db8:${groups.join(':')}`;
}

/**
 * A valid letter from a person of its own, in an area of its own: tests do not turn into repeats
 * (same contact, same issue) or clusters (same area, similar text) of each other's cases unless
 * they ask for it with overrides.
 */
export async function validSubmission(overrides: Partial<Submission> = {}): Promise<Submission> {
  const unique = randomBytes(4).readUInt32BE(0);
  return {
    kind: 'COMPLAINT',
    categoryId: await anyCategoryId(),
    area: `东城区${unique}`,
    subject: '拖欠工资三个月',
    body: '我所在的建筑公司自八月起拖欠工资三个月，多次讨要未果。',
    coSignerCount: 1,
    anonymous: false,
    name: '李雷',
    phone: `138${String(unique % 100_000_000).padStart(8, '0')}`,
    email: `li.lei.${unique}@example.com`,
    postalAddress: null,
    preferredReplyChannel: 'ONLINE',
    checkIn: 'NONE',
    consent: 'yes',
    reportedUnitId: null,
    reportedOfficial: null,
    ...overrides,
  };
}

export async function unitId(code: string): Promise<string> {
  return (await db().unit.findUniqueOrThrow({ where: { code } })).id;
}

/** A staff account with a known password, ready to sign in (no forced change, no second factor). */
export async function staffUser(role: 'CLERK' | 'HANDLER' | 'SUPERVISOR' | 'ANALYST' | 'ADMIN', unitCode?: string) {
  const { hashPassword } = await import('#app/features/staff/passwords.server.ts');
  const password = 'correct horse battery staple';
  const user = await db().staffUser.create({
    data: {
      email: `${role.toLowerCase()}-${newIdempotencyKey()}@example.gov.cn`.toLowerCase(),
      name: `${role} tester`,
      role,
      unitId: unitCode ? await unitId(unitCode) : null,
      passwordHash: await hashPassword(password),
    },
  });
  const { unitLineage } = await import('#app/features/reference-data/unit-tree.server.ts');
  const actor = { id: user.id, role, unitId: user.unitId, unitLineage: await unitLineage(user.unitId) } as const;
  return { user, password, actor };
}
