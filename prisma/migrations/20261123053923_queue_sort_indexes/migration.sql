-- DropIndex
DROP INDEX "Case_receivedAt_idx";

-- CreateIndex
CREATE INDEX "Case_receivedAt_id_idx" ON "Case"("receivedAt", "id");

-- CreateIndex
CREATE INDEX "Case_warningLevel_nextDueAt_id_idx" ON "Case"("warningLevel" DESC, "nextDueAt", "id");
