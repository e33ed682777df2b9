-- CreateEnum
CREATE TYPE "CaseKind" AS ENUM ('SUGGESTION', 'OPINION', 'COMPLAINT', 'HELP_REQUEST', 'MISCONDUCT_REPORT', 'INQUIRY');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('ONLINE', 'LETTER', 'VISIT', 'PHONE', 'HOTLINE', 'API');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'REPLIED', 'REVIEW_REQUESTED', 'REVIEWED', 'RE_REVIEW_REQUESTED', 'FINAL', 'CLOSED', 'NOT_ACCEPTED', 'TRANSFERRED', 'MERGED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "WarningLevel" AS ENUM ('NONE', 'BLUE', 'YELLOW', 'ORANGE', 'RED');

-- CreateEnum
CREATE TYPE "ReplyChannel" AS ENUM ('ONLINE', 'EMAIL', 'PHONE', 'POST');

-- CreateEnum
CREATE TYPE "EventVisibility" AS ENUM ('PUBLIC', 'INTERNAL');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('CITIZEN', 'STAFF', 'SYSTEM');

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('CLERK', 'HANDLER', 'SUPERVISOR', 'ANALYST', 'ADMIN');

-- CreateTable
CREATE TABLE "Unit" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "nameZhHans" TEXT NOT NULL,
    "nameZhHant" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "parentId" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Category" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "nameZhHans" TEXT NOT NULL,
    "nameZhHant" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "defaultUnitId" UUID,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" UUID NOT NULL,
    "receiptNo" TEXT NOT NULL,
    "accessCodeHash" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "kind" "CaseKind" NOT NULL,
    "channel" "Channel" NOT NULL DEFAULT 'ONLINE',
    "categoryId" UUID NOT NULL,
    "area" TEXT,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "coSignerCount" INTEGER NOT NULL DEFAULT 1,
    "citizenLocale" TEXT NOT NULL DEFAULT 'zh-Hans',
    "preferredReplyChannel" "ReplyChannel" NOT NULL DEFAULT 'ONLINE',
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "status" "CaseStatus" NOT NULL DEFAULT 'SUBMITTED',
    "warningLevel" "WarningLevel" NOT NULL DEFAULT 'NONE',
    "warningOverrideReason" TEXT,
    "unitId" UUID,
    "assigneeId" UUID,
    "clusterId" UUID,
    "mergedIntoId" UUID,
    "transferredTo" TEXT,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3),
    "repliedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "acceptDueAt" TIMESTAMPTZ(3) NOT NULL,
    "replyDueAt" TIMESTAMPTZ(3),
    "extensionDays" INTEGER,
    "extensionReason" TEXT,
    "reviewRequestDueAt" TIMESTAMPTZ(3),
    "reviewDueAt" TIMESTAMPTZ(3),
    "reReviewRequestDueAt" TIMESTAMPTZ(3),
    "reReviewDueAt" TIMESTAMPTZ(3),
    "nextDueAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseContact" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "postalAddress" TEXT,
    "phoneFingerprint" TEXT,
    "emailFingerprint" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" BIGSERIAL NOT NULL,
    "caseId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "visibility" "EventVisibility" NOT NULL,
    "actorType" "ActorType" NOT NULL,
    "actorId" UUID,
    "fromStatus" "CaseStatus",
    "toStatus" "CaseStatus",
    "message" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseCluster" (
    "id" UUID NOT NULL,
    "categoryId" UUID NOT NULL,
    "area" TEXT,
    "warningLevel" "WarningLevel" NOT NULL DEFAULT 'NONE',
    "confirmed" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseCluster_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffUser" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "StaffRole" NOT NULL,
    "unitId" UUID,
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Unit_code_key" ON "Unit"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Category_code_key" ON "Category"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Case_receiptNo_key" ON "Case"("receiptNo");

-- CreateIndex
CREATE UNIQUE INDEX "Case_idempotencyKey_key" ON "Case"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Case_status_nextDueAt_idx" ON "Case"("status", "nextDueAt");

-- CreateIndex
CREATE INDEX "Case_unitId_status_nextDueAt_idx" ON "Case"("unitId", "status", "nextDueAt");

-- CreateIndex
CREATE INDEX "Case_assigneeId_status_nextDueAt_idx" ON "Case"("assigneeId", "status", "nextDueAt");

-- CreateIndex
CREATE INDEX "Case_categoryId_createdAt_idx" ON "Case"("categoryId", "createdAt");

-- CreateIndex
CREATE INDEX "Case_clusterId_idx" ON "Case"("clusterId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseContact_caseId_key" ON "CaseContact"("caseId");

-- CreateIndex
CREATE INDEX "CaseContact_phoneFingerprint_idx" ON "CaseContact"("phoneFingerprint");

-- CreateIndex
CREATE INDEX "CaseContact_emailFingerprint_idx" ON "CaseContact"("emailFingerprint");

-- CreateIndex
CREATE INDEX "CaseEvent_caseId_createdAt_idx" ON "CaseEvent"("caseId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "StaffUser_email_key" ON "StaffUser"("email");

-- CreateIndex
CREATE INDEX "RateLimitBucket_expiresAt_idx" ON "RateLimitBucket"("expiresAt");

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Category" ADD CONSTRAINT "Category_defaultUnitId_fkey" FOREIGN KEY ("defaultUnitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "CaseCluster"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseContact" ADD CONSTRAINT "CaseContact_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffUser" ADD CONSTRAINT "StaffUser_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: the rules below are not expressible in schema.prisma.

-- Case history is append-only: nothing in the application may rewrite or delete it.
CREATE FUNCTION reject_case_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'CaseEvent is append-only (% rejected)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "CaseEvent_append_only"
  BEFORE UPDATE OR DELETE ON "CaseEvent"
  FOR EACH ROW EXECUTE FUNCTION reject_case_event_change();

CREATE TRIGGER "CaseEvent_no_truncate"
  BEFORE TRUNCATE ON "CaseEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION reject_case_event_change();
