-- CreateIndex
CREATE INDEX "Case_nextDueAt_id_idx" ON "Case"("nextDueAt", "id");
