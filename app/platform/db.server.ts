// One Prisma client per process, through the pg driver adapter (no native engine needed).
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '#app/generated/prisma/client.ts';
import { env } from './env.server.ts';

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function db(): PrismaClient {
  globalForPrisma.prisma ??= new PrismaClient({
    adapter: new PrismaPg({ connectionString: env().DATABASE_URL, max: 10 }),
  });
  return globalForPrisma.prisma;
}

export { Prisma } from '#app/generated/prisma/client.ts';
