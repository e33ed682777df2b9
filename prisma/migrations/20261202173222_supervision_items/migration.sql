-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "supervisionDueAt" TIMESTAMPTZ(3),
ADD COLUMN     "supervisionOpenedAt" TIMESTAMPTZ(3),
ADD COLUMN     "supervisionUnitId" UUID;

-- CreateIndex
CREATE INDEX "Case_supervisionOpenedAt_idx" ON "Case"("supervisionOpenedAt");
