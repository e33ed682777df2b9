-- CreateEnum
CREATE TYPE "OutboxChannel" AS ENUM ('EMAIL', 'SMS');

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "channel" "OutboxChannel" NOT NULL DEFAULT 'EMAIL';
