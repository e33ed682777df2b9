// Builders for integration tests: real rows in the throwaway database, no mocks.
import { randomBytes } from 'node:crypto';
import { db } from '../../app/db.server.ts';
import type { Submission } from '../../app/domain/submission.ts';

export async function anyCategoryId(code = 'wage-arrears'): Promise<string> {
  const category = await db().category.findUniqueOrThrow({ where: { code } });
  return category.id;
}

export function newIdempotencyKey(): string {
  return randomBytes(18).toString('base64url');
}

export async function validSubmission(overrides: Partial<Submission> = {}): Promise<Submission> {
  return {
    kind: 'COMPLAINT',
    categoryId: await anyCategoryId(),
    area: '东城区',
    subject: '拖欠工资三个月',
    body: '我所在的建筑公司自八月起拖欠工资三个月，多次讨要未果。',
    coSignerCount: 1,
    anonymous: false,
    name: '李雷',
    phone: '13812345678',
    email: 'li.lei@example.com',
    postalAddress: null,
    preferredReplyChannel: 'ONLINE',
    consent: 'yes',
    ...overrides,
  };
}
