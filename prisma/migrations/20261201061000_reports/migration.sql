-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "decidedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "PreparedReport" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "periodFrom" DATE NOT NULL,
    "periodTo" DATE NOT NULL,
    "preparedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "data" JSONB NOT NULL,

    CONSTRAINT "PreparedReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublishedStatistics" (
    "key" TEXT NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL,
    "data" JSONB NOT NULL,

    CONSTRAINT "PublishedStatistics_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "PreparedReport_preparedAt_idx" ON "PreparedReport"("preparedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PreparedReport_kind_periodKey_key" ON "PreparedReport"("kind", "periodKey");

-- CreateIndex
CREATE INDEX "Case_decidedAt_idx" ON "Case"("decidedAt");

-- CreateIndex
CREATE INDEX "Case_repliedAt_idx" ON "Case"("repliedAt");

-- CreateIndex
CREATE INDEX "Case_replyDueAt_idx" ON "Case"("replyDueAt");

-- CreateIndex
CREATE INDEX "Case_responseDueAt_idx" ON "Case"("responseDueAt");

-- CreateIndex
CREATE INDEX "CaseEvent_type_createdAt_idx" ON "CaseEvent"("type", "createdAt");

-- CreateIndex
CREATE INDEX "SatisfactionRating_createdAt_idx" ON "SatisfactionRating"("createdAt");

-- Hand-written: the rules below are not expressible in schema.prisma.

-- A case's first decision (art. 22/23: accept, decline, forward, or merge as a duplicate) is the
-- end of its acceptance step. Every path that decides a case appends a CaseEvent leaving SUBMITTED,
-- so the event sets "decidedAt" once, in the same transaction, whichever feature wrote it.
CREATE FUNCTION record_case_decision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Case" SET "decidedAt" = NEW."createdAt" WHERE "id" = NEW."caseId" AND "decidedAt" IS NULL;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "CaseEvent_records_decision"
  AFTER INSERT ON "CaseEvent"
  FOR EACH ROW
  WHEN (NEW."fromStatus" = 'SUBMITTED' AND NEW."toStatus" IN ('ACCEPTED', 'NOT_ACCEPTED', 'TRANSFERRED', 'MERGED'))
  EXECUTE FUNCTION record_case_decision();

-- Cases decided before this migration.
UPDATE "Case" c SET "decidedAt" = d."at"
FROM (
  SELECT "caseId", min("createdAt") AS "at" FROM "CaseEvent"
  WHERE "fromStatus" = 'SUBMITTED' AND "toStatus" IN ('ACCEPTED', 'NOT_ACCEPTED', 'TRANSFERRED', 'MERGED')
  GROUP BY "caseId"
) d
WHERE c."id" = d."caseId" AND c."decidedAt" IS NULL;
UPDATE "Case" SET "decidedAt" = "acceptedAt" WHERE "decidedAt" IS NULL AND "acceptedAt" IS NOT NULL;
