// One Prisma client per process, through the pg driver adapter (no native engine needed).
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '#app/generated/prisma/client.ts';
import { env } from './env.server.ts';

// Kept on globalThis: the Remix build and the worker, loaded separately into one process, share
// one client and one pool.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; pool?: pg.Pool };

export function db(): PrismaClient {
  if (!globalForPrisma.prisma) {
    globalForPrisma.pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: 10 });
    // An idle connection that the server drops (a restart) is replaced at the next query.
    globalForPrisma.pool.on('error', () => undefined);
    // The pool listens for errors only on idle connections. One that is checked out, say between
    // two statements of a transaction, when the server goes away would otherwise raise an
    // unhandled 'error' event and end the process. Its statements fail on their own, and the pool
    // drops it when it is released.
    globalForPrisma.pool.on('connect', (client) => client.on('error', () => undefined));
    globalForPrisma.prisma = new PrismaClient({ adapter: new PrismaPg(globalForPrisma.pool) });
  }
  return globalForPrisma.prisma;
}

/** How the pool is used, for the metrics; null before the first query. */
export function databasePoolStats(): { total: number; idle: number; waiting: number } | null {
  const pool = globalForPrisma.pool;
  return pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } : null;
}

export { Prisma } from '#app/generated/prisma/client.ts';
