// The integration suites share one database, and the earlier ones leave pending outbox messages
// behind. A delivery test that drained all of them would be slow and would depend on the order the
// files run in, so each notification suite first moves the leftovers out of reach: they stay
// PENDING, just not due for a long time, and are otherwise untouched.
import { db } from '#app/platform/db.server.ts';

export async function parkOtherSuitesMessages(): Promise<void> {
  await db().outboxMessage.updateMany({
    where: { status: { in: ['PENDING', 'SENDING'] } },
    data: { status: 'PENDING', lockedUntil: null, nextAttemptAt: new Date('9999-01-01T00:00:00Z') },
  });
}
