-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'DEAD');

-- CreateEnum
CREATE TYPE "RecipientType" AS ENUM ('CITIZEN', 'STAFF');

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "missedDeadlines" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "missedDueAt" TIMESTAMPTZ(3),
ADD COLUMN     "nextTargetDueAt" TIMESTAMPTZ(3),
ADD COLUMN     "progressAt" TIMESTAMPTZ(3),
ADD COLUMN     "progressDueAt" TIMESTAMPTZ(3),
ADD COLUMN     "repeatOfId" UUID,
ADD COLUMN     "respondedAt" TIMESTAMPTZ(3),
ADD COLUMN     "responseDueAt" TIMESTAMPTZ(3),
ADD COLUMN     "resultAt" TIMESTAMPTZ(3),
ADD COLUMN     "resultDueAt" TIMESTAMPTZ(3),
ADD COLUMN     "warningOverride" "WarningLevel",
ADD COLUMN     "warningReasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "welfareConcern" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "CaseCluster" ADD COLUMN     "confirmedAt" TIMESTAMPTZ(3),
ADD COLUMN     "dissolvedAt" TIMESTAMPTZ(3),
ADD COLUMN     "title" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL;

-- AlterTable
ALTER TABLE "StaffUser" ADD COLUMN     "mutedNotifications" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" UUID NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "recipientType" "RecipientType" NOT NULL,
    "caseId" UUID,
    "staffId" UUID,
    "locale" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMPTZ(3),
    "sentAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_caseId_idx" ON "OutboxMessage"("caseId");

-- CreateIndex
CREATE INDEX "Case_warningLevel_nextTargetDueAt_idx" ON "Case"("warningLevel", "nextTargetDueAt");

-- CreateIndex
CREATE INDEX "Case_categoryId_area_receivedAt_idx" ON "Case"("categoryId", "area", "receivedAt");

-- CreateIndex
CREATE INDEX "CaseCluster_dissolvedAt_categoryId_idx" ON "CaseCluster"("dissolvedAt", "categoryId");
