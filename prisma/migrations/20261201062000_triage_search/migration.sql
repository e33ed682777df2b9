-- DropIndex
DROP INDEX "Case_nextDueAt_id_idx";

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "searchIndexVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "wordVector" tsvector;

-- CreateTable
CREATE TABLE "CaseView" (
    "caseId" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "viewedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CaseView_pkey" PRIMARY KEY ("caseId","staffId")
);

-- CreateTable
CREATE TABLE "SavedQueueView" (
    "id" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedQueueView_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CaseView_caseId_viewedAt_idx" ON "CaseView"("caseId", "viewedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SavedQueueView_staffId_name_key" ON "SavedQueueView"("staffId", "name");

-- CreateIndex
CREATE INDEX "Case_nextDueAt_warningLevel_receivedAt_id_idx" ON "Case"("nextDueAt", "warningLevel" DESC, "receivedAt", "id");

-- CreateIndex
CREATE INDEX "Case_wordVector_idx" ON "Case" USING GIN ("wordVector");

-- CreateIndex
CREATE INDEX "Case_searchIndexVersion_idx" ON "Case"("searchIndexVersion");

-- AddForeignKey
ALTER TABLE "CaseView" ADD CONSTRAINT "CaseView_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseView" ADD CONSTRAINT "CaseView_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedQueueView" ADD CONSTRAINT "SavedQueueView_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;
