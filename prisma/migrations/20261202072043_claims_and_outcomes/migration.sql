-- CreateEnum
CREATE TYPE "ClaimOutcome" AS ENUM ('UPHELD', 'EXPLAINED', 'NOT_UPHELD', 'ADOPTED', 'PARTLY_ADOPTED', 'NOT_ADOPTED', 'SUBSTANTIATED', 'PARTLY_SUBSTANTIATED', 'NOT_SUBSTANTIATED', 'ANSWERED');

-- CreateEnum
CREATE TYPE "DeclineReason" AS ENUM ('LITIGATION', 'ARBITRATION', 'ADMINISTRATIVE_REVIEW', 'HANDLED_ELSEWHERE', 'ALREADY_RE_REVIEWED', 'OUTSIDE_REMIT', 'INSUFFICIENT_INFORMATION', 'OTHER');

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "declineReason" "DeclineReason",
ADD COLUMN     "legalBasis" TEXT;

-- CreateTable
CREATE TABLE "CaseClaim" (
    "caseId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "outcome" "ClaimOutcome",
    "reasons" TEXT,
    "answeredAt" TIMESTAMPTZ(3),

    CONSTRAINT "CaseClaim_pkey" PRIMARY KEY ("caseId","position")
);

-- CreateIndex
CREATE INDEX "CaseClaim_answeredAt_idx" ON "CaseClaim"("answeredAt");

-- AddForeignKey
ALTER TABLE "CaseClaim" ADD CONSTRAINT "CaseClaim_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Cases accepted before claims were listed get one claim, taken from the letter (its subject), so
-- that every accepted case can be answered claim by claim. Replies already published stay as they were.
INSERT INTO "CaseClaim" ("caseId", "position", "text")
SELECT "id", 1, "subject" FROM "Case" WHERE "acceptedAt" IS NOT NULL;
