-- CreateEnum
CREATE TYPE "CompletionReportStatus" AS ENUM ('PENDING', 'ACCEPTED', 'RETURNED');

-- AlterTable
ALTER TABLE "Appointment" ADD COLUMN     "anonymisedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "completionReportId" UUID;

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "decidedMatterOfId" UUID,
ADD COLUMN     "escalatedAt" TIMESTAMPTZ(3),
ADD COLUMN     "hearingHeld" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "hearingSince" TIMESTAMPTZ(3),
ADD COLUMN     "objectingUnitId" UUID,
ADD COLUMN     "objectionDueAt" TIMESTAMPTZ(3),
ADD COLUMN     "repliedByUnitId" UUID,
ADD COLUMN     "reportDueAt" TIMESTAMPTZ(3),
ADD COLUMN     "reviewedByUnitId" UUID,
ADD COLUMN     "reworkCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "routeReason" TEXT;

-- AlterTable
ALTER TABLE "CaseContact" ADD COLUMN     "anonymisedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "ReportedParty" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "unitId" UUID,
    "officialName" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReportedParty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recusal" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Recusal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompletionReport" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "unitId" UUID,
    "authorId" UUID NOT NULL,
    "findings" TEXT NOT NULL,
    "status" "CompletionReportStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" UUID,
    "decisionReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CompletionReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseOpening" (
    "id" BIGSERIAL NOT NULL,
    "caseId" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "unitId" UUID,
    "openedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseOpening_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportedParty_caseId_key" ON "ReportedParty"("caseId");

-- CreateIndex
CREATE INDEX "ReportedParty_unitId_idx" ON "ReportedParty"("unitId");

-- CreateIndex
CREATE INDEX "Recusal_staffId_idx" ON "Recusal"("staffId");

-- CreateIndex
CREATE UNIQUE INDEX "Recusal_caseId_staffId_key" ON "Recusal"("caseId", "staffId");

-- CreateIndex
CREATE INDEX "CompletionReport_caseId_createdAt_idx" ON "CompletionReport"("caseId", "createdAt");

-- CreateIndex
CREATE INDEX "CaseOpening_caseId_openedAt_idx" ON "CaseOpening"("caseId", "openedAt");

-- AddForeignKey
ALTER TABLE "ReportedParty" ADD CONSTRAINT "ReportedParty_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportedParty" ADD CONSTRAINT "ReportedParty_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recusal" ADD CONSTRAINT "Recusal_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recusal" ADD CONSTRAINT "Recusal_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompletionReport" ADD CONSTRAINT "CompletionReport_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseOpening" ADD CONSTRAINT "CaseOpening_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_completionReportId_fkey" FOREIGN KEY ("completionReportId") REFERENCES "CompletionReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A declared conflict of interest (art. 28) and the record of who opened a report (art. 30) are
-- history: like CaseEvent and AuditLog, they can be added to and never changed or removed.
CREATE FUNCTION reject_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% rejected)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "Recusal_append_only"
  BEFORE UPDATE OR DELETE ON "Recusal"
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();

CREATE TRIGGER "CaseOpening_append_only"
  BEFORE UPDATE OR DELETE ON "CaseOpening"
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
